"""The annotated article: a plain, spaCy-free view of a parse.

Extractors read this, never a spaCy ``Doc``: it keeps them independent of the model library, picklable for
Dask workers, and testable with hand-built parses (:func:`AnnotatedDoc.from_tokens`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from newsevents.model import Span


class Token(NamedTuple):
    """One token. ``head`` is the index of its syntactic head (itself for a sentence root)."""

    i: int
    start: int  # character offset
    end: int
    text: str
    lemma: str
    pos: str  # universal POS
    tag: str  # fine-grained tag
    dep: str
    head: int
    ent_type: str  # "" outside entities
    ent_iob: str  # "B", "I", "O" or ""
    sent: int  # index of the sentence holding the token
    morph: str
    # ``text.lower()``, stored: the rules read it about 10,000 times per article (a property recomputed it)
    lower: str


class Entity(NamedTuple):
    label: str
    start_token: int  # inclusive
    end_token: int  # exclusive
    start: int  # character offsets
    end: int
    text: str


class Sentence(NamedTuple):
    i: int
    start_token: int
    end_token: int  # exclusive
    start: int
    end: int


@dataclass(frozen=True)
class AnnotatedDoc:
    text: str
    tokens: tuple[Token, ...]
    sents: tuple[Sentence, ...]
    ents: tuple[Entity, ...]
    model: str = ""
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, name: str) -> dict[Any, Any]:
        """A per-document dictionary for an extractor's memo of per-token answers (``name`` keeps the
        extractors' memos apart): the document is immutable, so an answer computed once stays valid."""
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = {}
        return found  # type: ignore[return-value]

    # -- navigation -------------------------------------------------------------------------------------
    @cached_property
    def children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t.i)
        return tuple(tuple(k) for k in kids)

    def subtree(self, i: int) -> list[int]:
        """Token indices of ``i``'s subtree, sorted."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        j = self.tokens[i].head
        while j not in seen:
            seen.add(j)
            yield j
            j = self.tokens[j].head

    def span(self, start_token: int, end_token: int) -> Span:
        """The character span covering tokens ``[start_token, end_token)``."""
        s = self.tokens[start_token].start
        e = self.tokens[end_token - 1].end
        return Span(s, e, self.text[s:e])

    def char_span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_of(self, i: int) -> Sentence:
        return self.sents[self.tokens[i].sent]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, char: int) -> int | None:
        """Index of the token that covers character offset ``char``."""
        import bisect

        k = bisect.bisect_right(self._token_starts, char) - 1
        if k >= 0 and self.tokens[k].start <= char < self.tokens[k].end:
            return k
        return None

    def tokens_within(self, start: int, end: int) -> range:
        """Indices of the tokens lying wholly inside characters ``[start, end)`` (a binary search)."""
        import bisect

        first = bisect.bisect_left(self._token_starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return range(first, last)

    @cached_property
    def ent_of_token(self) -> tuple[int | None, ...]:
        """For each token, the index in ``ents`` of the entity covering it, else None."""
        out: list[int | None] = [None] * len(self.tokens)
        for k, e in enumerate(self.ents):
            for j in range(e.start_token, e.end_token):
                out[j] = k
        return tuple(out)

    @cached_property
    def paragraph_of_sentence(self) -> tuple[int, ...]:
        """Paragraph number of each sentence; a line break starts a paragraph (news text has one per line).

        Counted at the sentence's first non-space character, because spaCy may glue the blank line that ends
        a paragraph onto the end of a sentence or the start of the next.
        """
        import bisect
        import re

        breaks = [m.start() for m in re.finditer(r"\n\s*", self.text)]
        out: list[int] = []
        for s in self.sents:
            chunk = self.text[s.start : s.end]
            first = s.start + (len(chunk) - len(chunk.lstrip()))
            out.append(bisect.bisect_left(breaks, first))
        return tuple(out)

    # -- construction for tests ---------------------------------------------------------------------------
    @classmethod
    def from_tokens(
        cls,
        words: Sequence[str],
        heads: Sequence[int],
        deps: Sequence[str],
        pos: Sequence[str] | None = None,
        lemmas: Sequence[str] | None = None,
        ents: Sequence[tuple[str, int, int]] = (),
        sent_starts: Sequence[int] = (0,),
    ) -> AnnotatedDoc:
        """Build a doc by hand (words joined by single spaces) — for tests where a model is not the point."""
        text_parts, offsets, pos_ = [], [], 0
        for w in words:
            offsets.append((pos_, pos_ + len(w)))
            text_parts.append(w)
            pos_ += len(w) + 1
        text = " ".join(text_parts)
        starts = sorted(set(sent_starts) | {0})
        sent_idx = [0] * len(words)
        for k, s0 in enumerate(starts):
            for j in range(s0, len(words)):
                sent_idx[j] = k
        ent_type = [""] * len(words)
        ent_iob = ["O"] * len(words)
        for label, a, b in ents:
            for j in range(a, b):
                ent_type[j] = label
                ent_iob[j] = "B" if j == a else "I"
        tokens = tuple(
            Token(
                i,
                offsets[i][0],
                offsets[i][1],
                w,
                (lemmas[i] if lemmas else w.lower()),
                (pos[i] if pos else "X"),
                "",
                deps[i],
                heads[i],
                ent_type[i],
                ent_iob[i],
                sent_idx[i],
                "",
                w.lower(),
            )
            for i, w in enumerate(words)
        )
        bounds = [*starts, len(words)]
        sents = tuple(
            Sentence(k, bounds[k], bounds[k + 1], offsets[bounds[k]][0], offsets[bounds[k + 1] - 1][1])
            for k in range(len(starts))
        )
        entities = tuple(
            Entity(label, a, b, offsets[a][0], offsets[b - 1][1], text[offsets[a][0] : offsets[b - 1][1]])
            for label, a, b in ents
        )
        return cls(text=text, tokens=tokens, sents=sents, ents=entities, model="hand-built")
