"""Near-duplicate articles (wire copies, syndicated and lightly edited versions) with MinHash LSH.

Each article's text becomes a set of lower-cased word ``k``-shingles; datasketch's ``MinHash`` sketches it and
``MinHashLSH`` finds earlier articles whose estimated Jaccard similarity passes the threshold.  Signatures are
stored in the ``minhashes`` table so the index is rebuilt at the start of every ingest and duplicates are found
across runs.  The earliest article (by ingest order) of a family is the original; every later one points at it
(``duplicate_of`` is always an original, never a chain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_WORD_RE = re.compile(r"\w+", re.UNICODE)
# datasketch ≥ 2.0 names its hashing scheme and wants it back when a signature is rebuilt from stored values;
# signatures of different schemes are not comparable, so the scheme is stored with each signature.
_HAS_SCHEME = hasattr(MinHash(num_perm=1), "scheme")
SCHEME: str = str(getattr(MinHash(num_perm=1), "scheme", "legacy"))


@dataclass(frozen=True)
class DedupConfig:
    """How near two articles must be to count as one story."""

    threshold: float = 0.7  # estimated Jaccard similarity of the shingle sets
    shingle_words: int = 3
    num_perm: int = 128
    seed: int = 1  # fixed: stored signatures are only comparable under the same permutations
    enabled: bool = True


def shingles(text: str, k: int) -> set[str]:
    words = [w.casefold() for w in _WORD_RE.findall(text)]
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str, config: DedupConfig) -> LeanMinHash | None:
    """MinHash of the article's shingles, or None for a text without words."""
    grams = shingles(text, config.shingle_words)
    if not grams:
        return None
    m = MinHash(num_perm=config.num_perm, seed=config.seed)
    m.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return LeanMinHash(m)


def signature_bytes(sig: LeanMinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype=np.uint64).tobytes()


def signature_from_bytes(data: bytes, config: DedupConfig) -> LeanMinHash:
    values = np.frombuffer(data, dtype=np.uint64)
    if _HAS_SCHEME:
        return LeanMinHash(seed=config.seed, hashvalues=values, scheme=SCHEME)  # type: ignore[call-arg,unused-ignore]
    return LeanMinHash(seed=config.seed, hashvalues=values)


@dataclass
class NearDuplicateIndex:
    """LSH over every stored article; answers "which earlier article is this a copy of?"."""

    config: DedupConfig = field(default_factory=DedupConfig)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.config.threshold, num_perm=self.config.num_perm)
        self._sigs: dict[str, LeanMinHash] = {}
        self._seq: dict[str, int] = {}
        self._root: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, sig: LeanMinHash, seq: int, duplicate_of: str | None) -> None:
        if article_id in self._sigs:
            self.remove(article_id)
        self._lsh.insert(article_id, sig)
        self._sigs[article_id] = sig
        self._seq[article_id] = seq
        self._root[article_id] = duplicate_of or article_id

    def remove(self, article_id: str) -> None:
        if article_id in self._sigs:
            self._lsh.remove(article_id)
            del self._sigs[article_id], self._seq[article_id], self._root[article_id]

    def find(self, article_id: str, sig: LeanMinHash, seq: int) -> tuple[str, float] | None:
        """The original this article copies (most similar earlier article's original), with the similarity."""
        best: tuple[float, int, str] | None = None
        for cand in self._lsh.query(sig):
            if cand == article_id or self._seq[cand] >= seq:
                continue  # only earlier articles can be originals: the result must not depend on run splits
            sim = float(sig.jaccard(self._sigs[cand]))
            if sim < self.config.threshold:
                continue  # LSH candidates are approximate; keep only those that pass the estimate
            key = (-sim, self._seq[cand], cand)
            if best is None or key < (best[0], best[1], best[2]):
                best = key
        if best is None:
            return None
        return self._root[best[2]], -best[0]
