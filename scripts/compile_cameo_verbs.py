"""Compile the CAMEO verb dictionary (PETRARCH2 ``CAMEO.2.0.txt``) through the official CAMEO -> PLOVER
table (``CAMEO2PLOVER-2021.txt``) into ``src/newsevents/ontology/cameo_verbs.json``.

Run at build time, never at run time (the package must not read ``../shared``)::

    python scripts/compile_cameo_verbs.py [--kb ../shared/kb-sources] [--out src/newsevents/ontology/cameo_verbs.json]

Format of the source (PETRARCH2 ``dictionaries.rst``): ``&CLASS`` blocks of ``+WORD`` lines (word classes),
then verb blocks ``--- NAME [code] ---`` holding verb lines (``EXPEL {EXPELS EXPELLING EXPELLED}``,
``+BOOT_OUT``, an optional own ``[code]``) and pattern lines
``- [subject words] * [particle] [object words] [(PREP WORDS) ...] [code] # origin verb(s)``,
where ``{...}`` groups a phrase whose last word is its head and ``$ + % ^`` mark actor slots.

What is kept (precision first; see docs/ontology.md):

* a pattern's code maps to a PLOVER type and mode through the table (a 4-digit code missing from the table
  falls back to its 3-digit parent); codes the table does not map (01x statements, 02x appeals, ``---``)
  are dropped, and so is a code that only codes the reverse direction (``[:173]``);
* each pattern records the verbs its comment names (``origin``): the synonym sets come from WordNet and are
  loose ("REMEMBER" sits with "RECALL"), so the matcher can keep a pattern to the verb it was written for;
* patterns of one block that say the same thing after singularising (``DIPLOMAT`` / ``DIPLOMATS``) keep
  the first one, as PETRARCH does;
* a verb's bare code (its own or its block's) is kept as ``bare`` for the verb, also mapped through the table.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_KB = ROOT.parent / "shared" / "kb-sources"
DEFAULT_OUT = ROOT / "src" / "newsevents" / "ontology" / "cameo_verbs.json"
DEFAULT_ADDITIONS = Path(__file__).resolve().parent / "cameo_additions.txt"

# Words that, right after ``*`` and outside a phrase, are verb particles ("* OFF DEAL", "* UP FORCES").
PARTICLES = {
    "up", "down", "out", "off", "back", "away", "over", "aside", "forward", "along", "apart", "around",
    "ahead", "together", "through", "in", "on", "short",
}  # fmt: skip
PREPOSITIONS = {
    "for", "at", "by", "upon", "with", "to", "from", "into", "against", "of", "about", "on", "in", "after",
    "behind", "toward", "towards", "under", "over", "onto", "across", "between", "before",
}  # fmt: skip
ACTOR_MARKS = {"$", "+", "%", "^", "_"}

CODE_RE = re.compile(r"\[([^\]]*)\]")
TABLE_RE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?(.*)$")


def read_table(path: Path) -> dict[str, dict[str, str]]:
    """CAMEO code -> {type, mode, context, label} from the PLOVER conversion table."""
    out: dict[str, dict[str, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        m = TABLE_RE.match(line.strip())
        if not m:
            continue
        code, type_, mode, context, label = (g.strip() for g in m.groups())
        out.setdefault(
            code, {"type": type_, "mode": mode, "context": context.replace(" ", ""), "label": label}
        )
    return out


def plover(code: str, table: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """Map one CAMEO code; a sub-code missing from the table takes its parent's row."""
    code = code.strip().rstrip("!")
    if not code.isdigit() or len(code) < 3:
        return None
    for c in (code, code[:3]):
        if c in table:
            return table[c]
    return None


def first_code(raw: str) -> str | None:
    """``[042:043]`` -> ``042`` (the code for the subject acting on the object); ``[:173]`` codes only the
    reverse direction and ``[---]`` nothing: None."""
    left = raw.split(":")[0].strip()
    if not left or left.startswith("-"):
        return None
    return left


def norm_word(w: str) -> str:
    return w.strip().strip("_").replace("_", " ").lower()


