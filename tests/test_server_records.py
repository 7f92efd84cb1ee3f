"""Hand-built records for the server tests (API, schemathesis, browser), plus checks of the builder itself.

The server is tested on records whose content we know exactly, independently of how well the extraction
stages do; the seed article is also stored through the real pipeline in the browser test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from newsevents.model import (
    Actor,
    Article,
    Event,
    Location,
    Mention,
    Participant,
    Quote,
    Result,
    Span,
    Speaker,
    stable_id,
)

XSS_PAYLOADS = (
    "<script>window.__xss = 1; document.title = 'pwned'</script>",
    "<img src=x onerror=\"window.__xss = 2; document.title = 'pwned'\">",
    '<svg onload="window.__xss=3"></svg>',
    "javascript:window.__xss=4",
)


def find(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


@dataclass
class Draft:
    """A readable description of one article's records, turned into a :class:`Result` by ``build``."""

    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    actors: list[tuple[str, str, str | None, list[str]]] = field(
        default_factory=list
    )  # name, kind, iso3, mentions
    quotes: list[tuple[str | None, str | None, str, str]] = field(
        default_factory=list
    )  # speaker, cue, content, kind
    events: list[dict[str, object]] = field(default_factory=list)

    def build(self) -> Result:
        article = Article(
            Article.make_id(self.text, self.source), self.text, self.date, "day" if self.date else None,
            self.title, self.source,
        )  # fmt: skip
        aid = article.id
        actors = []
        ids: dict[str, str] = {}
        for name, kind, country, mentions in self.actors:
            ids[name] = stable_id(aid, name)
            spans = [find(self.text, m) for m in mentions]
            actors.append(
                Actor(ids[name], aid, name, kind, country, "GOV" if kind == "PERSON" else None, None,  # type: ignore[arg-type]
                      tuple(Mention(s, "name", "name") for s in spans))
            )  # fmt: skip
        country_of = {name: country for name, _, country, _ in self.actors}
        quotes = []
        for k, (speaker, cue, content, kind) in enumerate(self.quotes):
            spk = None
            if speaker is not None:
                spk = Speaker(
                    speaker,
                    ids.get(speaker),
                    country_of.get(speaker),
                    find(self.text, speaker.split()[-1]),
                    "name",
                )
            quotes.append(
                Quote(stable_id(aid, "q", k), aid, kind, spk, find(self.text, cue) if cue else None,  # type: ignore[arg-type]
                      find(self.text, content), "test.hand-built")
            )  # fmt: skip
        events = []
        for k, e in enumerate(self.events):

            def part(name: object) -> Participant | None:
                if not isinstance(name, str):
                    return None
                return Participant(
                    name, ids.get(name), country_of.get(name), None, find(self.text, name.split()[-1])
                )

            place = e.get("place")
            location = None
            if isinstance(place, tuple):
                pname, iso, lat, lon = place
                location = Location(pname, iso, lat, lon, find(self.text, pname), None, "test")
            trigger = find(self.text, str(e["trigger"]))
            evidence = find(self.text, str(e["evidence"]))
            events.append(
                Event(stable_id(aid, "e", k), aid, str(e["type"]), None, None, part(e.get("actor")),
                      part(e.get("recipient")), e.get("date", self.date), "article", None, location,  # type: ignore[arg-type]
                      trigger, evidence, "test.hand-built", 0.9)
            )  # fmt: skip
        return Result(article, tuple(actors), tuple(quotes), tuple(events))


