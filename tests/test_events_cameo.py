"""The compiled CAMEO verb dictionary: the compiler on hand-written dictionary lines, the shipped data file,
and the second lexicon on sentences written for this test (never gold sentences)."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from test_events_helpers import describe, events

ROOT = Path(__file__).resolve().parents[1]


def _compiler():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "compile_cameo_verbs", ROOT / "scripts" / "compile_cameo_verbs.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["compile_cameo_verbs"] = mod
    spec.loader.exec_module(mod)
    return mod


C = _compiler()

TABLE = {
    "161": {"type": "SANCTION", "mode": "withdraw", "context": "diplomatic", "label": ""},
    "173": {"type": "COERCE", "mode": "arrest", "context": "legal", "label": ""},
    "174": {"type": "COERCE", "mode": "deport", "context": "legal", "label": ""},
    "0841": {"type": "RETREAT", "mode": "release", "context": "legal", "label": ""},
    "084": {"type": "RETREAT", "mode": "", "context": "", "label": ""},
}

# A miniature dictionary in PETRARCH2's format, written for this test.
MINI = """\
####### SYNONYM SETS #######

&CAPTIVE
+HOSTAGE
+PRISONER_OF_WAR

####### VERB PATTERNS #######

---  THROW_OUT   [174]  ---
+KICK_OUT
BANISH {BANISHES BANISHED }
- * ENVOY                                 [161]         # BANISH
- * ENVOYS                                [174]         # BANISH
- * (FROM OFFICE)                         [:173]        # BANISH
- * REPORTERS                             [010]         # KICK_OUT

---  LET_GO   [---]  ---
FREE
RELEASE [084]
- * &CAPTIVE                              [0841]        # RELEASE
- * STATEMENT                             [010]         # RELEASE

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def test_compiler_reads_a_table_row() -> None:
    line = "0841: RETREAT, release,   legal # Return, release person(s)"
    m = C.TABLE_RE.match(line)
    assert m is not None
    assert m.group(1) == "0841" and m.group(2) == "RETREAT" and m.group(3).strip() == "release"


def test_compiler_maps_codes_through_the_table() -> None:
    assert C.plover("0841", TABLE)["type"] == "RETREAT"
    assert C.plover("0849", TABLE)["type"] == "RETREAT"  # a sub-code missing from the table: its parent
    assert C.plover("010", TABLE) is None  # statements: PLOVER has no such type
    assert C.first_code("042:043") == "042"
    assert C.first_code(":173") is None  # codes only the reverse direction
    assert C.first_code("---") is None


def test_compiler_parses_pattern_parts() -> None:
    p = C.parse_pattern("- GUNMEN * OFF {DIPLOMATIC TIES} (WITH +) ".lstrip("- "))
    assert p == {
        "subject": ["gunmen"],
        "particle": "off",
        "object": ["diplomatic", "ties"],
        "preps": [["with", None]],
    }
    assert C.parse_pattern("* &CAPTIVE (FROM &DETENTION)") == {
        "object": ["&CAPTIVE"],
        "preps": [["from", ["&DETENTION"]]],
    }


def test_compiler_on_a_miniature_dictionary() -> None:
    data = C.compile_dictionary(MINI, TABLE)
    assert data["classes"]["CAPTIVE"] == ["hostage", "prisoner of war"]
    blocks = {b["name"]: b for b in data["blocks"]}
    throw = blocks["THROW_OUT"]
    # ENVOYS duplicates ENVOY once singular: the first one stays; [:173] and [010] are dropped
    assert [(p["object"], p["code"], p["type"]) for p in throw["patterns"]] == [
        (["envoy"], "161", "SANCTION")
    ]
    assert throw["patterns"][0]["origin"] == ["banish"]
    kick = throw["verbs"][0]
    assert kick["lemma"] == "kick" and kick["particle"] == "out" and kick["bare"]["code"] == "174"
    let_go = blocks["LET_GO"]
    assert [p["type"] for p in let_go["patterns"]] == ["RETREAT"]
    free, release = let_go["verbs"]
    assert "bare" not in free and release["bare"]["code"] == "084"
    stats = data["stats"]
    assert stats["duplicate"] == 1 and stats["reverse"] == 1 and stats["unmapped"] == 2


