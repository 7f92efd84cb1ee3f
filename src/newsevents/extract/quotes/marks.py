"""Find quoted stretches in raw text: any quote marks, across sentences and paragraphs, never giving up.

Hand-written because the libraries we could use do not fit: textacy's ``direct_quotations`` raises on a
document with an odd number of quote marks and knows no paragraph continuation, and a regular expression
cannot tell an apostrophe from a closing single quote.  The scanner works paragraph by paragraph, so one
stray mark only affects its own paragraph; a paragraph that opens a quote without closing it continues
into the next one when that paragraph opens with a quote mark too (the typographic convention), else the
quote ends with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Unambiguous openers and the closers that end them.
_OPENERS = {"“": "”", "«": "»", "„": "“”", "‹": "›", "``": "''\"", "‘": "’'"}
_CLOSERS = {"”", "»", "›"}
_MARK_RE = re.compile(r"``|''|[“”«»„‹›\"‘’']")
_CONTINUATION = {"„": "„", "``": "``", "‘": "‘", "«": "«"}
_OPEN_CONTEXT = set(" \t\n([{—–-/:;,") | {"“", "‘", "«", '"', "'"}


@dataclass(frozen=True, slots=True)
class Stretch:
    """One top-level quoted stretch: ``[start, end)`` includes the marks, ``[inner_start, inner_end)`` not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the paragraph ended before a closing mark


@dataclass
class _Open:
    mark: str
    start: int
    inner_start: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of text (news text has one paragraph per line)."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, k: int, mark: str, stack: list[_Open]) -> str:
    """'open', 'close' or 'skip' for the mark at ``text[k]``."""
    prev = text[k - 1] if k > 0 else " "
    nxt = text[k + len(mark)] if k + len(mark) < len(text) else " "
    top = stack[-1].mark if stack else None
    if mark in ("“", "«", "„", "‹", "``"):
        return "open"
    if mark in _CLOSERS:
        return "close"
    if mark in ('"', "''"):
        if top == mark or (top == "``" and mark == "''") or (top == "„" and mark == '"'):
            return "close"
        if _opens_after(prev) or k == 0:
            return "open" if not nxt.isspace() else "skip"
        return "close" if any(o.mark in ('"', "''", "``", "„") for o in stack) else "skip"
    # Single quotes: apostrophes sit between letters ("don't", "Clinton’s") or after a plural ("voters’").
    if _is_letter(prev) and _is_letter(nxt):
        return "skip"
    if mark in ("‘", "'") and (_opens_after(prev) or k == 0) and nxt.isalpha():
        return "open"
    if mark in ("’", "'") and not prev.isspace() and not _is_letter(nxt):
        return "close" if any(o.mark in ("‘", "'") for o in stack) else "skip"
    return "skip"


def _opens_after(prev: str) -> bool:
    """May a straight or single quote mark after ``prev`` open a quote?  Any space counts, the no-break
    space (U+00A0) and thin spaces of web text included."""
    return prev in _OPEN_CONTEXT or prev.isspace()


def _matches(open_mark: str, close_mark: str) -> bool:
    if open_mark in ('"', "''"):
        return close_mark in ('"', "''", "”")
    if open_mark == "'":
        return close_mark in ("'", "’")
    return close_mark in _OPENERS.get(open_mark, "")


def find_stretches(text: str) -> list[Stretch]:
    """Top-level quoted stretches of ``text`` in order (nested quotes stay inside their outer stretch)."""
    out: list[Stretch] = []
    stack: list[_Open] = []
    paragraphs = _paragraphs(text)
    for p, (pstart, pend) in enumerate(paragraphs):
        if not text[pstart:pend].strip():
            continue
        if stack and not _opens_with_quote(text, pstart, pend, stack[0].mark):
            # The quote left open did not continue here: it ended with the previous non-empty paragraph.
            _close_unfinished(out, stack, _last_text_end(text, paragraphs, p))
        continuing = bool(stack)
        for m in _MARK_RE.finditer(text, pstart, pend):
            k, mark = m.start(), m.group()
            if continuing:
                continuing = False
                if text[pstart:k].strip() == "":
                    continue  # the opener that repeats a quote continued from the previous paragraph
            role = _role(text, k, mark, stack)
            if role == "open":
                stack.append(_Open(mark, k, m.end()))
            elif role == "close":
                for j in range(len(stack) - 1, -1, -1):
                    if _matches(stack[j].mark, mark):
                        opened = stack[j]
                        del stack[j:]
                        if k > opened.inner_start:
                            out.append(Stretch(opened.start, m.end(), opened.inner_start, k, closed=True))
                        break
    if stack:
        _close_unfinished(out, stack, len(text.rstrip()))
    return _outermost(out)


def _close_unfinished(out: list[Stretch], stack: list[_Open], end: int) -> None:
    """End the outermost double-quote stretch left open at ``end``; open single quotes are dropped (too often
    apostrophes to trust without a closing mark)."""
    doubles = [o for o in stack if o.mark not in ("'", "‘")]
    if doubles and end > doubles[0].inner_start:
        first = doubles[0]
        out.append(Stretch(first.start, end, first.inner_start, end, closed=False))
    stack.clear()


def _outermost(stretches: list[Stretch]) -> list[Stretch]:
    """Drop stretches lying inside another one; keep text order.  A stretch left unclosed (a stray mark)
    ends where the next properly closed one starts, so it never swallows a real quote."""
    closed_starts = sorted(s.start for s in stretches if s.closed)
    cut: list[Stretch] = []
    for s in stretches:
        if not s.closed:
            end = min([c for c in closed_starts if c > s.start] + [s.end])
            if end < s.end:
                s = Stretch(s.start, end, s.inner_start, max(s.inner_start, end), closed=False)
        cut.append(s)
    ordered = sorted(cut, key=lambda s: (s.start, -s.end))
    out: list[Stretch] = []
    for s in ordered:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def _opens_with_quote(text: str, start: int, end: int, mark: str) -> bool:
    """Does the paragraph open with the same kind of mark as the quote left open (the continuation style)?"""
    body = text[start:end].lstrip()
    return body.startswith(_CONTINUATION.get(mark, mark))


def _last_text_end(text: str, paragraphs: list[tuple[int, int]], p: int) -> int:
    for q in range(p - 1, -1, -1):
        s, e = paragraphs[q]
        if text[s:e].strip():
            return s + len(text[s:e].rstrip())
    return 0
