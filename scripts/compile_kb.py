"""Compile the Phoenix/PETRARCH actor and agent dictionaries, plus the curated post-2016 entries, into the
package's knowledge base:

    python3 scripts/compile_kb.py [--sources DIR]

reads ``DIR/petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt`` and ``Phoenix.agents.txt``
(default DIR: ``../shared/kb-sources`` next to the repository) and ``scripts/kb_sources/*.yaml`` (curated
entries, each with a source note), and writes

* ``src/newsevents/kb/actors.tsv.gz``: one line per entry: ``kb_id, kind, name, aliases, codes, source, keys``
  (aliases ``|``-separated; codes ``CODE:FROM:TO:NOTE`` joined by ``;``, dates ``YYYY-MM-DD`` or empty; keys: the
  normalized name of each name where it is not the name in lower case, so that loading does no text
  processing);
* ``src/newsevents/kb/agents.tsv.gz``: ``phrase, code, placement`` (``after``: IRQ + COP; ``before``: NGO + IRQ).

The dictionaries are MIT-licensed (Open Event Data Alliance; see ``kb/NOTICE``); nothing reads them at run
time.  Entries with the same primary name (and kind) are merged; a curated person is merged into the Phoenix
entry that has its name or one of its aliases, so that one person keeps one ``kb_id``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.kb import countries, kb_id_of, normalize  # noqa: E402
from newsevents.kb.phoenix import CodeRange, PhoenixEntry, parse_actors, parse_agents, split_code  # noqa: E402

OUT = ROOT / "src" / "newsevents" / "kb"
CURATED = ROOT / "scripts" / "kb_sources"
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
# Words that mark a name as an organisation or body rather than a person.
ORG_WORDS = frozenset(
    {
    "ministry", "ministers", "council", "party", "army", "forces", "force", "police", "front", "movement",
    "organization", "organisation", "union", "committee", "assembly", "parliament", "government", "court",
    "bank", "agency", "office", "department", "commission", "league", "association", "federation",
    "institute", "group", "brigade", "brigades", "company", "corporation", "corp", "inc", "ltd", "airlines",
    "university", "congress", "senate", "guard", "guards", "service", "services", "authority", "board",
    "fund", "network", "alliance"
    }
)  # fmt: skip
SMALL = frozenset({"of", "the", "and", "for", "in", "al", "bin", "de", "la", "el", "da", "van", "von", "du"})


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # Phoenix.Countries.actors.txt has a few Latin-1 bytes
        return raw.decode("latin-1")


def display_name(phrase: str) -> str:
    """``SERGEY_LAVROV`` → ``Sergey Lavrov``; acronyms (``U.N.``, ``NATO``) and particles handled."""
    words = []
    for k, w in enumerate(phrase.split()):
        lw = w.lower()
        if "." in w or (len(w) <= 4 and not any(c in "AEIOU" for c in w)) or w in ("NATO", "OPEC", "UNICEF"):
            words.append(w)
        elif k > 0 and lw in SMALL:
            words.append(lw)
        else:
            parts = [p[:1].upper() + p[1:] for p in lw.split("-")]
            parts = [p[:2] + p[2:3].upper() + p[3:] if p.startswith(("Mc", "O'")) else p for p in parts]
            words.append("-".join(parts))
    return " ".join(words)


def guess_kind(e: PhoenixEntry, forenames: set[str]) -> str:
    """PERSON, ORG or GPE: Phoenix does not say; CountryInfo leaders, date-ranged codes and forenames do."""
    if all(len(c.code) == 3 for c in e.codes) and all(split_code(c.code)[0] for c in e.codes):
        return "GPE"  # a bare country code: the country itself, its cities and regions
    words = [w.lower().strip(".,()") for w in e.names[0].split()]
    if any(w in ORG_WORDS for w in words):
        return "ORG"
    if "CountryInfo" in e.comment or any(not c.default for c in e.codes):
        return "PERSON"
    if words and words[0] in forenames and len(words) <= 4:
        return "PERSON"
    return "ORG"


def _forenames() -> set[str]:
    text = (OUT / "forenames.csv").read_text(encoding="utf-8")
    return {ln.split(",")[0].strip().lower() for ln in text.splitlines() if ln and not ln.startswith("#")}


class Builder:
    """Entries merged by (kind, normalized primary name), in file order."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], dict] = {}
        self.alias_owner: dict[str, tuple[str, str]] = {}

    def add(self, kind: str, name: str, aliases: list[str], codes: list[CodeRange], source: str) -> None:
        key = (kind, normalize(name))
        e = self.entries.setdefault(
            key, {"kind": kind, "name": name, "aliases": [], "codes": [], "source": source}
        )
        for a in [name, *aliases]:
            if normalize(a) != key[1] and a not in e["aliases"]:
                e["aliases"].append(a)
            self.alias_owner.setdefault(normalize(a), key)
        e["codes"].extend(c for c in codes if c not in e["codes"])

    def add_curated(self, item: dict, source_file: str) -> None:
        kind = item.get("kind", "PERSON")
        aliases = [str(a) for a in item.get("aliases") or ()]
        target = None
        for n in [item["name"], *aliases]:
            owner = self.alias_owner.get(normalize(n))
            if owner is not None and owner[0] == kind:
                target = owner
                break
        code = item.get("code") or f"{item.get('country') or ''}{item.get('sector') or ''}"
        note = str(item.get("role") or "").replace(":", " ").replace(";", ",")
        src = f"{source_file}: {item.get('source', '')}".strip()
        cr = CodeRange(code, _iso(item.get("from")), _iso(item.get("to")), note)
        if target is not None:
            e = self.entries[target]
            if normalize(e["name"]) != normalize(item["name"]) and e["name"] not in e["aliases"]:
                e["aliases"].append(e["name"])  # the dictionary's spelling stays a name of the entry
            e["name"] = item["name"]  # the curated spelling reads better than the upper-case dictionary one
            # later rows of this person may give only the curated name ("Delcy Rodríguez" after a row whose
            # alias "Delcy Rodriguez" found the dictionary entry): they must find this entry too
            self.alias_owner.setdefault(normalize(item["name"]), target)
            for a in aliases:
                if a not in e["aliases"]:
                    e["aliases"].append(a)
                    self.alias_owner.setdefault(normalize(a), target)
            same = [k for k, c in enumerate(e["codes"]) if (c.code, c.valid_from) == (cr.code, cr.valid_from)]
            if same:  # the dictionary has this role already: keep one, with the curated dates and title
                e["codes"][same[0]] = cr
            else:
                e["codes"].append(cr)
            e["source"] = f"{e['source']}; {src}"
        else:
            self.add(kind, item["name"], aliases, [cr], src)


