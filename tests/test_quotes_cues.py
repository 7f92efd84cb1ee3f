"""The cue lexicon is data: it loads, it is cached, and extending it changes what counts as a cue."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from conftest import GOLD, shared_file
from newsevents.extract.quotes.cues import load_cues, parse_cues
from newsevents.model import Result


def test_quotes_cues_lexicon_loads_once_with_core_verbs() -> None:
    cues = load_cues()
    assert load_cues() is cues
    for verb in ("say", "tell", "add", "note", "stress", "warn", "argue", "insist", "claim", "announce"):
        assert cues.is_speech_verb(verb)
    assert ("according", "to") in cues.according_phrases
    assert "read" in cues.document_verbs and "statement" in cues.document_nouns
    assert not cues.is_speech_verb("eat")


def test_quotes_cues_parse_accepts_mappings_lists_and_missing_keys() -> None:
    cues = parse_cues({"speech_verbs": {"Mutter": "note"}, "object_content_verbs": ["beg"]})
    assert cues.is_speech_verb("mutter") and cues.takes_object_content("beg")
    assert cues.according_phrases == () and cues.document_nouns == frozenset()


def _tokens(s: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W_]+", s.lower()))


def test_quotes_seed_article_required_quotes_are_all_found(seed_result: Result) -> None:
    gold = json.loads(shared_file(GOLD / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    predicted = [_tokens(q.content.text) for q in seed_result.quotes]
    for g in gold["quotes"]:
        if g["optional"]:
            continue
        want = _tokens(g["content"])
        best = max((sum((want & p).values()) / sum(want.values()) for p in predicted), default=0.0)
        assert best >= 0.6, g["content"]
    assert all(q.speaker is not None for q in seed_result.quotes)


@pytest.mark.parametrize("field", ["content", "cue"])
def test_quotes_seed_article_spans_satisfy_the_invariant(seed_result: Result, field: str) -> None:
    text = seed_result.article.text
    for q in seed_result.quotes:
        span = getattr(q, field)
        if span is not None:
            assert text[span.start : span.end] == span.text
