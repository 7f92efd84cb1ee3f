"""The compiled actor knowledge base (``actors.tsv.gz``, ``agents.tsv.gz``), read once per process on first use.

``scripts/compile_kb.py`` writes both files from the Phoenix/PETRARCH dictionaries (MIT, Open Event Data
Alliance; see ``NOTICE`` next to this module) and the curated post-2016 entries in ``scripts/kb_sources/``.
Each entry has a stable ``kb_id``, a kind, a display name, aliases and one or more CAMEO codes, each with the
dates it applies to.  Nothing is read at import time.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
from dataclasses import dataclass
from importlib import resources

from newsevents.kb.phoenix import CodeRange

csv.field_size_limit(1 << 24)


@dataclass(frozen=True, slots=True)
class KbEntry:
    """One compiled entry: a person, a body or a country (kind GPE) with its codes over time."""

    kb_id: str
    kind: str  # PERSON, ORG, GPE
    name: str
    aliases: tuple[str, ...]
    codes: tuple[CodeRange, ...]
    source: str


def _parse_codes(text: str) -> tuple[CodeRange, ...]:
    out = []
    for part in text.split(";"):
        if not part:
            continue
        code, valid_from, valid_to, note = (part.split(":", 3) + ["", "", ""])[:4]
        out.append(CodeRange(code, valid_from or None, valid_to or None, note))
    return tuple(out)


def _read_gz(filename: str) -> list[list[str]]:
    raw = resources.files("newsevents.kb").joinpath(filename).read_bytes()
    rows = list(csv.reader(io.StringIO(gzip.decompress(raw).decode("utf-8")), delimiter="\t"))
    return rows[1:]


class CompiledTable:
    """The rows of ``actors.tsv.gz`` and an index from each normalized name to the rows that carry it (the
    compiler stores the keys that are not just the lower-cased name, so loading does no other text processing).
    Rows become :class:`KbEntry` on demand."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.rows = rows
        self.index: dict[str, list[int]] = {}
        self._entries: dict[int, KbEntry] = {}
        for i, row in enumerate(rows):
            if row[1] == "GPE":  # countries are the country index's business, not names of actors
                continue
            names = [row[2], *row[3].split("|")] if row[3] else [row[2]]
            for name, k in zip(names, row[6].split("|"), strict=False):
                key = k or name.lower()
                bucket = self.index.get(key)
                if bucket is None:
                    self.index[key] = [i]
                elif bucket[-1] != i:
                    bucket.append(i)

    def entry(self, i: int) -> KbEntry:
        e = self._entries.get(i)
        if e is None:
            kb_id, kind, name, aliases, codes, source = self.rows[i][:6]
            e = KbEntry(
                kb_id, kind, name, tuple(a for a in aliases.split("|") if a), _parse_codes(codes), source
            )
            self._entries[i] = e
        return e

    def __len__(self) -> int:
        return len(self.rows)


@functools.cache
def compiled_table() -> CompiledTable:
    """The compiled entries, read and indexed once per process."""
    return CompiledTable(_read_gz("actors.tsv.gz"))


def compiled_entries() -> list[KbEntry]:
    """Every compiled entry (countries included), in dictionary order (Phoenix files, then curated files)."""
    t = compiled_table()
    return [t.entry(i) for i in range(len(t))]


@functools.cache
def agents() -> dict[str, tuple[str, bool]]:
    """Agent phrase (lower case, singular and plural) → (CAMEO code, whether it follows the country)."""
    out: dict[str, tuple[str, bool]] = {}
    for phrase, code, placement in _read_gz("agents.tsv.gz"):
        out.setdefault(phrase, (code, placement == "after"))
    return out


__all__ = ["CompiledTable", "KbEntry", "agents", "compiled_entries", "compiled_table"]
