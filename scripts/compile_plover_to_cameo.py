"""Compile src/newsevents/ontology/plover_to_cameo.csv: the CAMEO→PLOVER crosswalk reversed (build time only).

    python scripts/compile_plover_to_cameo.py /path/to/CAMEO2PLOVER-2021.txt

The source is "CAMEO to PLOVER conversion table", PLOVER manual Draft 0.8 (Philip Schrodt, 17 Sept 2021,
Open Event Data Alliance), CC-BY-SA 4.0; the compiled file is a derived work under the same licence and says
so in its header.  Nothing reads the source at run time.

Reversal: each (PLOVER type, PLOVER mode) gets the most general CAMEO code the table maps to it (shortest,
then lowest), else the most general code whose context column names the mode (COOPERATE economic → 061); a type without a mode gets its "not specified" code (root + "0") of the first CAMEO root that
ontology/plover.yaml lists for it, else its lowest three-digit code.  newsevents' own mode names that the
table spells differently are mapped through MODE_ALIASES.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "src" / "newsevents" / "ontology"
OUT = ONTOLOGY / "plover_to_cameo.csv"

# newsevents mode → the crosswalk's mode of the same type (same act, another name)
MODE_ALIASES = {
    ("PROTEST", "demo-org"): "demo", ("PROTEST", "demo-spon"): "demo", ("PROTEST", "strike-hun"): "hunger",
    ("PROTEST", "riot-spon"): "riot", ("PROTEST", "strike-gen"): "boycott",
    ("COERCE", "detain"): "arrest", ("COERCE", "confiscate"): "seize", ("COERCE", "destroy"): "seize",
    ("COERCE", "censor"): "restrict", ("RETREAT", "resign"): "withdraw", ("RETREAT", "demobilize"): "disarm",
    ("RETREAT", "surrender"): "withdraw", ("RETREAT", "allow-inspection"): "access",
    ("ACCUSE", "indict"): "investigate", ("ACCUSE", "sue"): "allege", ("REQUEST", "demand"): "",
    ("SANCTION", "relations"): "withdraw", ("SANCTION", "aid"): "discontinue", ("SANCTION", "embargo"): "discontinue",
    ("SANCTION", "economic"): "discontinue", ("MOBILIZE", "weapons"): "troops", ("MOBILIZE", "alert"): "troops",
    ("ASSAULT", "aerial"): "heavy-weapons", ("CONSULT", "host"): "visit", ("CONSULT", "meet"): "",
    ("CONSULT", "multilateral"): "",
}  # fmt: skip
# Goldstein-style weight of each CAMEO root on −10 (most conflictual) … +10 (most cooperative): the
# root-level values of Goldstein's (1992) conflict-cooperation scale as used with CAMEO.
ROOT_SCORE = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4, "14": -6.5, "15": -7.2, "16": -4.0, "17": -5.0,
    "18": -9.0, "19": -10.0, "20": -10.0,
}  # fmt: skip
QUAD = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": 3, "material-conflict": 4}
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")
CONTEXT_ALIASES = {"judicial": "legal"}


def main(source: Path) -> None:
    by_type_mode: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_type_context: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in source.read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if m and len(m[1]) >= 3:
            by_type_mode[(m[2], (m[3] or "").strip())].append(m[1])
            for context in (m[4] or "").split(";"):
                if context.strip():
                    by_type_context[(m[2], context.strip())].append(m[1])
    plover = yaml.safe_load((ONTOLOGY / "plover.yaml").read_text(encoding="utf-8"))["types"]
    key = lambda c: (len(c), c)  # noqa: E731 - most general first
    rows = []
    for type_, spec in plover.items():
        codes = sorted({c for (t, _), cs in by_type_mode.items() if t == type_ for c in cs}, key=key)
        roots = [r for r in spec.get("cameo", []) if len(r) == 2]
        default = next((f"{r}0" for r in roots if f"{r}0" in codes), None) or codes[0]
        rows.append((type_, "", default))
        for mode in spec.get("modes", []):
            alias = MODE_ALIASES.get((type_, mode), mode)
            found = sorted(by_type_mode.get((type_, alias), []), key=key) if alias else []
            if not found and alias:  # the table's third column (context) names it: COOPERATE economic -> 061
                context = CONTEXT_ALIASES.get(alias, alias)
                found = sorted(by_type_context.get((type_, context), []), key=key)
            rows.append((type_, mode, found[0] if found else default))
    header = (
        "# PLOVER type/mode -> CAMEO event code: the CAMEO to PLOVER conversion table (PLOVER manual Draft 0.8,\n"
        "# P. Schrodt, 2021, Open Event Data Alliance, CC-BY-SA 4.0) reversed by\n"
        "# scripts/compile_plover_to_cameo.py; this file is CC-BY-SA 4.0 too. goldstein: Goldstein-style\n"
        "# root-level score (-10 conflict .. +10 cooperation); quad_class: GDELT QuadClass from plover.yaml.\n"
    )
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            [
                "plover_type",
                "plover_mode",
                "cameo_code",
                "cameo_base",
                "cameo_root",
                "quad_class",
                "goldstein",
            ]
        )
        for type_, mode, code in rows:
            quad = QUAD[plover[type_]["quad"]]
            w.writerow([type_, mode, code, code[:3], code[:2], quad, ROOT_SCORE[code[:2]]])
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