def _iso(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _fmt(c: CodeRange) -> str:
    return ":".join(
        (c.code, c.valid_from or "", c.valid_to or "", c.note.replace(":", " ").replace(";", ","))
    )


def compile_kb(sources: Path) -> tuple[Builder, list, list[str]]:
    index = countries()
    forenames = _forenames()
    b = Builder()
    errors: list[str] = []
    for fname in ACTOR_FILES:
        errs: list[str] = []
        for e in parse_actors(read_text(sources / "petrarch2" / fname).splitlines(), errs):
            codes = [c for c in e.codes if c.code and c.code != "---"]
            if not codes:
                continue
            kind = guess_kind(e, forenames)
            names = [display_name(n) for n in e.names]
            b.add(kind, names[0], names[1:], codes, f"phoenix:{fname.split('.')[1]}")
        errors += [f"{fname}: {x}" for x in errs]
    for path in sorted(CURATED.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            b.add_curated(item, path.name)
    errs = []
    agents = list(parse_agents(read_text(sources / "petrarch2" / "Phoenix.agents.txt").splitlines(), errs))
    errors += [f"Phoenix.agents.txt: {x}" for x in errs]
    unknown = {
        c.code[:3]
        for e in b.entries.values()
        for c in e["codes"]
        if (iso := split_code(c.code, lambda x: x in index.by_iso3)[0]) and iso not in index.by_iso3
    }
    if unknown:
        errors.append(f"country codes not in countries.csv (kept as written): {' '.join(sorted(unknown))}")
    return b, agents, errors


def write(b: Builder, agents: list) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["kb_id", "kind", "name", "aliases", "codes", "source", "keys"])
    seen: set[str] = set()
    for e in b.entries.values():
        kb_id = kb_id_of(e["kind"], e["name"])
        if kb_id in seen:
            continue
        seen.add(kb_id)
        # the normalized key of each name, left empty where it is just the name in lower case (most are)
        keys = "|".join("" if normalize(n) == n.lower() else normalize(n) for n in [e["name"], *e["aliases"]])
        row = [
            kb_id,
            e["kind"],
            e["name"],
            "|".join(e["aliases"]),
            ";".join(map(_fmt, e["codes"])),
            e["source"],
            keys,
        ]
        w.writerow(row)
    (OUT / "actors.tsv.gz").write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), 9, mtime=0))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(["phrase", "code", "placement"])
    for a in dict.fromkeys(
        (a.phrase.lower(), a.code, "after" if a.after_country else "before") for a in agents
    ):
        w.writerow(a)
    (OUT / "agents.tsv.gz").write_bytes(gzip.compress(buf.getvalue().encode("utf-8"), 9, mtime=0))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "kb-sources")
    args = ap.parse_args()
    b, agents, errors = compile_kb(args.sources)
    write(b, agents)
    for e in errors:
        print("warning:", e, file=sys.stderr)
    print(f"{len(b.entries)} entries, {len(agents)} agent forms -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
