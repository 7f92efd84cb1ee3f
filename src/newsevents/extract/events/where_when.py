"""When and where an event happened: date expressions and toponyms attached to an event frame.

Search order for both: the event's own clause, then the clause that reports it ("..., officials said
*on Thursday*"), then (places) the rest of the sentence, the dateline and the article's first toponym;
(dates) the article date, flagged ``date_source="article"``.  Planned events never take a date from their
own clause: that date is when they are planned to happen, not when the statement was made.
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
# A date in one of these relations modifies a noun ("the 2015 bombing", "last week's talks"); it dates the
# event only when that noun is the event's own trigger.
NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "poss", "nmod"}
DATELINE = re.compile(
    r"^\s*([A-Z][A-Za-z .'-]{1,40}?)\s*(?:,[^\n(]{0,40})?\s*(?:\([A-Za-z .]+\))?\s*[-—–]{1,2}\s"
)


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
            resolved = dates_mod.resolve(doc.text[s:e], self.article.date)
            if resolved is None:
                continue
            head = self._head_of(s, e)
            if head is not None:
                out.append((head, doc.char_span(s, e), resolved))
        return out

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
        for head, span, resolved in self.date_candidates:
            if doc.tokens[head].sent != sent:
                continue
            if self._dates_another_noun(head, span, trigger):
                continue  # "arrested a suspect in *the 2015* bombing": the date belongs to another noun
            cv = clause_verb(doc, doc.tokens[head].head)
            if cv in own and not future:
                rank = 0
            elif cv in reporting or (future and cv in own):
                rank = 1
            else:
                continue
            if resolved.tense == "future":
                continue
            key = (rank, abs(head - trigger))
            if best is None or key < (best[0], best[1]):
                best = (key[0], key[1], span, resolved)
        if best is not None:
            return DateFound(best[3].value, "text", best[2], best[3].rule)
        return DateFound(self.article.date or "", "article", None, "dates.article")

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
            loc = self.is_locative(head)
            rank = (0 if loc else 1) if head in clause else (2 if loc else 9)
            if rank == 1 and doc.tokens[head].dep in ("poss", "compound", "amod", "nmod"):
                continue  # "Russia's top diplomat": a modifier names whose, not where
            if rank == 9:
                continue
            key = (rank, abs(head - trigger))
            if best is None or key < (best[0], best[1]):
                best = (key[0], key[1], span, place, f"{rule}.{('clause', 'clause', 'sentence')[rank]}")
        if best is None:
            return self._dateline() or self._article_first()
        _, _, span, place, rule = best
        return Location(place.name, place.country, place.lat, place.lon, span, place.geonameid, rule)

    def _article_first(self) -> Location | None:
        """Last resort: the article's first locative toponym (where the story is set)."""
        for head, span, place, rule in self.toponyms:
            if self.is_locative(head):
                return Location(
                    place.name,
                    place.country,
                    place.lat,
                    place.lon,
                    span,
                    place.geonameid,
                    f"{rule}.article-first",
                )
        return None

    def _dateline(self) -> Location | None:
        m = DATELINE.match(self.doc.text)
        if m:
            hit = self.gazetteer.lookup(m.group(1).title())
            if hit is not None:
                s, e = m.span(1)
                place = hit[0]
                return Location(
                    place.name, place.country, place.lat, place.lon, self.doc.char_span(s, e), place.geonameid,
                    f"{hit[1]}.dateline",
                )  # fmt: skip
        return None
