"""GAP scoring (reader, decisions, P/R/F1 by gender, bias) and the speaker name accuracy, on hand-made data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.evaluation.gap import GapDecision, GapItem, decide, read_gap, score_decisions
from newsevents.evaluation.matching import GoldQuote, PredQuote, match_quotes, speaker_name_counts
from newsevents.model import Actor, Mention, Span

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n"
runner = CliRunner()


def _row(rid: str, text: str, pronoun: str, a: str, b: str, a_coref: bool, b_coref: bool) -> str:
    p_off = text.index(" " + pronoun + " ") + 1
    return (
        f"{rid}\t{text}\t{pronoun}\t{p_off}\t{a}\t{text.index(a)}\t{str(a_coref).upper()}\t"
        f"{b}\t{text.index(b)}\t{str(b_coref).upper()}\thttp://example.org\n"
    )


def _item(a_coref: bool, b_coref: bool, pronoun: str = "he") -> GapItem:
    return GapItem("x", "", pronoun, 0, "A", 0, a_coref, "B", 5, b_coref)


def test_gap_read_rows(tmp_path: Path) -> None:
    text = "Maria Lopez met Tom Hardy in Lima. Later she wrote a novel about the trip."
    path = tmp_path / "g.tsv"
    path.write_text(HEADER + _row("t-1", text, "she", "Maria Lopez", "Tom Hardy", True, False))
    (item,) = read_gap(path)
    assert item.text[item.pronoun_offset : item.pronoun_offset + 3] == "she"
    assert item.text[item.b_offset :].startswith("Tom Hardy")
    assert item.a_coref and not item.b_coref and item.gender == "F"


def test_gap_reader_refuses_other_tsv(tmp_path: Path) -> None:
    path = tmp_path / "other.tsv"
    path.write_text("a\tb\n1\t2\n")
    with pytest.raises(ValueError, match="not a GAP file"):
        list(read_gap(path))


def test_gap_score_counts_both_decisions_by_gender() -> None:
    pairs = [
        (_item(True, False), GapDecision("1", True, False)),  # TP
        (_item(False, True), GapDecision("2", True, False)),  # FP (A) + FN (B)
        (_item(False, False, "her"), GapDecision("3", False, False)),  # nothing to count
        (_item(True, False, "her"), GapDecision("4", False, False)),  # FN
        (_item(False, True, "her"), GapDecision("5", False, True)),  # TP
    ]
    s = score_decisions("mini", pairs)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (2, 1, 2)
    assert (s.by_gender["M"].tp, s.by_gender["M"].fp, s.by_gender["M"].fn) == (1, 1, 1)
    assert s.by_gender["M"].f1 == pytest.approx(0.5) and s.by_gender["F"].f1 == pytest.approx(2 / 3)
    assert s.bias == pytest.approx(4 / 3)
    assert [d.id for _, d in s.errors] == ["2", "4"]


def _actor(name: str, *spans: tuple[int, int, str, str]) -> Actor:
    mentions = tuple(Mention(Span(a, b, t), k, "name") for a, b, t, k in spans)  # type: ignore[arg-type]
    return Actor("id-" + name, "art", name, "PERSON", None, None, None, mentions)


def test_gap_decide_by_cluster_membership() -> None:
    item = GapItem("x", "", "his", 40, "Ann Lee", 0, False, "Bo Chan", 12, True)
    bo = _actor("Bo Chan", (12, 19, "Bo Chan", "name"), (40, 43, "his", "pronoun"))
    ann = _actor("Ann Lee", (0, 7, "Ann Lee", "name"))
    d = decide(item, [ann, bo])
    assert (d.a, d.b, d.actor) == (False, True, "Bo Chan")
    unresolved = decide(item, [ann, _actor("Bo Chan", (12, 19, "Bo Chan", "name"))])
    assert (unresolved.a, unresolved.b) == (False, False)


def test_gap_decide_candidate_the_parse_left_untagged() -> None:
    # No mention at B's offset, but the pronoun's actor carries every word of B's name elsewhere.
    item = GapItem("x", "", "she", 60, "Ann Lee", 0, False, "Rosa Park", 12, True)
    rosa = _actor("Rosa Park", (30, 39, "Rosa Park", "name"), (60, 63, "she", "pronoun"))
    assert decide(item, [rosa]).b
    only_surname = _actor("Park", (30, 34, "Park", "name"), (60, 63, "she", "pronoun"))
    assert not decide(item, [only_surname]).b


def test_speaker_name_accuracy_ignores_mention_text_and_span_overlap() -> None:
    gold = (GoldQuote("the bridge will reopen soon", ("Okafor",), speaker_span=(0, 2)),)
    by_pronoun = PredQuote(
        "the bridge will reopen soon", "he", ("he", "Okafor"), speaker_span=(0, 2), speaker_names=("he",)
    )
    m = match_quotes(gold, (by_pronoun,))
    assert m.speaker_right == ((0, True),)  # the README's speaker accuracy credits mention text / overlap
    acc = speaker_name_counts(m)
    assert (acc.right, acc.total) == (0, 1)
    resolved = PredQuote("the bridge will reopen soon", "Ngozi Okafor", speaker_names=("Ngozi Okafor", "NGA"))
    acc = speaker_name_counts(match_quotes(gold, (resolved,)))
    assert (acc.right, acc.total) == (1, 1)


def test_speaker_name_accuracy_skips_pronoun_only_gold() -> None:
    gold = (GoldQuote("prices will fall", None, speaker_span=(0, 2)),)
    m = match_quotes(gold, (PredQuote("prices will fall", "x", speaker_names=("x",)),))
    assert speaker_name_counts(m).total == 0


def test_eval_cli_scores_a_gap_file(tmp_path: Path) -> None:
    path = tmp_path / "gap-mini.tsv"
    path.write_text(
        HEADER
        + _row(
            "h-1",
            "Peter Novak met Karl Weber in Vienna. He said the talks went well.",
            "He",
            "Peter Novak",
            "Karl Weber",
            True,
            False,
        )
        + _row(
            "h-2",
            "Anna Berg thanked Lena Ström for the award. She said it was a surprise.",
            "She",
            "Anna Berg",
            "Lena Ström",
            True,
            False,
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", str(path), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    (gap,) = json.loads(result.output)["gap"]
    assert gap["pronouns"] == 2
    assert gap["overall"]["tp"] + gap["overall"]["fn"] == 2
    assert set(gap["by_gender"]) == {"F", "M"}