def singular(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def read_classes(lines: list[str]) -> dict[str, list[str]]:
    """``&CLASS`` -> member phrases (lower case, spaces between words)."""
    classes: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.split("#")[0].strip()
        if line.startswith("&"):
            current = line[1:].rstrip("_").upper()
            classes[current] = []
        elif line.startswith("+") and current:
            classes[current].append(norm_word(line[1:]))
        elif not line:
            continue
        else:
            current = None
    return {k: sorted(set(v)) for k, v in classes.items()}


def tokenize(body: str) -> list[str]:
    """Split a pattern body into words, ``{phrase}``, ``(prep phrase)`` and ``*``."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\*|[^\s{}()*]+", body)


def term(words: list[str]) -> list[str]:
    """A phrase as a list of elements, head last; actor marks dropped."""
    return [w if w.startswith("&") else norm_word(w) for w in words if w not in ACTOR_MARKS and w.strip("_")]


def parse_pattern(body: str) -> dict[str, Any] | None:
    """``- GUNMEN * &HOSTAGE (FROM X)`` -> subject / particle / object / preps; None when unreadable."""
    parts = tokenize(body)
    if "*" not in parts:
        return None
    star = parts.index("*")
    before, after = parts[:star], parts[star + 1 :]
    pat: dict[str, Any] = {}
    subj = [w for p in before if not p.startswith("(") for w in p.strip("{}").split()]
    if subj and term(subj):
        pat["subject"] = term(subj)
    bare: list[str] = []
    preps: list[list[Any]] = []
    obj: list[str] | None = None
    for p in after:
        if p.startswith("("):
            words = p[1:-1].replace("{", " ").replace("}", " ").split()
            words = [w for w in words if w not in ACTOR_MARKS]
            if not words:
                continue
            prep = norm_word(words[0])
            noun = term(words[1:])
            preps.append([prep, noun or None])
        elif p.startswith("{"):
            obj = term(p[1:-1].split())
        elif p not in ACTOR_MARKS:
            bare.append(p)
    if (
        bare
        and norm_word(bare[0]) in PARTICLES
        and (len(bare) > 1 or obj is not None or preps)
        or len(bare) == 1
        and norm_word(bare[0]) in PARTICLES
        and obj is None
    ):
        pat["particle"] = norm_word(bare.pop(0))
    if bare and obj is None:
        # unbraced "* MASSIVE LOSSES": a legacy phrase, head last; "* FROM &DETENTION": a preposition
        if len(bare) > 1 and norm_word(bare[0]) in PREPOSITIONS:
            preps.insert(0, [norm_word(bare[0]), term(bare[1:])])
        else:
            obj = term(bare)
    if obj:
        pat["object"] = obj
    if preps:
        pat["preps"] = preps
    return pat or None


def parse_verb(line: str) -> list[dict[str, Any]]:
    """``+BOOT_OUT``, ``EXPEL {EXPELS ...} [174]``, ``WIRE_+TAP`` -> one entry with lemma, extra words, code."""
    code_m = CODE_RE.search(line)
    code = code_m.group(1) if code_m else None
    main = CODE_RE.sub("", line).split("{")[0].split()
    if not main:
        return []
    word = main[0]
    entry: dict[str, Any] = {}
    if "_" in word:
        pieces = [p for p in word.split("_") if p]
        k = next((j for j, p in enumerate(pieces) if p.startswith("+")), 0)
        entry["lemma"] = pieces[k].lstrip("+").lower()
        if pieces[:k]:
            entry["before"] = [p.lower() for p in pieces[:k]]
        rest = [p.lower() for p in pieces[k + 1 :]]
        if rest and rest[0] in PARTICLES:
            entry["particle"] = rest.pop(0)
        if rest and rest[0] in PREPOSITIONS:
            entry["prep"] = rest.pop(0)
        if rest:
            entry["after"] = rest
    else:
        entry["lemma"] = word.lstrip("+").lower()
    if code is not None:
        entry["code"] = code
    forms = re.search(r"\{([^}]*)\}", line)
    if forms:
        entry["forms"] = sorted({f.lstrip("+").split("_")[0].lower() for f in forms.group(1).split()})
    return [entry]


def origin_verbs(comment: str, verbs: list[dict[str, Any]]) -> list[str]:
    """The comment's verbs ("# REESTABLISH , RESTORE", "# THREW") as lemmas of this block."""
    by_form: dict[str, str] = {}
    for v in verbs:
        by_form[v["lemma"]] = v["lemma"]
        for f in v.get("forms", ()):
            by_form[f] = v["lemma"]
    out = []
    for raw in re.split(r"[,\s]+", comment.strip()):
        w = raw.lstrip("+").split("_")[0].lower()
        if not w.isalpha():
            continue
        for cand in (w, w[:-1], w[:-2], w[:-3], w[:-3] + "e", w[:-3] + "y", w[:-2] + "e"):
            if cand in by_form:
                out.append(by_form[cand])
                break
    return sorted(set(out))


def signature(pat: dict[str, Any]) -> str:
    def norm(x: Any) -> Any:
        if isinstance(x, list):
            return [norm(y) for y in x]
        return singular(x) if isinstance(x, str) and not x.startswith("&") else x

    return json.dumps({k: norm(v) for k, v in pat.items()}, sort_keys=True)


def compile_dictionary(verb_text: str, table: dict[str, dict[str, str]]) -> dict[str, Any]:
    lines = verb_text.splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    classes = read_classes(lines[:start])
    blocks: list[dict[str, Any]] = []
    stats = {"blocks": 0, "verbs": 0, "patterns": 0, "kept": 0, "unmapped": 0, "reverse": 0, "null": 0,
             "duplicate": 0, "unreadable": 0, "bare_kept": 0}  # fmt: skip
    block: dict[str, Any] | None = None
    for raw in lines[start + 1 : end]:
        line = raw.rstrip()
        if line.startswith("---"):
            m = re.match(r"---\s*(.*?)\s*\[([^\]]*)\]", line)
            name = m.group(1).strip() if m else line.strip("- ")
            block = {"name": name, "code": m.group(2).strip() if m else "---", "verbs": [], "patterns": []}
            blocks.append(block)
            stats["blocks"] += 1
            continue
        if block is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("-"):
            stats["patterns"] += 1
            body, _, comment = line[1:].partition("#")
            code_m = list(CODE_RE.finditer(body))
            if not code_m:
                stats["unreadable"] += 1
                continue
            code_raw = code_m[-1].group(1)
            pat = parse_pattern(body[: code_m[-1].start()])
            if pat is None:
                stats["unreadable"] += 1
                continue
            code = first_code(code_raw)
            if code is None:
                stats["reverse" if code_raw.startswith(":") else "null"] += 1
                continue
            row = plover(code, table)
            if row is None:
                stats["unmapped"] += 1
                continue
            pat["origin"] = origin_verbs(comment, block["verbs"])
            pat.update(code=code, type=row["type"], mode=row["mode"])
            block["patterns"].append(pat)
        else:
            for v in parse_verb(line.split("#")[0]):
                block["verbs"].append(v)
                stats["verbs"] += 1
    out_blocks = []
    for b in blocks:
        seen: set[str] = set()
        pats = []
        for p in b["patterns"]:
            sig = signature({k: v for k, v in p.items() if k not in ("code", "type", "mode", "origin")})
            if sig in seen:
                stats["duplicate"] += 1
                continue
            seen.add(sig)
            pats.append(p)
        for k, p in enumerate(pats):
            p["id"] = f"{b['name'].split()[0].lower()}-{k + 1}"
        verbs = []
        for v in b["verbs"]:
            code = first_code(v.pop("code", None) or b["code"] or "---")
            row = plover(code, table) if code else None
            if row is not None:
                v["bare"] = {"code": code, "type": row["type"], "mode": row["mode"]}
                stats["bare_kept"] += 1
            v.pop("forms", None)
            verbs.append(v)
        stats["kept"] += len(pats)
        if pats or any("bare" in v for v in verbs):
            out_blocks.append({"name": b["name"], "verbs": verbs, "patterns": pats})
    return {"classes": classes, "blocks": out_blocks, "stats": stats}


ATTRIBUTION = {
    "verbs": {
        "source": "CAMEO.2.0.txt, openeventdata/petrarch2 @ 676801cd",
        "licence": "MIT",
        "copyright": "Copyright (c) 2015 Open Event Data Alliance",
        "notice": (
            "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
            'associated documentation files (the "Software"), to deal in the Software without restriction, '
            "including without limitation the rights to use, copy, modify, merge, publish, distribute, "
            "sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is "
            "furnished to do so, subject to the following conditions: The above copyright notice and this "
            "permission notice shall be included in all copies or substantial portions of the Software. "
            'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.'
        ),
    },
    "table": {
        "source": "CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, ed. Philip Schrodt), openeventdata/PLOVER @ 5e0c24fb",
        "licence": "CC-BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)",
        "note": "The type and mode columns of this file are adapted from that table and are shared under the same licence.",
    },
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=Path, default=DEFAULT_KB)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--additions", type=Path, default=DEFAULT_ADDITIONS, help="the project's own patterns")
    args = ap.parse_args()
    table = read_table(args.kb / "plover" / "CAMEO2PLOVER-2021.txt")
    data = compile_dictionary((args.kb / "petrarch2" / "CAMEO.2.0.txt").read_text("utf-8"), table)
    extra = compile_dictionary(args.additions.read_text("utf-8"), table)
    data["classes"].update(extra["classes"])
    data["blocks"] += extra["blocks"]
    data["stats"]["additions"] = extra["stats"]["kept"]
    data = {"attribution": ATTRIBUTION, **data}
    # one block per line: small diffs when the dictionary or the compiler changes
    body = ",\n".join(json.dumps(b, sort_keys=True, separators=(",", ":")) for b in data["blocks"])
    head = {k: v for k, v in data.items() if k != "blocks"}
    text = json.dumps(head, sort_keys=True, indent=1)[:-2] + ',\n "blocks": [\n' + body + "\n ]\n}\n"
    json.loads(text)  # the hand-assembled layout must still be valid JSON
    args.out.write_text(text, "utf-8")
    print(json.dumps(data["stats"]), f"-> {args.out}")


if __name__ == "__main__":
    main()
