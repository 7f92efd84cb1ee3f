#!/usr/bin/env python3
"""Screenshots of the web page for the docs: the seed article's view (docs/img/article-view.png) and the
events view (docs/img/events-view.png).

Runs the seed article through the pipeline into a throw-away store, serves it on a free localhost port and
photographs the page in headless Chromium. Usage: python3 scripts/screenshot.py [--seed PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=ROOT.parent / "shared" / "examples" / "seed-article.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()

    import newsevents
    from newsevents.server import create_app
    from newsevents.server.browser import BackgroundServer, ChromiumDriver, chromium_available
    from newsevents.store import Store

    if not chromium_available():
        print("needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/setup.sh)", file=sys.stderr)
        return 2
    if not args.seed.exists():
        print(f"no seed article at {args.seed}", file=sys.stderr)
        return 2
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    result = newsevents.extract(args.seed.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.duckdb"
        with Store(db) as store:
            store.add_results([result])
        app = create_app(str(db))
        with BackgroundServer(app) as url, ChromiumDriver(1400, 1050) as driver:
            shots = {
                "article-view.png": (f"#/article/{result.article.id}", ".article-view .article-text", 1050),
                "events-view.png": ("#/events", "#event-table", 1250),
            }
            for name, (fragment, ready, height) in shots.items():
                driver.set_window_size(1400, height)
                driver.get(f"{url}/{fragment}")
                WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready)))
                time.sleep(0.3)  # let web fonts and layout settle before the picture
                driver.save_screenshot(str(args.out / name))
                print(args.out / name)
        app.state.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
