"""Reader of the PETRARCH/Phoenix dictionary formats (actors and agents) and of CAMEO actor codes.

Used by ``scripts/compile_kb.py`` to compile the Phoenix dictionaries into the package, and at run time for a
user's ``--actors FILE`` in the same format.  The format (PETRARCH2 ``dictionaries.rst``, TABARI manual ch. 5):

* ``NAME_WITH_UNDERSCORES_ [CODE]``: a primary phrase, optionally with its default code; ``_`` joins words
  and a trailing ``_`` closes the phrase (no plural or longer match; it does not change the words);
* ``+SYNONYM``: another phrase for the same entry;
* ``<TAB>[CODE 20040309-20120507]``, ``[CODE >DATE]``, ``[CODE <DATE]``, ``[CODE]``: a code valid between the
  dates (inclusive), after or before a date, or the default; dates are ``YYYYMMDD`` or ``YYMMDD``;
* ``#`` (and the older ``;``) starts a comment; blank lines are skipped.

Like PETRARCH's reader, a primary phrase with no code that is followed by another primary phrase before any
code shares that later entry's codes ("UN_ [IGOUNO]" / "U.N._" / "UN_SECRETARY_GENERAL" / ``[IGOUNO]``).

Agents (``Phoenix.agents.txt``): ``PHRASE {PLURAL} [~SECTOR]`` (``~`` before: the sector follows the country
of the modifier, "Iraqi police" → IRQCOP; ``~`` after: it comes before it, ``[NGO~]``), ``{}`` = no plural,
``!MARKER! = A, B`` substitution sets used as ``CONGRESS!PERSON!``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

# CAMEO sector codes (3 letters) → the project's sector vocabulary; a sector not listed keeps its CAMEO name.
# ELI (elites: former office holders) and the religious codes are kept apart from GOV/REL on purpose.
SECTOR_OF_CAMEO = {
    "CVL": "CIV",
    "PTY": "POL",
    "OPP": "POL",
    "MOD": "POL",
    "RAD": "POL",
    "SPY": "GOV",
    "UAF": "REB",
    "INS": "REB",
    "SEP": "REB",
    "CHR": "REL",
    "MUS": "REL",
    "JEW": "REL",
    "BUD": "REL",
    "HIN": "REL",
    "SHI": "REL",
    "SUN": "REL",
    "CTH": "REL",
    "HRI": "NGO",
    "NGM": "NGO",
    "PPL": "CIV",
    "REF": "CIV",
    "DEV": "GOV",
    "CRM": "CRM",
}
# CAMEO's three-letter sector (and religion) codes, so that a code made of sectors only is not a country.
SECTORS = frozenset(
    {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "LAB", "REF",
     "ELI", "LEG", "AGR", "HLH", "DEV", "HRI", "ENV", "UAF", "INS", "SEP", "MOD", "RAD", "NGM", "PPL", "CHR",
     "MUS", "JEW", "BUD", "HIN", "SHI", "SUN", "CTH", "MOS", "REL", "IGO", "NGO"}
)  # fmt: skip
# A government role whose second sector says which branch: USAGOVLEG (a senator) is LEG, EGYGOVJUD is JUD.
BRANCHES = frozenset({"LEG", "JUD", "MIL", "COP"})
# First-three-letter codes that are not a country: international and transnational actors.
TRANSNATIONAL = {
    "IGO": "IGO",
    "NGO": "NGO",
    "IMG": "REB",  # international militarised group (al-Qaeda)
    "MNC": "BUS",
    "INT": None,
    "UIS": None,  # unidentified state actor
}
# CAMEO regional "country" codes (no ISO country).
REGIONS = frozenset(
    {"AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "MDT", "NAF",
     "NAM", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WST", "BAL", "NMR", "CMN", "DEV", "DVD"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CodeRange:
    """One code of an entry, with the dates it applies to (``YYYY-MM-DD``, inclusive; None = open)."""

    code: str
    valid_from: str | None = None
    valid_to: str | None = None
    note: str = ""  # the comment after it in the dictionary ("Foreign Minister"), or a curated title

    @property
    def default(self) -> bool:
        return self.valid_from is None and self.valid_to is None


@dataclass(frozen=True, slots=True)
class PhoenixEntry:
    """One actor record: its phrases (primary first) and its codes."""

    names: tuple[str, ...]
    codes: tuple[CodeRange, ...]
    comment: str = ""  # comment of the primary line ("CountryInfo.txt")


@dataclass(frozen=True, slots=True)
class Agent:
    """One agent phrase: "riot police" → sector COP, placed after the country (``~COP``) or before it."""

    phrase: str
    code: str  # "COP", "GOVMED", "NGO"
    after_country: bool  # [~COP]: IRQ + COP; [NGO~]: NGO + IRQ


_DATE = re.compile(r"\d{6,8}")
_BRACKETS = re.compile(r"\[([^\]]*)\]")


def parse_date(text: str) -> str | None:
    """``YYYYMMDD`` or ``YYMMDD`` (years 00-29 are 20xx, as in PETRARCH) → ``YYYY-MM-DD``; None if invalid."""
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy < 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    y, m, d = text[:4], text[4:6], text[6:]
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{m}-{d}"


def phrase_text(raw: str) -> str:
    """``SERGEY_V._LAVROV_`` → ``SERGEY V. LAVROV`` (underscores are word joiners; case is kept)."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def _split_comment(line: str) -> tuple[str, str]:
    for mark in ("#", ";"):
        if mark in line:
            body, _, comment = line.partition(mark)
            return body, comment.strip()
    return line, ""


