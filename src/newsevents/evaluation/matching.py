"""The scoring rules of ``../shared/gold/README.md`` as pure functions over small, plain records.

Nothing here runs spaCy or reads files: gold records and predictions are turned into the frozen records
below (by :mod:`newsevents.evaluation.gold` and :mod:`newsevents.evaluation.predictions`), then matched.

Rules, exactly as the gold README states them:

* **Tokens** are runs of letters and digits, lower-cased (``[^\\W_]+`` on the casefolded text).
* **Quote found**: the predicted content contains at least 60% of the gold snippet's tokens (counted as a
  multiset: a gold token that occurs twice must occur twice).  Each prediction matches at most one gold
  quote.  Required gold quotes choose first, in gold order, each taking the unused fitting prediction with
  the best token F1 against its snippet (ties: the earlier prediction); then optional ones.
* **Quote P/R/F1**: TP = required gold quotes found, FN = required gold quotes missed, FP = predictions that
  match no gold quote (a prediction that matches an optional gold quote is neither TP nor FP).
* **Speaker accuracy**, among matched required quotes: a gold alias is contained (case-insensitively) in one
  of the predicted speaker's texts (name, canonical actor name, country, mention text), or the predicted
  speaker mention overlaps the gold ``speaker_span``.
* **Speaker name accuracy** (not in the README; the issue-14 figure that tests coreference), among matched
  required quotes whose gold speaker has aliases: a gold alias is contained in the predicted speaker's name,
  its actor's canonical name or country.  No mention text, no span overlap: a bare "he" is right only when
  coreference resolved it to the named person.  Quotes whose gold source is only a pronoun span (no aliases)
  are not counted.
* **Short aliases** (3 characters or fewer: ``US``, ``IRN``, ``EU``) must equal a whole token of the text.
  Dots are dropped first so that ``U.S.`` reads ``US``; an all-capital alias compares case-sensitively, so
  ``US`` is not the pronoun "us".
* **Event found**: the predicted type is one of the gold ``types``; a gold actor alias matches the predicted
  actor and a gold recipient alias matches the predicted recipient (a ``null`` gold side matches anything,
  a missing predicted side matches only a ``null`` gold side).  For CONSULT, AGREE and COOPERATE the sides
  may be swapped.  Required gold events first, in gold order, each taking the first fitting unused
  prediction; then optional ones.
* **What "an alias matches a predicted participant" means**: the alias matches (as above) one of the
  participant's texts: its ``name``, ``country``, ``sector``, the ``span`` text, and, when the participant
  links to an actor record, the actor's ``name``, ``country`` and the text of each of its mentions.
* **Date accuracy**, among matched required events whose gold date is not empty: the predicted date starts
  with the gold date (``2020-01`` is right for ``2020-01-03`` and for ``2020-01``).

Two event diagnostics beyond the README's metrics (:func:`type_and_country_counts`), counted per article
over *all* its predictions, independently of the matching above (a prediction may serve several gold events):

* **Event type accuracy**, among required gold events: right when some prediction of the article has one of
  the gold ``types``, whatever its actor and recipient.  Total: every required gold event.
* **Actor / recipient country accuracy**, among the required gold events that are type-right: take the
  *first* prediction (in prediction order) whose type is one of the gold ``types``; the actor side is right
  when that prediction's actor country equals one of the gold actor's *country codes*, the aliases that are
  exactly three upper-case ASCII letters (``IRN``, ``USA``, but also PLOVER's non-ISO ``IGO``, ``NGO``,
  ``JAP``).  The predicted country is the participant's ``country``, or its linked actor's when the
  participant has none, or, for an international actor without a country, the
  ``IGO``/``NGO``/``IMG`` that starts its CAMEO code (the code's country slot); a missing side or country is
  wrong.  The recipient the same way, recipient against
  recipient.  Sides are never swapped (not even for CONSULT, AGREE, COOPERATE).  A gold side that is
  ``null`` or carries no country code is not counted (it adds to neither right nor total).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FOUND_SHARE = 0.6
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
SHORT_ALIAS = 3

_TOKEN_RE = re.compile(r"[^\W_]+")
_COUNTRY_CODE_RE = re.compile(r"[A-Z]{3}")


# ---------------------------------------------------------------------------------------------- records
@dataclass(frozen=True, slots=True)
class GoldQuote:
    content: str
    speaker: tuple[str, ...] | None  # aliases; None: pronoun source, use speaker_span
    speaker_span: tuple[int, int] | None = None  # offsets into the article text (header stripped)
    content_span: tuple[int, int] | None = None
    cue: str | None = None
    kind: str = "direct"
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldEvent:
    types: tuple[str, ...]
    actor: tuple[str, ...] | None
    recipient: tuple[str, ...] | None
    date: str = ""
    optional: bool = False
    location: tuple[str, ...] | None = None  # aliases of where it happened; None: not annotated / unknown


@dataclass(frozen=True, slots=True)
class PredQuote:
    content: str
    speaker: str | None = None  # the name shown in reports
    speaker_texts: tuple[str, ...] = ()  # every text a gold alias may be found in
    speaker_span: tuple[int, int] | None = None  # the speaker mention, article offsets
    content_span: tuple[int, int] | None = None
    kind: str = ""
    speaker_names: tuple[str, ...] = ()  # name, actor's canonical name, country: no mention text


@dataclass(frozen=True, slots=True)
class PredSide:
    """One side (actor or recipient) of a predicted event: the label to show and the texts to match."""

    label: str
    texts: tuple[str, ...]
    country: str | None = None  # the participant's country code (else its linked actor's), for diagnostics


@dataclass(frozen=True, slots=True)
class PredEvent:
    type: str
    actor: PredSide | None
    recipient: PredSide | None
    date: str | None = None
    evidence: str = ""
    place: tuple[str, ...] = ()  # the predicted location's texts (:func:`.places.place_texts`)


@dataclass(frozen=True, slots=True)
class QuoteMatching:
    """Who matched whom: ``pairs`` maps gold index → prediction index; ``speaker_right`` per required pair."""

    pairs: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]  # required gold quotes with no prediction
    false_positives: tuple[int, ...]  # predictions matching no gold quote
    speaker_right: tuple[tuple[int, bool], ...]  # (gold index, right?) for matched required quotes
    # (gold index, right?) for matched required quotes whose gold speaker has aliases
    speaker_name_right: tuple[tuple[int, bool], ...] = ()


@dataclass(frozen=True, slots=True)
class EventMatching:
    pairs: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]
    false_positives: tuple[int, ...]
    date_right: tuple[tuple[int, bool], ...]  # (gold index, right?) for matched required events with a date


# ----------------------------------------------------------------------------------------------- tokens
def tokens(text: str) -> list[str]:
    """Lower-cased runs of letters and digits."""
    return _TOKEN_RE.findall(text.casefold())


def containment(gold: str, predicted: str) -> float:
    """Share of the gold snippet's tokens (as a multiset) that the predicted text contains; 0 when empty."""
    g = Counter(tokens(gold))
    if not g:
        return 0.0
    common = g & Counter(tokens(predicted))
    return sum(common.values()) / sum(g.values())


