"""Event confidence: the probability that an event is right, from a logistic model over the rule's own features.

The model is fitted on the dev sets (real-dev whole articles and PLOVER dev sentences) by
``scripts/fit_confidence.py`` with scikit-learn, cross-validated by article, and shipped as plain
coefficients in ``confidence.json`` next to this module (no pickle: the file is data anyone can read and
diff).  At run time there is nothing to import from scikit-learn: the probability is
``1 / (1 + exp(-(intercept + sum(weight[f] * value[f]))))`` over the features below.

Features (all of them read from the finished :class:`Event`, so the refit script and the pipeline compute
exactly the same thing): PLOVER type, the trigger pattern (verb, passive, noun, light-verb ...), the
lexicon entry family (``events.request.urge``), which lexicon fired (YAML or the compiled CAMEO dictionary), mode and context (negated, future), how each participant
was resolved (a knowledge-base entry, an actor of the article, a country only, a bare phrase, missing),
in a quote or not, where the evidence sentence stands in the article, how many mentions were merged, where
the date and the place came from, and the hand-set rule confidence the model starts from.

``threshold`` in the data file is the cut that maximised event F1 on the held-out folds of the dev sets: the
default of ``--min-confidence``.

**Values the model has not seen.**  A one-hot value that was too rare when the model was fitted (fewer than
5 labelled predictions) or that did not exist then (a lexicon entry or a pattern added since) is given
neither a silent 0 nor a penalty: it takes its group's mean weight over the training predictions
(``unseen`` in the data file), so a new rule is scored as an average rule of its kind (entry, pattern,
type ...) until the next refit learns its own weight.

**Held-out scoring.**  The data file also carries one model per cross-validation fold; an article's fold
is fixed by a hash of its id (:func:`fold_of`), so ``newsevents eval --held-out`` scores each article of a
set the model was fitted on with the fold model that never saw that article: the figures are held-out,
never in-sample, and reproduce those of ``scripts/fit_confidence.py``.  ``Options.extra["raw_confidence"]`` (used by the refit script) leaves the
hand-set rule confidence in place and drops nothing, so that the features are the rules' own.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from newsevents.model import Event, Participant

DATA_FILE = "confidence.json"


def _side(p: Participant | None) -> str:
    if p is None:
        return "none"
    if p.kb_id:
        return "kb"
    if p.actor_id:
        return "actor" if p.country else "actor-nocountry"
    return "country" if p.country else "phrase"


def features(e: Event, text_length: int) -> dict[str, float]:
    """The event's feature values by name (one-hot names carry their value: ``type=ASSAULT``)."""
    pattern = e.rule.rsplit(".", 1)[-1] if "." in e.rule else e.rule
    family = e.rule.rsplit(".", 1)[0] if e.rule.count(".") >= 2 else e.rule
    context = (e.context or "").split(":", 1)[0] or "none"
    position = e.evidence.start / max(text_length, 1)
    place = e.location.rule.rsplit(".", 1)[-1] if e.location is not None else "none"
    return {
        f"type={e.type}": 1.0,
        f"pattern={pattern}": 1.0,
        f"entry={family}": 1.0,
        f"lexicon={'cameo' if '.cameo:' in e.rule else 'yaml'}": 1.0,
        f"mode={e.mode or 'none'}": 1.0,
        f"context={context}": 1.0,
        f"actor={_side(e.actor)}": 1.0,
        f"recipient={_side(e.recipient)}": 1.0,
        f"type-recipient={e.type}:{'yes' if e.recipient is not None else 'no'}": 1.0,
        f"date={e.date_source or 'none'}": 1.0,
        f"place={place}": 1.0,
        "in_quote": 1.0 if e.quote_id else 0.0,
        "first_sentence": 1.0 if e.evidence.start == 0 else 0.0,
        "position": position,
        "mentions": math.log1p(len(e.extra_evidence)),
        "rule_confidence": e.confidence,
    }


def fold_of(key: str, folds: int) -> int:
    """The cross-validation fold of an article: a stable hash of its id (the same in the fit and in
    ``newsevents eval --held-out``; Python's ``hash`` is salted per process, so not that)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") % folds


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    intercept: float
    weights: dict[str, float]
    threshold: float
    # group ("entry", "pattern" ...) -> weight for a value the fit did not keep (see the module docstring)
    unseen: dict[str, float] = field(default_factory=dict)
    fold_models: tuple[ConfidenceModel, ...] = ()

    def weight(self, key: str) -> float:
        w = self.weights.get(key)
        if w is not None:
            return w
        if "=" not in key:
            return 0.0  # a numeric feature the model does not use
        return self.unseen.get(key.split("=", 1)[0], 0.0)

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(self.weight(k) * v for k, v in values.items())
        if z < -35:  # exp overflow guard; the probability is 0 to the printed precision anyway
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def held_out(self, key: str) -> ConfidenceModel:
        """The fold model that was fitted without the article ``key`` (self when there are no folds)."""
        if not self.fold_models:
            return self
        return self.fold_models[fold_of(key, len(self.fold_models))]

    @staticmethod
    def from_dict(data: dict[str, Any], threshold: float | None = None) -> ConfidenceModel:
        cut = float(data["threshold"]) if threshold is None else threshold
        return ConfidenceModel(
            float(data["intercept"]),
            {str(k): float(v) for k, v in data["weights"].items()},
            cut,
            {str(k): float(v) for k, v in data.get("unseen", {}).items()},
            tuple(ConfidenceModel.from_dict(f, cut) for f in data.get("fold_models", ())),
        )


@lru_cache(maxsize=1)
def load_model() -> ConfidenceModel | None:
    """The shipped model, or None when the package carries no fitted data file (a fresh checkout)."""
    path = resources.files(__package__).joinpath(DATA_FILE)
    if not path.is_file():
        return None
    return ConfidenceModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def default_threshold() -> float:
    model = load_model()
    return model.threshold if model is not None else 0.0


def calibrate(
    events: Iterable[Event],
    text_length: int,
    min_confidence: float | None = None,
    model: ConfidenceModel | None = None,
    held_out_key: str | None = None,
) -> tuple[Event, ...]:
    """Each event with the model's probability as ``confidence``, keeping those at or above
    ``min_confidence`` (None: the model's F1-maximising threshold; 0: keep every event).  With
    ``held_out_key`` (the article id) the article is scored by the fold model that never saw it."""
    model = model or load_model()
    if model is None:
        return tuple(events)
    cut = model.threshold if min_confidence is None else min_confidence
    if held_out_key is not None:
        model = model.held_out(held_out_key)
    out = []
    for e in events:
        p = round(model.probability(features(e, text_length)), 3)
        if p >= cut:
            out.append(replace(e, confidence=p))
    return tuple(out)
