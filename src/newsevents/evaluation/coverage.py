"""Actor coding coverage: how many of the actors and speakers the pipeline finds carry a country.

No gold is needed: this counts, over a gold file's articles, the named PERSON/ORG actors (an actor with at least
one name mention) that have a country, and the quote speakers (quotes with a speaker) whose speaker has one.
An international body (the UN, the EU) has no country by design; a second count admits the
``IGO``/``NGO``/``IMG`` that starts its CAMEO code, the code's country slot.  It measures what the knowledge
base and the modifier rules add; whether the country is *right* is what the
actor/recipient country accuracy of the event tables measures.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.model import Result


@dataclass(frozen=True, slots=True)
class Coverage:
    named: int = 0  # named PERSON/ORG actors
    named_country: int = 0  # ... of which with a country
    named_kb: int = 0  # ... of which linked to a knowledge-base entry
    named_coded: int = 0  # ... of which with a country or an international code (IGO…, NGO…, IMG…)
    speakers: int = 0  # quotes with a speaker
    speakers_country: int = 0  # ... whose speaker has a country

    def __add__(self, o: Coverage) -> Coverage:
        return Coverage(
            self.named + o.named,
            self.named_country + o.named_country,
            self.named_kb + o.named_kb,
            self.named_coded + o.named_coded,
            self.speakers + o.speakers,
            self.speakers_country + o.speakers_country,
        )


def coverage_of(result: Result) -> Coverage:
    """The counts of one processed article."""
    named = [
        a for a in result.actors if a.kind in ("PERSON", "ORG") and any(m.kind == "name" for m in a.mentions)
    ]
    speakers = [q.speaker for q in result.quotes if q.speaker is not None]
    return Coverage(
        len(named),
        sum(1 for a in named if a.country),
        sum(1 for a in named if a.kb_id),
        sum(1 for a in named if a.country or (a.code or "")[:3] in ("IGO", "NGO", "IMG")),
        len(speakers),
        sum(1 for s in speakers if s.country),
    )
