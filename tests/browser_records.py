"""Hand-built articles for the chart and actor-page browser tests (tests/test_browser_charts.py).

* a century of dates: events in 1918, 2014 and 2015, so a true time axis must leave a long gap;
* a crowded network: 40 actors in a chain of meetings with a known number of events each, for the top-N cut;
* places a few kilometres apart (Berlin, Potsdam) that a clustered map must merge at world scale;
* knowledge-base ids on some actors, for the actor page (kb_id is otherwise filled by the KB linker).
"""

from __future__ import annotations

from dataclasses import replace

from newsevents.model import Participant, Result
from test_server_records import Draft

ARMISTICE_TEXT = (
    "France and Germany signed an armistice near Compiegne on Monday, ending four years of war.\n\n"
    '"The guns have fallen silent," Marshal Ferdinand Foch said.'
)
ARMISTICE = Draft(
    ARMISTICE_TEXT, "1918-11-11", "Armistice signed", "Example Archive",
    actors=[("France", "GPE", "FRA", ["France"]), ("Germany", "GPE", "DEU", ["Germany"]),
            ("Ferdinand Foch", "PERSON", "FRA", ["Ferdinand Foch"])],
    quotes=[("Ferdinand Foch", "said", "The guns have fallen silent,", "direct")],
    events=[{"type": "AGREE", "actor": "France", "recipient": "Germany", "trigger": "signed",
             "evidence": "France and Germany signed an armistice", "place": ("Compiegne", "FRA", 49.42, 2.83)}],
)  # fmt: skip

TALKS_TEXT = (
    "Germany hosted France for talks in Berlin on Tuesday about energy prices.\n\n"
    "Germany later met France again in Potsdam, and France criticised Germany over coal subsidies."
)
TALKS = Draft(
    TALKS_TEXT, "2014-06-03", "Energy talks", "Example Wire",
    actors=[("Germany", "GPE", "DEU", ["Germany"]), ("France", "GPE", "FRA", ["France"])],
    events=[
        {"type": "CONSULT", "actor": "Germany", "recipient": "France", "trigger": "hosted",
         "evidence": "Germany hosted France for talks in Berlin", "place": ("Berlin", "DEU", 52.52, 13.41)},
        {"type": "CONSULT", "actor": "Germany", "recipient": "France", "trigger": "met",
         "evidence": "Germany later met France again in Potsdam", "date": "2015-02-10",
         "place": ("Potsdam", "DEU", 52.39, 13.06)},
        {"type": "ACCUSE", "actor": "France", "recipient": "Germany", "trigger": "criticised",
         "evidence": "France criticised Germany over coal subsidies", "date": "2015-02-11"},
    ],
)  # fmt: skip

# Envoys AAx, ABx, ...: unique words, none a substring of another. They form a chain of meetings,
# pair k (envoy k -> envoy k+1) meeting 1 + k % 3 times, so the event count of each envoy is known.
N_ENVOYS = 40
ENVOYS = [f"Envoy{chr(65 + k // 26)}{chr(65 + k % 26)}x" for k in range(N_ENVOYS)]
MEETINGS = [(k, 1 + k % 3) for k in range(N_ENVOYS - 1)]  # (pair k: ENVOYS[k] -> ENVOYS[k+1], meetings)
CHAIN_TEXT = "\n".join(
    f"{ENVOYS[k]} met {ENVOYS[k + 1]} in Geneva{' again' * j}." for k, n in MEETINGS for j in range(n)
)
CHAIN = Draft(
    CHAIN_TEXT, "2015-03-02", "A chain of envoys", "Example Wire",
    actors=[(name, "PERSON", None, [name]) for name in ENVOYS],
    events=[
        {"type": "CONSULT", "actor": ENVOYS[k], "recipient": ENVOYS[k + 1], "trigger": "met",
         "evidence": f"{ENVOYS[k]} met {ENVOYS[k + 1]} in Geneva{' again' * j}."}
        for k, n in MEETINGS for j in range(n)
    ],
)  # fmt: skip


def envoy_events() -> dict[str, int]:
    """Events per envoy (as actor or recipient), as the network's top-N ranks them."""
    count = dict.fromkeys(ENVOYS, 0)
    for k, n in MEETINGS:
        count[ENVOYS[k]] += n
        count[ENVOYS[k + 1]] += n
    return count


KB_IDS = {"France": "Q142", "Germany": "Q183", "Ferdinand Foch": "Q150708"}


def with_kb_ids(result: Result) -> Result:
    """The result with KB_IDS set on its actors, event participants and speakers (as the KB linker would)."""

    def part(p: Participant | None) -> Participant | None:
        return replace(p, kb_id=KB_IDS[p.name]) if p is not None and p.name in KB_IDS else p

    actors = tuple(replace(a, kb_id=KB_IDS.get(a.name), kb_name=a.name if a.name in KB_IDS else None)
                   for a in result.actors)  # fmt: skip
    events = tuple(replace(e, actor=part(e.actor), recipient=part(e.recipient)) for e in result.events)
    quotes = tuple(
        replace(q, speaker=replace(q.speaker, kb_id=KB_IDS.get(q.speaker.name))) if q.speaker else q
        for q in result.quotes
    )
    return replace(result, actors=actors, events=events, quotes=quotes)


def chart_results() -> list[Result]:
    return [with_kb_ids(d.build()) for d in (ARMISTICE, TALKS, CHAIN)]
