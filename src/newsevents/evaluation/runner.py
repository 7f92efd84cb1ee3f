"""Run the pipeline on gold files (or read a predictions file) and score it per file and overall.

The gold articles go through the same JSON Lines reader a user's data goes through (it accepts the gold
``raw`` field), then :func:`newsevents.pipeline.process`.  An article the pipeline could not produce counts
with no predictions: its required gold items are misses, and the failure is listed.

Besides the gold README's metrics, each file also counts the mean content token F1 of found quotes and
three event diagnostics (type accuracy, actor and recipient country accuracy); what exactly they count is
stated in :mod:`newsevents.evaluation.matching`'s docstring and on :class:`Score`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.evaluation.coverage import Coverage
from newsevents.evaluation.gap import GapScore, evaluate_gap
from newsevents.evaluation.gold import GoldArticle, read_gold
from newsevents.evaluation.matching import (
    PRF,
    Accuracy,
    EventMatching,
    PredEvent,
    PredQuote,
    PredSide,
    event_counts,
    match_events,
    match_quotes,
    per_type_counts,
    quote_counts,
    speaker_name_counts,
    token_f1,
    type_and_country_counts,
    type_confusion,
)
from newsevents.evaluation.places import place_counts, wrong_places
from newsevents.evaluation.predictions import ArticlePredictions, from_result, read_predictions
from newsevents.model import Result
from newsevents.pipeline import Options, process


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One miss, false positive or wrong attribute, with the text that shows it."""

    article_id: str
    part: str  # "quote" | "event"
    kind: str  # "miss" | "false positive" | "wrong speaker" | "wrong date" | "wrong place"
    text: str
    detail: str = ""


@dataclass
class Score:
    """Counts of one gold file, or of several added together."""

    name: str
    articles: int = 0
    quote_articles: int = 0
    event_articles: int = 0
    quotes: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    # The alias rule alone (name, canonical name, country; no span overlap): see matching's docstring.
    speaker_name: Accuracy = field(default_factory=Accuracy)
    events: PRF = field(default_factory=PRF)
    dates: Accuracy = field(default_factory=Accuracy)
    # Beyond the README's metrics: place accuracy of matched required events (:mod:`.places`).
    places: Accuracy = field(default_factory=Accuracy)
    # Beyond the README's metrics: summed token F1 of each matched required quote's content against its
    # snippet (divided by ``speaker.total``, the number of such quotes): how tight the found spans are.
    content_f1_sum: float = 0.0
    # Event diagnostics beyond the README's metrics (:func:`.matching.type_and_country_counts`, independent
    # of the matching): required gold events with a prediction of one of their types; for those, the first
    # such prediction's actor / recipient country against the gold side's three-letter upper-case codes
    # (only gold sides that carry such a code count).
    event_type: Accuracy = field(default_factory=Accuracy)
    actor_country: Accuracy = field(default_factory=Accuracy)
    recipient_country: Accuracy = field(default_factory=Accuracy)
    per_type: dict[str, PRF] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[ErrorItem] = field(default_factory=list)
    # Actor coding coverage (:mod:`.coverage`): named actors and speakers with a country; no gold involved.
    coverage: Coverage = field(default_factory=Coverage)
    failures: list[str] = field(default_factory=list)  # articles the pipeline could not (fully) process

    @property
    def content_f1(self) -> float | None:
        """Mean token F1 of matched required quotes' content against the gold snippet."""
        return self.content_f1_sum / self.speaker.total if self.speaker.total else None

    def add(self, other: Score) -> None:
        self.articles += other.articles
        self.quote_articles += other.quote_articles
        self.event_articles += other.event_articles
        self.quotes += other.quotes
        self.speaker += other.speaker
        self.speaker_name += other.speaker_name
        self.events += other.events
        self.dates += other.dates
        self.places += other.places
        self.content_f1_sum += other.content_f1_sum
        self.event_type += other.event_type
        self.actor_country += other.actor_country
        self.recipient_country += other.recipient_country
        for t, prf in other.per_type.items():
            self.per_type[t] = self.per_type.get(t, PRF()) + prf
        self.confusion.update(other.confusion)
        self.errors.extend(other.errors)
        self.coverage += other.coverage
        self.failures.extend(other.failures)


