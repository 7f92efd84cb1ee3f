"""Scoring newsevents (or any system's predictions) against the hand-annotated gold sets.

:mod:`.matching` holds the scoring rules of ``../shared/gold/README.md`` as pure functions; :mod:`.gold`
and :mod:`.predictions` turn gold records and predictions into the records it matches; :mod:`.runner`
runs the pipeline and adds the counts up; :mod:`.report` prints them.
"""

from newsevents.evaluation.runner import EvalReport, Score, evaluate, evaluate_predictions

__all__ = ["EvalReport", "Score", "evaluate", "evaluate_predictions"]