def test_shipped_data_keeps_both_licences_and_only_plover_types() -> None:
    root = resources.files("newsevents.ontology")
    data = json.loads(root.joinpath("cameo_verbs.json").read_text("utf-8"))
    assert data["attribution"]["verbs"]["licence"] == "MIT"
    assert data["attribution"]["table"]["licence"].startswith("CC-BY-SA 4.0")
    plover = yaml.safe_load(root.joinpath("plover.yaml").read_text("utf-8"))["types"]
    patterns = [p for b in data["blocks"] for p in b["patterns"]]
    assert len(patterns) > 3000
    assert {p["type"] for p in patterns} <= set(plover)
    assert not [
        p for p in patterns if p["code"][:2] in ("01", "02")
    ]  # statements and appeals: no PLOVER type


# Verbs the hand-written lexicon does not list: the dictionary codes them, with its own CAMEO code and rule.
CAMEO_CODED = [
    ("Turkey evicted the settlers from the village.", "COERCE", "174", "turkey", "settlers"),
    ("Kenya repatriated the prisoners to Uganda.", "RETREAT", "0841", "kenya", "prisoners"),
    ("Lebanon repatriated the refugees to Syria.", "RETREAT", "0841", "lebanon", "refugees"),
    ("The rebels wiped out the village leaders.", "ASSAULT", "186", "rebels", "leaders"),
    # the project's additions (scripts/cameo_additions.txt)
    ("A Kenyan court freed 14 suspects from custody.", "RETREAT", "0841", "court", "suspects"),
    (
        "The African Union suspended Mali from the bloc after the coup.",
        "SANCTION",
        "161",
        "african union",
        "mali",
    ),
]


@pytest.mark.parametrize(("sentence", "type_", "code", "actor", "recipient"), CAMEO_CODED)
def test_cameo_pattern_codes_type_code_and_rule(
    sentence: str, type_: str, code: str, actor: str, recipient: str
) -> None:
    found = [e for e in events(sentence) if "cameo:" in e.rule]
    assert found, describe(events(sentence))
    e = found[0]
    assert (e.type, e.cameo) == (type_, code), describe(events(sentence))
    assert e.rule.split(".")[2].startswith(f"cameo:{code}:")
    assert e.actor is not None and actor in e.actor.name.lower()
    assert e.recipient is not None and recipient in e.recipient.span.text.lower()


# The issue's verbs: covered with the right type, whichever lexicon codes them.
COVERED = [
    ("Lithuania expelled three Russian diplomats on Monday.", "SANCTION"),
    ("Ukraine recalled its envoy from Budapest.", "SANCTION"),
    ("The US blacklisted the Iranian bank.", "SANCTION"),
    ("Bolivia cut ties with Israel on Tuesday.", "SANCTION"),
    ("The governor pardoned the two activists on Friday.", "CONCEDE"),
    ("The judge released the journalist on bail on Monday.", "RETREAT"),
    ("The parliament impeached President Castillo on Wednesday.", "ACCUSE"),
]


@pytest.mark.parametrize(("sentence", "type_"), COVERED)
def test_issue_verbs_are_coded_with_the_right_type(sentence: str, type_: str) -> None:
    assert type_ in {e.type for e in events(sentence)}, describe(events(sentence))


def test_hand_written_lexicon_keeps_priority() -> None:
    found = events("Lithuania expelled three Russian diplomats on Monday.")
    assert [e.rule for e in found if e.type == "SANCTION"] == ["events.sanction.expel.verb"]


NOT_CODED = [
    "The ministry released a statement on Monday.",  # 010 make a statement: no PLOVER type
    "The minister removed the document from the website.",  # a bare dictionary verb: off
    "The committee remembered the ambassador fondly.",  # a synonym of "recall": not the pattern's verb
    "The rebels captured a military base near the capital.",  # a place taken, no party in the pattern
    "The company took part in the trade fair.",  # 030 "express intent to cooperate": a generic root code
    "The defendants appeared in court on Monday.",  # a preposition-only pattern with no party acted on
    "After the hearing the judge released them on bail.",  # a pronoun: the party is not named in the pattern
]


@pytest.mark.parametrize("sentence", NOT_CODED)
def test_dictionary_adds_no_event_here(sentence: str) -> None:
    assert not [e for e in events(sentence) if "cameo:" in e.rule], describe(events(sentence))