@dataclass
class EvalReport:
    system: str
    files: list[Score]
    overall: Score
    gap: list[GapScore] = field(default_factory=list)  # GAP TSV files (pronoun resolution)


def _aliases_label(aliases: tuple[str, ...] | None) -> str:
    return " / ".join(aliases) if aliases else "(pronoun: see speaker_span)"


def _score_quotes(gold: GoldArticle, pq: tuple[PredQuote, ...], into: Score) -> None:
    into.quote_articles += 1
    m = match_quotes(gold.quotes, pq)
    prf, acc = quote_counts(gold.quotes, m)
    into.quotes += prf
    into.speaker += acc
    into.speaker_name += speaker_name_counts(m)
    into.content_f1_sum += sum(
        token_f1(gold.quotes[gi].content, pq[pi].content)
        for gi, pi in m.pairs
        if not gold.quotes[gi].optional
    )
    for gi in m.missed:
        g = gold.quotes[gi]
        into.errors.append(ErrorItem(gold.id, "quote", "miss", g.content, _aliases_label(g.speaker)))
    for pi in m.false_positives:
        into.errors.append(
            ErrorItem(gold.id, "quote", "false positive", pq[pi].content, pq[pi].speaker or "")
        )
    pairs = dict(m.pairs)
    for gi, ok in m.speaker_right:
        if not ok:
            g, p = gold.quotes[gi], pq[pairs[gi]]
            detail = f"predicted {p.speaker or '(none)'}; gold {_aliases_label(g.speaker)}"
            into.errors.append(ErrorItem(gold.id, "quote", "wrong speaker", p.content, detail))
    for gi, ok in m.speaker_name_right:
        if not ok:
            g, p = gold.quotes[gi], pq[pairs[gi]]
            detail = f"predicted {p.speaker or '(none)'}; gold {_aliases_label(g.speaker)}"
            into.errors.append(ErrorItem(gold.id, "quote", "wrong speaker name", p.content, detail))


def _side_label(side: PredSide | None) -> str:
    return side.label if side else "-"


def _score_events(gold: GoldArticle, pe: tuple[PredEvent, ...], into: Score) -> None:
    into.event_articles += 1
    m = match_events(gold.events, pe)
    prf, acc = event_counts(gold.events, m)
    into.events += prf
    into.dates += acc
    typed, actor_country, recipient_country = type_and_country_counts(gold.events, pe)
    into.event_type += typed
    into.actor_country += actor_country
    into.recipient_country += recipient_country
    for t, type_prf in per_type_counts(gold.events, pe, m).items():
        into.per_type[t] = into.per_type.get(t, PRF()) + type_prf
    into.confusion.update(type_confusion(gold.events, pe, m))
    for gi in m.missed:
        g = gold.events[gi]
        actor = _aliases_label(g.actor) if g.actor else "*"
        recipient = _aliases_label(g.recipient) if g.recipient else "*"
        text = gold.text if len(gold.text) <= 300 else ""  # a PLOVER sentence shows itself; an article not
        into.errors.append(
            ErrorItem(gold.id, "event", "miss", text, f"{'|'.join(g.types)}({actor} -> {recipient})")
        )
    for pi in m.false_positives:
        p = pe[pi]
        detail = f"{p.type}({_side_label(p.actor)} -> {_side_label(p.recipient)})"
        into.errors.append(ErrorItem(gold.id, "event", "false positive", p.evidence, detail))
    pairs = dict(m.pairs)
    for gi, ok in m.date_right:
        if not ok:
            p = pe[pairs[gi]]
            detail = f"predicted {p.date or '(none)'}; gold {gold.events[gi].date}"
            into.errors.append(ErrorItem(gold.id, "event", "wrong date", p.evidence, detail))
    _score_places(gold, pe, m, into)


