#!/usr/bin/env python3
"""Screenshots of the web page for docs/server.md, from headless Chromium:

* article-view.png — the seed article (through the real pipeline);
* events-view.png, timeline.png, network.png, map.png — the events view over the seed article plus a
  SYNTHETIC demo desk (made-up events between real countries, dated in bursts between 1991 and 2024 so the
  time axis has gaps, 36 actors so the network shows its top-30 cut);
* actor-page.png — one demo country's page (needs GET /api/actors/{kb_id}; skipped when the server lacks it).

The demo records are built with the tests' hand-built record builder (tests/test_server_records.py); no
real article text is used. Usage: python3 scripts/screenshot.py [--seed PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# name, ISO3, capital, lat, lon (capitals: public-domain geography)
COUNTRIES = [
    ("United States", "USA", "Washington", 38.9, -77.04), ("China", "CHN", "Beijing", 39.9, 116.4),
    ("Russia", "RUS", "Moscow", 55.76, 37.62), ("Germany", "DEU", "Berlin", 52.52, 13.41),
    ("France", "FRA", "Paris", 48.86, 2.35), ("United Kingdom", "GBR", "London", 51.51, -0.13),
    ("Japan", "JPN", "Tokyo", 35.68, 139.69), ("India", "IND", "New Delhi", 28.61, 77.21),
    ("Brazil", "BRA", "Brasilia", -15.79, -47.88), ("Iran", "IRN", "Tehran", 35.69, 51.39),
    ("Turkey", "TUR", "Ankara", 39.93, 32.86), ("Egypt", "EGY", "Cairo", 30.04, 31.24),
    ("Nigeria", "NGA", "Abuja", 9.08, 7.4), ("Kenya", "KEN", "Nairobi", -1.29, 36.82),
    ("South Africa", "ZAF", "Pretoria", -25.75, 28.19), ("Ukraine", "UKR", "Kyiv", 50.45, 30.52),
    ("Poland", "POL", "Warsaw", 52.23, 21.01), ("Israel", "ISR", "Jerusalem", 31.77, 35.21),
    ("Saudi Arabia", "SAU", "Riyadh", 24.71, 46.68), ("Qatar", "QAT", "Doha", 25.29, 51.53),
    ("Pakistan", "PAK", "Islamabad", 33.68, 73.05), ("Indonesia", "IDN", "Jakarta", -6.2, 106.85),
    ("Australia", "AUS", "Canberra", -35.28, 149.13), ("Mexico", "MEX", "Mexico City", 19.43, -99.13),
    ("Canada", "CAN", "Ottawa", 45.42, -75.7), ("Argentina", "ARG", "Buenos Aires", -34.6, -58.38),
    ("Ethiopia", "ETH", "Addis Ababa", 9.03, 38.74), ("Sudan", "SDN", "Khartoum", 15.5, 32.56),
    ("Venezuela", "VEN", "Caracas", 10.48, -66.9), ("Colombia", "COL", "Bogota", 4.71, -74.07),
    ("South Korea", "KOR", "Seoul", 37.57, 126.98), ("North Korea", "PRK", "Pyongyang", 39.04, 125.76),
    ("Vietnam", "VNM", "Hanoi", 21.03, 105.85), ("Belgium", "BEL", "Brussels", 50.85, 4.35),
    ("Netherlands", "NLD", "The Hague", 52.08, 4.3), ("Switzerland", "CHE", "Bern", 46.95, 7.45),
]  # fmt: skip
VERBS = [("CONSULT", "met"), ("CONSULT", "hosted"), ("AGREE", "signed a deal with"), ("COOPERATE", "worked with"),
         ("AID", "sent aid to"), ("REQUEST", "asked"), ("ACCUSE", "accused"), ("REJECT", "rejected"),
         ("THREATEN", "threatened"), ("SANCTION", "sanctioned"), ("PROTEST", "protested to"),
         ("SUPPORT", "backed")]  # fmt: skip
SAYINGS = [
    "We will keep talking until there is an agreement",
    "Our position has not changed",
    "This decision was taken without consulting us",
    "The talks were useful and frank",
]  # made up
BURSTS = [(1991, 1995), (2003, 2008), (2014, 2024)]  # nothing in between: the gaps a true time axis shows


def demo_results() -> list[Any]:
    """Synthetic articles: 36 of them, 7 events and a quote each, between countries weighted so a few are hubs."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_server_records import Draft

    rng = random.Random(7)
    weights = [1 / (k + 1) ** 0.8 for k in range(len(COUNTRIES))]
    results = []
    for n in range(36):
        lo, hi = rng.choice(BURSTS)
        year = rng.randint(lo, hi)
        sentences, events, actors = [], [], {}
        for _ in range(7):
            a, b = rng.choices(COUNTRIES, weights, k=2)
            if a == b:
                continue
            kind, verb = rng.choice(VERBS)
            where = rng.choice((a, b))
            sentence = f"{a[0]} {verb} {b[0]} in {where[2]}"
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            sentences.append(f"On {date}, {sentence}.")
            events.append({"type": kind, "actor": a[0], "recipient": b[0], "trigger": verb, "evidence": sentence,
                           "date": date, "place": (where[2], where[1], where[3], where[4])})  # fmt: skip
            actors[a[0]] = (a[0], "GPE", a[1], [a[0]])
            actors[b[0]] = (b[0], "GPE", b[1], [b[0]])
        speaker = rng.choice(sorted(actors))
        saying = rng.choice(SAYINGS)
        sentences.append(f'"{saying}," {speaker} said.')
        text = "\n\n".join(sentences)
        draft = Draft(text, f"{year}-12-31", f"Demo dispatch {n + 1}", "Demo desk (synthetic)",
                      actors=list(actors.values()), events=events,
                      quotes=[(speaker, "said", saying, "direct")])  # fmt: skip
        results.append(with_country_kb_ids(draft.build()))
    return results


