"""Near-duplicate look-up in SQL: MinHash LSH bands stored in the ``lsh_bands`` table.

The in-memory ``NearDuplicateIndex`` (``dedup.py``) must be rebuilt from every stored signature at the start
of each ingest — O(store) work that, on a store of 200,000 articles, costs more than ingesting 1,000 new
ones.  Here the LSH band keys live in the database: ``lsh_bands(article_id, band, key)``, one row per band,
and the candidates of a batch are one join.  The bands are datasketch's: ``MinHashLSH(threshold, num_perm)``
picks ``b`` bands of ``r`` rows, and two signatures are candidates when one band's ``r`` hash values are
identical — here when the 64-bit BLAKE2b digests of those bytes are equal (a digest collision only adds a
candidate, which the Jaccard estimate then rejects).  The decision rule is ``NearDuplicateIndex.find``'s, so
results are those of the in-memory index.

Band keys depend on (threshold, num_perm, seed, scheme): ``meta.lsh_params`` records them, and a store whose
bands were cut with other parameters (or an older store without bands) gets them recomputed from
``minhashes`` once.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import LeanMinHash, MinHashLSH

from newsevents.store.dedup import SCHEME, DedupConfig, signature_from_bytes

Band = tuple[int, int]  # (band number, 64-bit key)


@cache
def band_shape(config: DedupConfig) -> tuple[int, int]:
    """datasketch's (bands, rows per band) for this threshold and number of permutations.

    Cached: datasketch finds them by numerical integration (~80 ms a call).
    """
    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
    return int(lsh.b), int(lsh.r)


def params_key(config: DedupConfig) -> str:
    b, r = band_shape(config)
    return f"threshold={config.threshold};num_perm={config.num_perm};seed={config.seed};scheme={SCHEME};b={b};r={r}"


def bands(sig: LeanMinHash, config: DedupConfig) -> list[Band]:
    b, r = band_shape(config)
    values = np.asarray(sig.hashvalues, dtype=np.uint64)
    out = []
    for k in range(b):
        digest = hashlib.blake2b(values[k * r : (k + 1) * r].tobytes(), digest_size=8).digest()
        out.append((k, int.from_bytes(digest, "little", signed=True)))
    return out


def band_rows(article_id: str, sig: LeanMinHash, config: DedupConfig) -> list[tuple[str, int, int]]:
    return [(article_id, band, key) for band, key in bands(sig, config)]


BANDS_SCHEMA = pa.schema([("article_id", pa.string()), ("band", pa.int32()), ("key", pa.int64())])


def insert_bands(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[str, int, int]]) -> None:
    if not rows:
        return
    cols = list(zip(*rows, strict=True))
    table = pa.Table.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(cols, BANDS_SCHEMA, strict=True)], schema=BANDS_SCHEMA
    )
    con.register("_newsevents_bands", table)
    try:
        con.execute("INSERT INTO lsh_bands SELECT article_id, band, key FROM _newsevents_bands")
    finally:
        con.unregister("_newsevents_bands")


def ensure_bands(con: duckdb.DuckDBPyConnection, config: DedupConfig) -> None:
    """(Re)compute every stored article's bands when they were cut with other parameters, or never."""
    want = params_key(config)
    row = con.execute("SELECT value FROM meta WHERE key = 'lsh_params'").fetchall()
    if row and row[0][0] == want:
        return
    con.execute("DELETE FROM lsh_bands")
    # All signatures first (128 × 8 bytes each): inserting would discard a result still being fetched.
    stored = con.execute(
        "SELECT article_id, signature FROM minhashes WHERE num_perm = ? AND scheme = ?",
        [config.num_perm, SCHEME],
    ).fetchall()
    for start in range(0, len(stored), 10_000):
        chunk = stored[start : start + 10_000]
        insert_bands(
            con,
            [r for aid, blob in chunk for r in band_rows(aid, signature_from_bytes(blob, config), config)],
        )
    con.execute("INSERT OR REPLACE INTO meta VALUES ('lsh_params', ?)", [want])


@dataclass
class _Stored:
    sig: LeanMinHash
    seq: int
    root: str


class BatchDuplicates:
    """Finds the original of each article of one batch among the stored ones and the batch's earlier ones."""

    def __init__(self, con: duckdb.DuckDBPyConnection, config: DedupConfig) -> None:
        self.con = con
        self.config = config
        self._batch_buckets: dict[Band, list[str]] = defaultdict(list)
        self._batch: dict[str, _Stored] = {}
        self._stored: dict[str, _Stored] = {}
        self._candidates: dict[str, set[str]] = {}

    def prefetch(self, items: Sequence[tuple[str, LeanMinHash]]) -> None:
        """One query for the stored candidates of every article of the batch (by shared band key)."""
        rows = [(aid, band, key) for aid, sig in items for band, key in bands(sig, self.config)]
        if not rows:
            return
        cols = list(zip(*rows, strict=True))
        probe = pa.Table.from_arrays(
            [pa.array(c, type=f.type) for c, f in zip(cols, BANDS_SCHEMA, strict=True)], schema=BANDS_SCHEMA
        )
        self.con.register("_newsevents_probe", probe)
        try:
            pairs = self.con.execute(
                "SELECT DISTINCT p.article_id AS probe, b.article_id AS cand FROM _newsevents_probe p "
                "JOIN lsh_bands b ON b.band = p.band AND b.key = p.key"
            ).fetchall()
        finally:
            self.con.unregister("_newsevents_probe")
        for probe_id, cand in pairs:
            self._candidates.setdefault(probe_id, set()).add(cand)
        wanted = sorted({c for _, c in pairs})
        if wanted:
            found = self.con.execute(
                "SELECT m.article_id, m.signature, a.ingest_seq, a.duplicate_of FROM minhashes m "
                "JOIN articles a ON a.id = m.article_id WHERE m.num_perm = ? AND m.scheme = ? "
                "AND m.article_id IN (SELECT unnest(?))",
                [self.config.num_perm, SCHEME, wanted],
            ).fetchall()
            for aid, blob, seq, dup in found:
                self._stored[aid] = _Stored(signature_from_bytes(blob, self.config), int(seq), dup or aid)

    def find_and_add(self, article_id: str, sig: LeanMinHash, seq: int) -> tuple[str, float] | None:
        """``NearDuplicateIndex.find`` then ``add``: the original this article copies, with the similarity."""
        my_bands = bands(sig, self.config)
        cands: set[str] = set(self._candidates.get(article_id, ()))
        for b in my_bands:
            cands.update(self._batch_buckets.get(b, ()))
        best: tuple[float, int, str] | None = None
        for cand in cands:
            known = self._batch.get(cand) or self._stored.get(cand)
            if cand == article_id or known is None or known.seq >= seq:
                continue  # only earlier articles can be originals: the result must not depend on run splits
            sim = float(sig.jaccard(known.sig))
            if sim < self.config.threshold:
                continue
            key = (-sim, known.seq, cand)
            if best is None or key < best:
                best = key
        found = None
        if best is not None:
            original = self._batch.get(best[2]) or self._stored[best[2]]
            found = (original.root, -best[0])
        self._batch[article_id] = _Stored(sig, seq, found[0] if found else article_id)
        for b in my_bands:
            self._batch_buckets[b].append(article_id)
        return found