def _code_range(inside: str, note: str) -> CodeRange | None:
    """The text between ``[`` and ``]`` of a code line → a :class:`CodeRange` (None when the dates are bad)."""
    code, _, rest = inside.strip().partition(" ")
    rest = rest.strip()
    if not rest:
        return CodeRange(code, note=note)
    if rest[0] in "<>":
        m = _DATE.search(rest)
        date = parse_date(m.group()) if m else None
        if date is None:
            return None
        return CodeRange(code, None, date, note) if rest[0] == "<" else CodeRange(code, date, None, note)
    start, sep, end = rest.partition("-")
    d1, d2 = parse_date(start), parse_date(end)
    if not sep or d1 is None or d2 is None or d2 < d1:
        return None
    return CodeRange(code, d1, d2, note)


def parse_actors(lines: Iterable[str], errors: list[str] | None = None) -> Iterator[PhoenixEntry]:
    """Entries of an actor dictionary; lines that cannot be read are reported in ``errors`` and skipped."""
    names: list[str] = []
    codes: list[CodeRange] = []
    comment = ""

    def flush() -> Iterator[PhoenixEntry]:
        if names and codes:
            yield PhoenixEntry(tuple(dict.fromkeys(names)), tuple(codes), comment)

    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if "---STOP---" in line:
            break
        if not line.strip() or line.lstrip().startswith(("#", "<!")):
            continue
        body, note = _split_comment(line)
        if line[0] in " \t" and "[" in body:  # date restrictions (or a default code) of the current entry
            for inside in _BRACKETS.findall(body):
                cr = _code_range(inside, note)
                if cr is None:
                    if errors is not None:
                        errors.append(f"line {n}: unreadable date restriction: {line.strip()}")
                    continue
                codes.append(cr)
            continue
        if not body.strip():
            continue
        code_texts: list[str] = []
        if "[" in body:  # one code or more on the phrase's line: "[IGOEUREEC 950701-951231][IGOWSTNAT ...]"
            code_texts = _BRACKETS.findall(body)
            body = body.partition("[")[0]
        text = phrase_text(body.strip().lstrip("+"))
        if not text:
            continue
        if body.strip().startswith("+"):
            names.append(text)
        else:
            if codes:  # the previous entry is complete; code-less primaries before it joined it
                yield from flush()
                names, codes = [], []
            if not names:
                comment = note
            names.append(text)
        for code_text in code_texts:
            cr = _code_range(code_text, note if not body.strip().startswith("+") else "")
            if cr is not None:
                codes.append(cr)
            elif errors is not None:
                errors.append(f"line {n}: unreadable code: {line.strip()}")
    yield from flush()


