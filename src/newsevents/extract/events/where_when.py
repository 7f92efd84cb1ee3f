"""When and where an event happened: date expressions and toponyms attached to an event frame.

Dates: the event's own clause (or the event noun's own modifier), then the clause that reports it ("...,
officials said *on Thursday*"), then the article's story date (the latest relative day or lead date before
the event: wire copy dated the day after says "on Tuesday" once), then the article date, flagged
``date_source="article"``.  Planned events never take a date from their own clause: that date is when they
are planned to happen, not when the statement was made.

Places: a locative toponym in the event's clause, then in its sentence, then the dateline, then the lead's
place, then the country the article is about (docs/events.md, "Places").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract import dates as dates_mod
from newsevents.extract.events.syntax import clause_verb
from newsevents.extract.places import Gazetteer, Place, gazetteer
from newsevents.model import Article, Location, Span

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "into", "on"}
TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
# Nouns naming a part of a place: a possessive toponym before them is where, not whose.
PART_OF_PLACE = {
    "capital", "city", "town", "village", "province", "region", "state", "district", "county", "north",
    "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "border", "coast",
    "outskirts", "heartland", "port", "airport", "territory", "part", "side", "centre", "center",
}  # fmt: skip
# A date in one of these relations modifies a noun ("the 2015 bombing", "last week's talks"); it dates the
# event only when that noun is the event's own trigger.
NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "poss", "nmod"}
# A date after one of these words starts or ends a period ("since 2017", "until January 31"): it does not say
# when the event in its clause happened.
PERIOD_BOUNDS = {"since", "until", "till", "through"}
# A dateline or time stamp date ("BEIJING, Feb 15 -", "Mar 18:", "11:44, June 06, 2021") is when the wire
# filed the story, not when its events happened (often the day after them).
_STAMP_AFTER = re.compile(r"\s*(?:\([A-Za-z .]+\))?\s*(?::|[-—–]{1,2}\s)")
_STAMP_BEFORE = re.compile(r"\d{1,2}:\d{2}\s*,?\s*$")
STAMP_REACH = 40  # a dateline's date sits within this many characters of its line's start
# A weekday after an article or quantifier, or before "of", is a kind of day ("the last Friday of Ramadan",
# "every Sunday"), not a date.
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", re.IGNORECASE)
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
FORWARD_RULES = ("dates.weekday", "dates.next-day", "dates.next-week", "dates.next-month", "dates.next-year")
_NEXT = re.compile(r"\b(?:next|coming|tomorrow|later)\b", re.IGNORECASE)
_GENERIC_BEFORE = re.compile(r"\b(?:the|a|an|every|each|any)\s+$", re.IGNORECASE)
_GENERIC_AFTER = re.compile(r"s?\s+of\b(?!\s+(?:last|this|next)\s+week)", re.IGNORECASE)
_ORDINAL_TAIL = re.compile(r"(?:last|next|first|second|third|fourth|final)\s+$", re.IGNORECASE)
# A story date (the day the article's news happened) lies within a week before the article date.  News
# names this week's days relatively ("on Tuesday", "yesterday"); an absolute date ("on February 18") further
# down is more often background, so it counts only in the lead (the first few sentences).
STORY_WINDOW_DAYS = 7
RELATIVE_DAY_RULES = ("dates.weekday", "dates.previous-day", "dates.today")
LEAD_SENTENCES = 4
# A dateline opens a paragraph near the top: "TIRANA –", "Baku:", "BEIJING, Feb 15 –",
# "CARACAS/WASHINGTON, May 17 (Reuters) -", "ALGIERS, Aug 25:".  The name must be a known place.
DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Za-z .'-]{1,40}?)(?:/[A-Z][A-Za-z .'-]{1,40}?)*[ \t]*(?:,[^\n(:–—]{0,40})?[ \t]*"
    r"(?:\([A-Za-z .]+\))?[ \t]*(?:[-—–]{1,2}[ \t]|:[ \t])",
    re.MULTILINE,
)
DATELINE_LINES = 4  # a dateline is in the first few non-empty lines (after the headline and a byline)
BODY_WORDS = 25  # a line this long is body text (a headline, byline or stamp is shorter)


@dataclass(frozen=True, slots=True)
class DateFound:
    value: str
    source: str  # "text" | "article"
    span: Span | None
    rule: str


class WhereWhen:
    """Per-article finder: date candidates and toponyms are collected once and reused for every event."""

    def __init__(self, doc: AnnotatedDoc, article: Article) -> None:
        self.doc = doc
        self.article = article

    # -- dates ----------------------------------------------------------------------------------------------
    @cached_property
    def date_candidates(self) -> list[tuple[int, Span, dates_mod.ResolvedDate]]:
        """(head token, span, resolved date) for every date expression that resolves."""
        doc, out = self.doc, []
        spans: list[tuple[int, int]] = [(e.start, e.end) for e in doc.ents if e.label == "DATE"]
        for s, e in dates_mod.find_candidates(doc.text, 0, len(doc.text)):
            if not any(a <= s < b or s <= a < e for a, b in spans):
                spans.append((s, e))
        for s, e in sorted(spans):
            if self._generic_day(s, e):
                continue  # "the last Friday of Ramadan", "every Sunday": a kind of day, not a date
            resolved = dates_mod.resolve(doc.text[s:e], self.article.date)
            if resolved is None:
                continue
            head = self._head_of(s, e)
            if head is not None:
                out.append((head, doc.char_span(s, e), resolved))
        return out

    @cached_property
    def story_dates(self) -> list[tuple[Span, dates_mod.ResolvedDate]]:
        """Day-precise dates of the article's own news, in text order: within a week before the article
        date, not a dateline or time stamp, not a period bound, relative ("on Tuesday") or in the lead.
        An event its own sentence does not date happened on the latest of these before it (wire copy dated
        the day after: "on Tuesday" in the lead dates the undated statements that follow), else on the first
        one when it is in the lead (the headline's event is the lead's)."""
        base = dates_mod.parse_article_date(self.article.date)
        if base is None or base[1] != "day":
            return []
        out = []
        for head, span, resolved in self.date_candidates:
            if resolved.precision != "day" or self._period_bound(span) or self._stamp(span):
                continue
            if self._in_future_clause(head):
                continue  # "she will visit *on Thursday*": a plan's day, not the news's
            if not (resolved.rule in RELATIVE_DAY_RULES or self._in_lead(span)):
                continue
            days = (base[0] - dates_mod.parse_article_date(resolved.value)[0]).days  # type: ignore[index]
            if 0 <= days <= STORY_WINDOW_DAYS:
                out.append((span, resolved))
        return out

    def _in_future_clause(self, head: int) -> bool:
        doc = self.doc
        cv = clause_verb(doc, doc.tokens[head].head)
        return any(doc.tokens[k].dep == "aux" and doc.tokens[k].lower in FUTURE_AUX for k in doc.children[cv])

    def _in_lead(self, span: Span) -> bool:
        k = self.doc.token_at(span.start)
        return k is not None and self.doc.tokens[k].sent < LEAD_SENTENCES

    def _period_bound(self, span: Span) -> bool:
        k = self.doc.token_at(span.start)
        first = span.text.split(maxsplit=1)[0].lower() if span.text.strip() else ""
        return first in PERIOD_BOUNDS or (
            k is not None and k > 0 and self.doc.tokens[k - 1].lower in PERIOD_BOUNDS
        )

    def _stamp(self, span: Span) -> bool:
        text = self.doc.text
        line_start = text.rfind("\n", 0, span.start) + 1
        if span.start - line_start > STAMP_REACH:
            return False  # "clashes on Tuesday - the worst in years": a dash inside a sentence
        return bool(_STAMP_AFTER.match(text, span.end) or _STAMP_BEFORE.search(text, line_start, span.start))

    def _story_date(self, at: int) -> DateFound | None:
        before = [sd for sd in self.story_dates if sd[0].start <= at]
        first = self.story_dates[0] if self.story_dates and self._in_lead(self.story_dates[0][0]) else None
        pick = before[-1] if before else first
        if pick is None:
            return None
        return DateFound(pick[1].value, "text", pick[0], "dates.story")

    def _generic_day(self, start: int, end: int) -> bool:
        text = self.doc.text
        m = _WEEKDAY.search(text, start, end)
        if m is None:
            return False
        before = _ORDINAL_TAIL.sub("", text[max(0, start - 12) : m.start()])  # "the *last* Friday of ..."
        return bool(_GENERIC_BEFORE.search(before) or _GENERIC_AFTER.match(text, m.end()))

    def _head_of(self, start: int, end: int) -> int | None:
        doc = self.doc
        toks = list(doc.tokens_within(start, end))
        if not toks:
            return None
        inside = set(toks)
        for i in toks:
            if doc.tokens[i].head not in inside or doc.tokens[i].head == i:
                return i
        return toks[0]

    def event_date(self, trigger: int, verb: int, future: bool) -> DateFound:
        doc = self.doc
        sent = doc.tokens[trigger].sent
        own = {trigger, verb}
        reporting = set(doc.ancestors(verb))
        best: tuple[int, int, Span, dates_mod.ResolvedDate] | None = None
        noun_trigger = doc.tokens[trigger].pos in ("NOUN", "PROPN") and trigger != verb
        for head, span, resolved in self.date_candidates:
            if doc.tokens[head].sent != sent:
                continue
            if self._dates_another_noun(head, span, trigger) or self._period_bound(span):
                continue  # "arrested a suspect in *the 2015* bombing": the date belongs to another noun
            cv = clause_verb(doc, doc.tokens[head].head)
            own_date = cv in own or (noun_trigger and self._dates_event_noun(head, cv, trigger))
            if own_date and not future:
                rank = 0
            elif cv in reporting and cv not in own:
                rank = 1
            elif future and cv in own and not _forward(resolved, span):
                rank = (
                    1  # "vowed *on Monday* to strike": a past date in a planned event's clause is the vow's
                )
            else:
                continue
            if resolved.tense == "future":
                continue
            key = (rank, abs(head - trigger))
            if best is None or key < (best[0], best[1]):
                best = (key[0], key[1], span, resolved)
        if best is not None:
            return DateFound(best[3].value, "text", best[2], best[3].rule)
        story = self._story_date(doc.tokens[trigger].start)
        if story is not None:
            return story
        return DateFound(self.article.date or "", "article", None, "dates.article")

    def _dates_event_noun(self, head: int, cv: int, trigger: int) -> bool:
        """The date modifies the event noun itself ("a warrant issued *in May*"), or the preposition-like
        verb that introduces it ("*Following* his meeting with X *on 5 December*, ...")."""
        doc = self.doc
        if trigger in doc.ancestors(head):
            return True
        return doc.tokens[cv].dep == "prep" and cv in doc.ancestors(trigger)

    def _dates_another_noun(self, head: int, span: Span, trigger: int) -> bool:
        """The date modifies a common noun other than the trigger: a possessive ("condemned *Tuesday's*
        attack") or a modifier after a determiner ("*the 2015* bombing"). A fronted date the small model
        folds into the subject ("On 5 October 2021 Russian forces struck ...") has no determiner: kept."""
        doc = self.doc
        tok = doc.tokens[head]
        if tok.dep not in NOUN_MODIFIER_DEPS or tok.head == trigger or doc.tokens[tok.head].pos != "NOUN":
            return False
        if tok.dep == "poss":
            return True
        first = doc.token_at(span.start)
        return first is not None and first > 0 and doc.tokens[first - 1].dep in ("det", "poss")

    # -- places ---------------------------------------------------------------------------------------------
    @cached_property
    def gazetteer(self) -> Gazetteer:
        return gazetteer()

    @cached_property
    def toponyms(self) -> list[tuple[int, Span, Place, str]]:
        """(head token, span, place, rule) for every entity the gazetteer knows."""
        doc, out = self.doc, []
        for e in doc.ents:
            if e.label not in TOPONYM_LABELS and not (e.label in ("ORG", "NORP") and self._alias(e.text)):
                continue
            hit = self.gazetteer.lookup(e.text, self.article_countries)
            if hit is None:
                continue
            head = self._head_of(e.start, e.end)
            if head is not None:
                out.append((head, doc.char_span(e.start, e.end), hit[0], hit[1]))
        return out

    def _alias(self, name: str) -> bool:
        from newsevents.extract.places import _norm

        return _norm(name) in self.gazetteer.aliases

    @cached_property
    def article_countries(self) -> frozenset[str]:
        out = set()
        for e in self.doc.ents:
            if e.label == "GPE":
                c = self.gazetteer.country_of(e.text)
                if c:
                    out.add(c)
        return frozenset(out)

    def is_locative(self, head: int) -> bool:
        doc, j = self.doc, head
        for _ in range(3):  # "in the Iranian capital Tehran": Tehran -> capital -> in
            t = doc.tokens[j]
            if t.dep == "pobj" and doc.tokens[t.head].lower in LOCATIVE_PREPS:
                return True
            if t.dep == "pobj" and doc.tokens[t.head].lower == "of":  # "the resort city *of Antalya*"
                j = doc.tokens[t.head].head
                continue
            if t.dep == "poss" and doc.tokens[t.head].lemma.lower() in PART_OF_PLACE:
                j = t.head  # "in *Ghana's* capital", "in *Syria's* north": the place is in that country
                continue
            if t.dep not in ("appos", "compound", "pobj", "conj") or t.head == j:
                return False
            j = t.head
        return False

    def event_place(self, trigger: int, verb: int, exclude: set[int]) -> Location | None:
        doc = self.doc
        sent = doc.tokens[trigger].sent
        clause = set(doc.subtree(verb)) | set(doc.subtree(trigger))
        best: tuple[int, int, Span, Place, str] | None = None
        for head, span, place, rule in self.toponyms:
            if doc.tokens[head].sent != sent or head in exclude:
                continue
            if not self.is_locative(head):
                continue  # "thanked *China*", "*Russia's* diplomat": a participant or a modifier, not where
            rank = 0 if head in clause else 1
            key = (rank, abs(head - trigger))
            if best is None or key < (best[0], best[1]):
                best = (key[0], key[1], span, place, f"{rule}.{('clause', 'sentence')[rank]}")
        if best is None:
            return self.dateline or self._lead_place() or self._focus_place()
        _, _, span, place, rule = best
        return _location(place, span, rule)

    @cached_property
    def country_mentions(self) -> dict[str, float]:
        """How much the article talks about each country: toponyms (a city counts for its country),
        demonyms ("Somali soldiers", "the Georgian Interior Ministry"); lead sentences count double."""
        from newsevents.kb import countries

        index, out = countries(), dict[str, float]()
        for e in self.doc.ents:
            if e.label not in ("GPE", "LOC", "FAC", "NORP", "ORG"):
                continue
            k = self.doc.token_at(e.start)
            weight = 2.0 if k is not None and self.doc.tokens[k].sent < LEAD_SENTENCES else 1.0
            if e.label == "ORG":
                words = [w.strip(".,'’s") for w in e.text.split()]
                found = next((index.demonym(w) or index.country(w) for w in words if w[:1].isupper()
                              and (index.demonym(w) or index.country(w))), None)  # fmt: skip
            else:
                hit = self.gazetteer.lookup(e.text, ()) if e.label != "NORP" else None
                found = hit[0].country if hit else (index.demonym(e.text) or index.country(e.text))
            if found:
                out[found] = out.get(found, 0.0) + weight
        return out

    def _lead_place(self) -> Location | None:
        """The first locative toponym of the lead: where the article's main news happened."""
        for head, span, place, rule in self.toponyms:
            if self.doc.tokens[head].sent >= LEAD_SENTENCES:
                break
            if self.is_locative(head):
                return _location(place, span, f"{rule}.lead")
        return None

    def _focus_place(self) -> Location | None:
        """The country the article talks about most, as its first locative toponym in that country (a
        city, a region) or else as the country itself, evidenced by its first mention."""
        if not self.country_mentions:
            return None
        top = max(self.country_mentions.items(), key=lambda kv: kv[1])[0]
        mentioned = [t for t in self.toponyms if t[2].country == top]
        for head, span, place, rule in mentioned:
            if self.is_locative(head):
                return _location(place, span, f"{rule}.focus")
        country = self.gazetteer.by_iso3.get(top)
        if country is None:
            return None
        first = mentioned[0][1] if mentioned else self._first_mention_of(top)
        return _location(country, first, "places.country.focus") if first is not None else None

    def _first_mention_of(self, iso3: str) -> Span | None:
        from newsevents.kb import countries

        index = countries()
        for e in self.doc.ents:
            if e.label in ("NORP", "GPE", "ORG") and any(
                index.demonym(w.strip(".,'’s")) == iso3 or index.country(w.strip(".,'’s")) == iso3
                for w in [e.text, *e.text.split()]
            ):
                return self.doc.char_span(e.start, e.end)
        return None

    @cached_property
    def dateline(self) -> Location | None:
        """The place in the article's dateline: a known place opening one of the first lines, before the body
        has begun.  A dateline under a paragraph of body text ("JAKARTA, June 5 (Xinhua) --" repeating a story
        already told under a photo caption set in Dili) names the filing bureau, not the news."""
        text = self.doc.text
        lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:DATELINE_LINES]
        for line in lines:
            m = DATELINE.match(text, line.start(), line.end())
            if m is None:
                if len(line.group(0).split()) >= BODY_WORDS:
                    return None
                continue
            hit = self.gazetteer.lookup(m.group(1).strip().title(), self.article_countries)
            if hit is not None:
                s, e = m.span(1)
                return _location(hit[0], self.doc.char_span(s, e), f"{hit[1]}.dateline")
        return None


def _forward(resolved: dates_mod.ResolvedDate, span: Span) -> bool:
    """A date a plan may point at: "will visit *on Thursday*", "*next week*" (a weekday resolves to the past
    by default, so in a planned event's clause it cannot be trusted to be the statement's day)."""
    return resolved.rule in FORWARD_RULES or bool(_NEXT.search(span.text))


def _location(place: Place, span: Span, rule: str) -> Location:
    return Location(place.name, place.country, place.lat, place.lon, span, place.geonameid, rule)
