"""Near-duplicate articles: MinHash LSH over word shingles, persisted across ingest runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.model import Article, Result
from newsevents.store import Store
from newsevents.store.dedup import DedupConfig, NearDuplicateIndex, shingles, signature

WIRE = (
    "KYIV, March 10 (Reuters) - Ukraine's foreign minister said on Thursday that talks with his Russian "
    "counterpart in Turkey had made no progress towards a ceasefire, as Russian forces pressed their assault on "
    "the besieged port city of Mariupol. Dmytro Kuleba told a news conference in Antalya that Sergei Lavrov had "
    "offered nothing new and that Moscow still wanted Ukraine to surrender. Lavrov said Russia would continue "
    "its operation until its aims were met, and repeated claims that the West was arming Kyiv."
)
# A syndicated copy: new dateline, one sentence trimmed, a few words changed.
EDITED = (
    "ANTALYA, Turkey (AP) - Ukraine's foreign minister said on Thursday that talks with his Russian "
    "counterpart in Turkey had made no progress towards a ceasefire, as Russian forces pressed their assault on "
    "the besieged port city of Mariupol. Dmytro Kuleba told a news conference in Antalya that Sergei Lavrov had "
    "offered nothing new and that Moscow still wanted Ukraine to surrender. Lavrov said Russia would keep up "
    "its operation until its aims were met, and repeated claims that the West was arming Kyiv."
)
OTHER = (
    "The European Central Bank left interest rates unchanged on Thursday but said it would wind down its bond "
    "purchases faster than planned, as inflation in the euro zone hit a record high driven by energy prices. "
    "President Christine Lagarde told reporters the war in Ukraine had created substantial uncertainty."
)


def result(aid: str, text: str) -> Result:
    return Result(Article(aid, text, "2022-03-10", "day"))


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [("A b c d", 3, {"a b c", "b c d"}), ("Two words", 3, {"two words"}), ("", 3, set())],
)
def test_dedup_shingles_are_lowercased_word_ngrams(text: str, k: int, expected: set[str]) -> None:
    assert shingles(text, k) == expected


def test_dedup_index_finds_edited_copy_and_not_other_story() -> None:
    config = DedupConfig()
    index = NearDuplicateIndex(config)
    wire = signature(WIRE, config)
    assert wire is not None
    index.add("wire", wire, 0, None)
    edited, other = signature(EDITED, config), signature(OTHER, config)
    assert edited is not None and other is not None
    found = index.find("edited", edited, 1)
    assert found is not None and found[0] == "wire" and found[1] >= config.threshold
    assert index.find("other", other, 2) is None
    # Only earlier articles can be originals.
    assert index.find("edited", edited, -1) is None


def test_dedup_store_marks_copy_and_points_chains_at_the_original(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    with Store(db) as store:
        counts = store.add_results([result("wire", WIRE), result("other", OTHER)])
        assert counts.duplicates == 0
    # A later run (new process state): the index is rebuilt from stored signatures.
    with Store(db) as store:
        counts = store.add_results(
            [result("edited", EDITED), result("edited-again", EDITED + " Reporting by staff.")]
        )
        assert counts.duplicates == 2
        rows = {r["id"]: r for r in store.query("SELECT id, duplicate_of, similarity FROM articles")}
    assert rows["wire"]["duplicate_of"] is None and rows["other"]["duplicate_of"] is None
    assert rows["edited"]["duplicate_of"] == "wire"
    assert rows["edited-again"]["duplicate_of"] == "wire"  # never a chain through "edited"
    assert 0.7 <= rows["edited"]["similarity"] <= 1.0


def test_dedup_can_be_disabled() -> None:
    with Store(":memory:", dedup=DedupConfig(enabled=False)) as store:
        assert store.add_results([result("wire", WIRE), result("edited", EDITED)]).duplicates == 0
        assert store.query("SELECT count(*) AS n FROM minhashes")[0]["n"] == 0