def _plurals(root: str) -> list[str]:
    """PETRARCH's regular plurals: +S, Y → IES, SS → SSES (of the last word)."""
    if root.endswith("Y") and not root.endswith(("AY", "EY", "OY", "UY")):
        return [root[:-1] + "IES"]
    if root.endswith(("SS", "SH", "CH", "X")):
        return [root + "ES"]
    return [root + "S"]


def parse_agents(lines: Iterable[str], errors: list[str] | None = None) -> Iterator[Agent]:
    """Agent phrases (singular and plural forms) with their codes."""
    markers: dict[str, list[str]] = {}
    for n, raw in enumerate(lines, 1):
        body, _ = _split_comment(raw.rstrip("\r\n"))
        body = body.strip()
        if not body or body.startswith("<!"):
            continue
        if body.startswith("!") and "=" in body and "[" not in body:
            marker, _, items = body.partition("=")
            markers[marker.strip().strip("!")] = [i.strip() for i in items.split(",") if i.strip()]
            continue
        if "[" not in body:
            if errors is not None:
                errors.append(f"line {n}: agent without a code: {body}")
            continue
        phrase_part, _, code_part = body.partition("[")
        code = code_part.partition("]")[0].strip()
        after = code.startswith("~")
        code = code.strip("~")
        plural: list[str] | None = None
        if "{" in phrase_part:
            phrase_part, _, plural_part = phrase_part.partition("{")
            plural = [p for p in plural_part.partition("}")[0].split() if p]
        root = phrase_part.strip()
        forms: list[str] = []
        if "!" in root:
            m = re.search(r"!([A-Z]+)!", root)
            if m is None or m.group(1) not in markers:
                if errors is not None:
                    errors.append(f"line {n}: unknown substitution marker: {body}")
                continue
            forms = [root[: m.start()] + s + root[m.end() :] for s in markers[m.group(1)]]
        else:
            forms = [root]
            forms += plural if plural is not None else ([] if root.endswith("_") else _plurals(root))
        for form in forms:
            text = phrase_text(form)
            if text:
                yield Agent(text, code, after)


def split_code(code: str, is_country: Callable[[str], bool] | None = None) -> tuple[str | None, str | None]:
    """(ISO alpha-3 country or None, sector in the project's vocabulary or None) of a CAMEO actor code.

    ``RUSGOV`` → (RUS, GOV); ``PSEREB`` → (PSE, REB); ``IGOUNO`` → (None, IGO); ``USAELI`` → (USA, ELI);
    ``AFG`` → (AFG, None); ``IMGMUSALQ`` → (None, REB); ``USAGOVLEG`` → (USA, LEG).  The country part is any three letters that are
    not a transnational or regional code; the caller checks it against the country table.  With
    ``is_country``, a dependency written after its sovereign (``GBRVGB``) is that territory's own code.
    """
    code = code.strip().upper()
    head, rest = code[:3], code[3:]
    if is_country is not None and len(rest) >= 3 and rest[:3] not in SECTOR_OF_CAMEO and is_country(rest[:3]):
        head, rest = rest[:3], rest[3:]
    if head in TRANSNATIONAL:
        return None, TRANSNATIONAL[head]
    if head in SECTORS:  # a sector without a country: [ELI] for a former UN Secretary-General
        return None, SECTOR_OF_CAMEO.get(head, head)
    if head in REGIONS:
        head = ""
    sector3 = rest[:3] or None
    if sector3 == "GOV" and rest[3:6] in BRANCHES:
        sector3 = rest[3:6]
    sector = SECTOR_OF_CAMEO.get(sector3, sector3) if sector3 else None
    return head or None, sector


def cameo_sector(sector: str | None) -> str | None:
    """The CAMEO three-letter sector of one of the project's sectors (CIV → CVL, POL → PTY), for codes."""
    if sector is None:
        return None
    back = {"CIV": "CVL", "POL": "PTY"}
    return back.get(sector, sector)