AID_TEXT = (
    "Finance Minister Olaf Brandt said on Tuesday that Germany would send 200 million euros in aid to Ukraine.\n\n"
    '"We will not abandon our partners," Brandt told reporters in Berlin.\n\n'
    "Ukrainian President Olena Kovalenko thanked Germany and met Brandt in Kyiv the following week."
)
AID = Draft(
    AID_TEXT, "2023-03-14", "Germany pledges aid to Ukraine", "Example Wire",
    actors=[
        ("Olaf Brandt", "PERSON", "DEU", ["Olaf Brandt", "Brandt"]),
        ("Germany", "GPE", "DEU", ["Germany"]),
        ("Ukraine", "GPE", "UKR", ["Ukraine"]),
        ("Olena Kovalenko", "PERSON", "UKR", ["Olena Kovalenko"]),
    ],
    quotes=[
        ("Olaf Brandt", "said", "Germany would send 200 million euros in aid to Ukraine", "indirect"),
        ("Olaf Brandt", "told", "We will not abandon our partners,", "direct"),
    ],
    events=[
        {"type": "AID", "actor": "Germany", "recipient": "Ukraine", "trigger": "send",
         "evidence": "Germany would send 200 million euros in aid to Ukraine", "place": ("Berlin", "DEU", 52.52, 13.41)},
        {"type": "CONSULT", "actor": "Olena Kovalenko", "recipient": "Olaf Brandt", "trigger": "met",
         "evidence": "Olena Kovalenko thanked Germany and met Brandt in Kyiv", "date": "2023-03-21",
         "place": ("Kyiv", "UKR", 50.45, 30.52)},
    ],
)  # fmt: skip

PROTEST_TEXT = (
    "Thousands of workers marched through Lagos on Monday to protest against rising fuel prices, police said.\n\n"
    "The Nigeria Labour Congress accused the government of ignoring its demands for a wage increase.\n\n"
    '"The strike continues until prices fall," union leader Ade Okafor said.'
)
PROTEST = Draft(
    PROTEST_TEXT, "2023-03-20", "Workers march in Lagos", "Example Wire",
    actors=[
        ("Nigeria Labour Congress", "ORG", "NGA", ["Nigeria Labour Congress"]),
        ("Ade Okafor", "PERSON", "NGA", ["Ade Okafor"]),
        ("workers", "OTHER", "NGA", ["workers"]),
        ("government", "ORG", "NGA", ["government"]),
    ],
    quotes=[("Ade Okafor", "said", "The strike continues until prices fall,", "direct")],
    events=[
        {"type": "PROTEST", "actor": "workers", "recipient": "government", "trigger": "marched",
         "evidence": "Thousands of workers marched through Lagos", "place": ("Lagos", "NGA", 6.45, 3.39)},
        {"type": "ACCUSE", "actor": "Nigeria Labour Congress", "recipient": "government", "trigger": "accused",
         "evidence": "The Nigeria Labour Congress accused the government of ignoring its demands"},
    ],
)  # fmt: skip

XSS_NAME = XSS_PAYLOADS[1]
XSS_TEXT = (
    f"Officials said {XSS_PAYLOADS[0]} was found in the statement.\n\n"
    f"{XSS_NAME} criticised the ministry in a letter.\n\n"
    f'"{XSS_PAYLOADS[2]} is not acceptable," the spokesman said of {XSS_PAYLOADS[3]}.'
)
XSS = Draft(
    XSS_TEXT, "2023-04-01", XSS_PAYLOADS[1], XSS_PAYLOADS[0],
    actors=[(XSS_NAME, "PERSON", None, [XSS_NAME]), ("ministry", "ORG", None, ["ministry"])],
    quotes=[(None, "said", f"{XSS_PAYLOADS[2]} is not acceptable,", "direct")],
    events=[{"type": "ACCUSE", "actor": XSS_NAME, "recipient": "ministry", "trigger": "criticised",
             "evidence": f"{XSS_NAME} criticised the ministry", "place": (XSS_PAYLOADS[3], None, 10.0, 10.0)}],
)  # fmt: skip

DRAFTS = {"aid": AID, "protest": PROTEST, "xss": XSS}


def sample_results() -> list[Result]:
    return [d.build() for d in DRAFTS.values()]


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_server_records_spans_match_text(name: str) -> None:
    result = DRAFTS[name].build()
    assert result.spans()
    for s in result.spans():
        assert result.article.text[s.start : s.end] == s.text


def test_server_records_find_nth_occurrence() -> None:
    assert find("a b a b", "b", 1).start == 6
    with pytest.raises(ValueError):
        find("abc", "z")