def with_country_kb_ids(result: Any) -> Any:
    """Demo kb_ids ("demo:ISO3") on countries, standing in for the knowledge-base linker."""
    iso = {c[0]: c[1] for c in COUNTRIES}

    def part(p: Any) -> Any:
        return replace(p, kb_id=f"demo:{iso[p.name]}") if p is not None and p.name in iso else p

    actors = tuple(
        replace(a, kb_id=f"demo:{iso[a.name]}", kb_name=a.name) if a.name in iso else a for a in result.actors
    )
    events = tuple(replace(e, actor=part(e.actor), recipient=part(e.recipient)) for e in result.events)
    quotes = tuple(replace(q, speaker=part(q.speaker)) if q.speaker else q for q in result.quotes)
    return replace(result, actors=actors, events=events, quotes=quotes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=ROOT.parent / "shared" / "examples" / "seed-article.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()

    import newsevents
    from newsevents.server.browser import ChromiumDriver, chromium_available, served_results

    if not chromium_available():
        print("needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/setup.sh)", file=sys.stderr)
        return 2
    if not args.seed.exists():
        print(f"no seed article at {args.seed}", file=sys.stderr)
        return 2
    from selenium.webdriver.support.ui import WebDriverWait

    result = newsevents.extract(args.seed.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.duckdb"
        with served_results(db, [result, *demo_results()]) as url, ChromiumDriver(1400, 1050) as driver:
            ready_events = ("const n = document.getElementById('network-cy'); return n && n.cy &&"
                            " document.querySelectorAll('#timeline-svg rect.bar').length &&"
                            " document.querySelectorAll('#map-leaflet .leaflet-marker-icon').length")  # fmt: skip
            shots = [
                ("article-view.png", f"#/article/{result.article.id}", "return document.querySelector('.article-view .article-text')", 1050, None),
                ("events-view.png", "#/events", ready_events, 1500, None),
                ("timeline.png", "#/events", ready_events, 1500, "timeline"),
                ("network.png", "#/events", ready_events, 1500, "network"),
                ("map.png", "#/events", ready_events, 1500, "map"),
                ("actor-page.png", "#/actor/demo:CHN",
                 "return document.querySelectorAll('#actor-timeline-svg rect.bar').length", 1400, None),
            ]  # fmt: skip
            for name, fragment, ready, height, element in shots:
                driver.set_window_size(1400, height)
                driver.get("about:blank")
                driver.get(f"{url}/{fragment}")
                WebDriverWait(driver, 30).until(lambda d, ready=ready: d.execute_script(ready))
                time.sleep(0.5)  # let fonts, the map's markers and layout settle before the picture
                if element:
                    driver.find_element("id", element).screenshot(str(args.out / name))
                else:
                    driver.save_screenshot(str(args.out / name))
                print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