def _score_places(gold: GoldArticle, pe: tuple[PredEvent, ...], m: EventMatching, into: Score) -> None:
    into.places += place_counts(gold.events, pe, m)
    for gi, pi in wrong_places(gold.events, pe, m):
        predicted = pe[pi].place[0] if pe[pi].place else "(none)"
        detail = f"predicted {predicted}; gold {_aliases_label(gold.events[gi].location)}"
        into.errors.append(ErrorItem(gold.id, "event", "wrong place", pe[pi].evidence, detail))


def score_article(gold: GoldArticle, pred: ArticlePredictions | None, into: Score) -> None:
    """Add one article's counts and errors to ``into``.

    ``pred`` None (the pipeline produced nothing for it) scores as no predictions; a system that does not
    predict a part at all (``quotes``/``events`` None) is not scored on that part.
    """
    into.articles += 1
    if pred is not None and pred.coverage is not None:
        into.coverage += pred.coverage
    if gold.quotes_scored and (pred is None or pred.quotes is not None):
        _score_quotes(gold, (pred.quotes if pred else None) or (), into)
    if gold.events_scored and (pred is None or pred.events is not None):
        _score_events(gold, (pred.events if pred else None) or (), into)


def score_file(
    name: str, golds: Iterable[GoldArticle], predictions: Mapping[int | str, ArticlePredictions]
) -> Score:
    """Score gold articles against predictions keyed by gold line number or, failing that, by id."""
    score = Score(name)
    for g in golds:
        pred = predictions.get(g.line) or predictions.get(g.id)
        if pred is None:
            score.failures.append(f"{g.id}: no prediction")
        score_article(g, pred, score)
    return score


def predict_file(path: str, options: Options) -> tuple[dict[int | str, ArticlePredictions], list[str]]:
    """Run the reader and the pipeline on one gold file: predictions keyed by line, and the failures."""
    from newsevents.readers import read_path

    preds: dict[int | str, ArticlePredictions] = {}
    failures: list[str] = []
    for item in process(read_path(path, "jsonl"), options):
        if isinstance(item, Result):
            preds[item.article.line if item.article.line is not None else item.article.id] = from_result(item)
            failures.extend(f"{item.article.id}: {e.stage}: {e.message}" for e in item.errors)
        else:
            failures.append(f"line {item.line}: {item.stage}: {item.message}")
    return preds, failures


def evaluate(gold_paths: Iterable[str], options: Options | None = None) -> EvalReport:
    """Run newsevents on every gold file and score it (``.tsv`` files are GAP: :mod:`.gap`)."""
    options = options or Options()
    files = []
    gap = []
    for path in gold_paths:
        if is_gap(path):
            gap.append(evaluate_gap(path, options.model))
            continue
        preds, failures = predict_file(path, options)
        score = score_file(Path(path).stem, read_gold(path), preds)
        score.failures.extend(failures)
        files.append(score)
    report = _report("newsevents", files)
    report.gap = gap
    return report


def is_gap(path: str) -> bool:
    """GAP files are tab-separated (``gap-development.tsv``); every other gold file is JSON Lines."""
    return path.lower().endswith(".tsv")


def evaluate_predictions(
    gold_paths: Iterable[str], predictions_path: str, system: str | None = None
) -> EvalReport:
    """Score a predictions JSONL file (see :mod:`.predictions`) against gold files, matched by article id."""
    gold_paths = list(gold_paths)
    gap = [p for p in gold_paths if is_gap(p)]
    if gap:
        raise ValueError(f"GAP files are scored by running newsevents, not from predictions: {gap[0]}")
    preds: dict[int | str, ArticlePredictions] = {p.id: p for p in read_predictions(predictions_path)}
    files = [score_file(Path(path).stem, read_gold(path), preds) for path in gold_paths]
    return _report(system or Path(predictions_path).stem, files)


def _report(system: str, files: list[Score]) -> EvalReport:
    overall = Score("overall")
    for f in files:
        overall.add(f)
    return EvalReport(system, files, overall)