def token_f1(gold: str, predicted: str) -> float:
    """Token-overlap F1 (multiset), as in SQuAD-style span scoring."""
    g, p = Counter(tokens(gold)), Counter(tokens(predicted))
    common = sum((g & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def quote_found(gold: str, predicted: str) -> bool:
    return containment(gold, predicted) >= FOUND_SHARE


# ---------------------------------------------------------------------------------------------- aliases
def _whole_tokens(text: str, case_sensitive: bool) -> set[str]:
    undotted = text.replace(".", "")
    return set(_TOKEN_RE.findall(undotted if case_sensitive else undotted.casefold()))


def alias_in(alias: str, text: str | None) -> bool:
    """Is ``alias`` contained in ``text`` (short aliases: as a whole token)?"""
    alias = alias.strip()
    if not alias or not text:
        return False
    if len(alias) <= SHORT_ALIAS:
        case_sensitive = alias.isupper()
        key = alias.replace(".", "") if case_sensitive else alias.replace(".", "").casefold()
        return key in _whole_tokens(text, case_sensitive)
    return alias.casefold() in text.casefold()


def any_alias_in(aliases: Iterable[str], texts: Iterable[str | None]) -> bool:
    texts = tuple(texts)
    return any(alias_in(a, t) for a in aliases for t in texts)


def spans_overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def speaker_right(gold: GoldQuote, pred: PredQuote) -> bool:
    """A gold alias in one of the predicted speaker's texts, or the speaker mention overlaps the gold span."""
    if gold.speaker and any_alias_in(gold.speaker, pred.speaker_texts):
        return True
    return spans_overlap(gold.speaker_span, pred.speaker_span)


def speaker_name_right(gold: GoldQuote, pred: PredQuote) -> bool:
    """A gold alias in the predicted speaker's name, canonical name or country (the alias rule alone)."""
    return bool(gold.speaker) and any_alias_in(gold.speaker or (), pred.speaker_names)


def side_fits(aliases: tuple[str, ...] | None, side: PredSide | None) -> bool:
    """A ``None`` gold side fits anything; otherwise one alias must match one of the side's texts."""
    if aliases is None:
        return True
    return side is not None and any_alias_in(aliases, side.texts)


def event_fits(gold: GoldEvent, pred: PredEvent) -> bool:
    if pred.type not in gold.types:
        return False
    if side_fits(gold.actor, pred.actor) and side_fits(gold.recipient, pred.recipient):
        return True
    return pred.type in SYMMETRIC_TYPES and (
        side_fits(gold.actor, pred.recipient) and side_fits(gold.recipient, pred.actor)
    )


def participants_fit(gold: GoldEvent, pred: PredEvent) -> bool:
    """The sides fit whatever the type (either direction): used for the type confusion table."""
    straight = side_fits(gold.actor, pred.actor) and side_fits(gold.recipient, pred.recipient)
    swapped = side_fits(gold.actor, pred.recipient) and side_fits(gold.recipient, pred.actor)
    return straight or swapped


def date_right(gold_date: str, predicted: str | None) -> bool:
    return bool(gold_date) and bool(predicted) and str(predicted).startswith(gold_date)


# --------------------------------------------------------------------------------------------- matching
def _order(optional_flags: Sequence[bool]) -> list[int]:
    """Required gold items first, then optional ones, each group in gold order."""
    return [i for i, o in enumerate(optional_flags) if not o] + [i for i, o in enumerate(optional_flags) if o]


def match_quotes(gold: Sequence[GoldQuote], predicted: Sequence[PredQuote]) -> QuoteMatching:
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    for gi in _order([g.optional for g in gold]):
        best, best_f1 = -1, -1.0
        for pi, p in enumerate(predicted):
            if pi in used or not quote_found(gold[gi].content, p.content):
                continue
            f1 = token_f1(gold[gi].content, p.content)
            if f1 > best_f1:
                best, best_f1 = pi, f1
        if best >= 0:
            used.add(best)
            pairs.append((gi, best))
        elif not gold[gi].optional:
            missed.append(gi)
    speakers = tuple(
        (gi, speaker_right(gold[gi], predicted[pi])) for gi, pi in pairs if not gold[gi].optional
    )
    names = tuple(
        (gi, speaker_name_right(gold[gi], predicted[pi]))
        for gi, pi in pairs
        if not gold[gi].optional and gold[gi].speaker
    )
    fps = tuple(pi for pi in range(len(predicted)) if pi not in used)
    return QuoteMatching(
        tuple(sorted(pairs)), tuple(sorted(missed)), fps, tuple(sorted(speakers)), tuple(sorted(names))
    )


def match_events(gold: Sequence[GoldEvent], predicted: Sequence[PredEvent]) -> EventMatching:
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    for gi in _order([g.optional for g in gold]):
        pick = next(
            (pi for pi, p in enumerate(predicted) if pi not in used and event_fits(gold[gi], p)), None
        )
        if pick is not None:
            used.add(pick)
            pairs.append((gi, pick))
        elif not gold[gi].optional:
            missed.append(gi)
    dates = tuple(
        (gi, date_right(gold[gi].date, predicted[pi].date))
        for gi, pi in pairs
        if not gold[gi].optional and gold[gi].date
    )
    fps = tuple(pi for pi in range(len(predicted)) if pi not in used)
    return EventMatching(tuple(sorted(pairs)), tuple(sorted(missed)), fps, tuple(sorted(dates)))


# ------------------------------------------------------------------------------------------------ tally
@dataclass(frozen=True, slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.right + other.right, self.total + other.total)


def quote_counts(gold: Sequence[GoldQuote], m: QuoteMatching) -> tuple[PRF, Accuracy]:
    tp = sum(1 for gi, _ in m.pairs if not gold[gi].optional)
    right = sum(1 for _, ok in m.speaker_right if ok)
    return PRF(tp, len(m.false_positives), len(m.missed)), Accuracy(right, len(m.speaker_right))


def speaker_name_counts(m: QuoteMatching) -> Accuracy:
    """Speaker name accuracy of one article's matching."""
    return Accuracy(sum(1 for _, ok in m.speaker_name_right if ok), len(m.speaker_name_right))


def event_counts(gold: Sequence[GoldEvent], m: EventMatching) -> tuple[PRF, Accuracy]:
    tp = sum(1 for gi, _ in m.pairs if not gold[gi].optional)
    right = sum(1 for _, ok in m.date_right if ok)
    return PRF(tp, len(m.false_positives), len(m.missed)), Accuracy(right, len(m.date_right))


def per_type_counts(
    gold: Sequence[GoldEvent], predicted: Sequence[PredEvent], m: EventMatching
) -> dict[str, PRF]:
    """P/R/F1 per PLOVER type: a hit counts for the predicted type, a miss for the gold's first type."""
    out: dict[str, PRF] = {}

    def add(label: str, delta: PRF) -> None:
        out[label] = out.get(label, PRF()) + delta

    for gi, pi in m.pairs:
        if not gold[gi].optional:
            add(predicted[pi].type, PRF(tp=1))
    for gi in m.missed:
        add(gold[gi].types[0] if gold[gi].types else "?", PRF(fn=1))
    for pi in m.false_positives:
        add(predicted[pi].type, PRF(fp=1))
    return out


NO_PREDICTION = "(none)"


def type_confusion(
    gold: Sequence[GoldEvent], predicted: Sequence[PredEvent], m: EventMatching
) -> Counter[tuple[str, str]]:
    """(gold type, predicted type) for required gold events.

    A matched event counts on the diagonal (its predicted type).  A missed one counts against the type of
    the first prediction whose actor and recipient fit it (either direction), or ``(none)`` when no
    prediction has those participants.
    """
    out: Counter[tuple[str, str]] = Counter()
    for gi, pi in m.pairs:
        if not gold[gi].optional:
            out[(predicted[pi].type, predicted[pi].type)] += 1
    for gi in m.missed:
        g = gold[gi]
        label = g.types[0] if g.types else "?"
        other = next((p.type for p in predicted if participants_fit(g, p)), NO_PREDICTION)
        out[(label, other)] += 1
    return out


# ---------------------------------------------------------------------------------------- diagnostics
def country_codes(aliases: Iterable[str] | None) -> frozenset[str]:
    """A gold side's country codes: its aliases of exactly three upper-case ASCII letters."""
    return frozenset(a.strip() for a in aliases or () if _COUNTRY_CODE_RE.fullmatch(a.strip()))


def country_right(aliases: tuple[str, ...] | None, side: PredSide | None) -> Accuracy:
    """1/1 or 0/1 when the gold side has country codes (is the predicted side's country one?), else 0/0."""
    codes = country_codes(aliases)
    if not codes:
        return Accuracy()
    return Accuracy(int(side is not None and side.country in codes), 1)


def type_and_country_counts(
    gold: Sequence[GoldEvent], predicted: Sequence[PredEvent]
) -> tuple[Accuracy, Accuracy, Accuracy]:
    """Event type, actor country and recipient country accuracy of one article (see the module docstring).

    Independent of :func:`match_events`: every required gold event looks at all the article's predictions.
    """
    required = [g for g in gold if not g.optional]
    typed, actor, recipient = Accuracy(0, len(required)), Accuracy(), Accuracy()
    for g in required:
        first = next((p for p in predicted if p.type in g.types), None)
        if first is not None:
            typed += Accuracy(1, 0)
            actor += country_right(g.actor, first.actor)
            recipient += country_right(g.recipient, first.recipient)
    return typed, actor, recipient
