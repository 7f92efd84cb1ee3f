"""End-to-end: the web page in headless Chromium (Selenium) against a live server on localhost.

The store holds the seed article (through the real pipeline) and hand-built articles, one of them full of
script-injection payloads. What the page shows is compared with what the API returns for the same article.
Skips when Debian's chromium / chromium-driver are not installed (``scripts/setup.sh`` installs them).
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.server.app import VENDOR
from newsevents.server.browser import ChromiumDriver, chromium_available, served_results
from test_server_records import AID_TEXT, PROTEST_TEXT, XSS_PAYLOADS, XSS_TEXT, sample_results

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="needs /usr/bin/chromium and /usr/bin/chromedriver"),
]

WAIT_S = 30


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed_raw: str) -> Iterator[str]:
    import newsevents

    path = tmp_path_factory.mktemp("browser") / "store.duckdb"
    with served_results(path, [newsevents.extract(seed_raw), *sample_results()]) as url:
        yield url


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with ChromiumDriver() as d:
        yield d


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def api(server: str, path: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(server + path, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def article_id_of(server: str, text: str) -> str:
    for a in api(server, "/api/articles?limit=500")["items"]:
        if api(server, f"/api/articles/{a['id']}")["article"]["text"] == text:
            return str(a["id"])
    raise AssertionError("article not stored")


def visit(driver: Any, url: str, ready_css: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")  # a fresh page load each time, so no state leaks between views
    driver.get(url)
    WebDriverWait(driver, WAIT_S).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready_css)))


def dom_quotes(driver: Any, root: str = "") -> tuple[set[str], list[str]]:
    """(quote ids highlighted in the text, speaker names listed in the quote panel, in order)."""
    ids = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].flatMap(n => n.dataset.quoteIds.split(' '))",
        f"{root} .article-text .hl-quote[data-quote-ids]",
    )
    speakers = [n.text for n in driver.find_elements("css selector", f"{root} #quote-list li .speaker")]
    return set(ids), speakers


def api_speakers(result: dict[str, Any]) -> list[str]:
    return [q["speaker"]["name"] if q["speaker"] else "(no speaker)" for q in result["quotes"]]


def test_browser_article_view_matches_api(server: str, driver: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    aid = article_id_of(server, AID_TEXT)
    result = api(server, f"/api/articles/{aid}")
    visit(driver, f"{server}/#/article/{aid}", ".article-view .article-text")
    ids, speakers = dom_quotes(driver)
    assert ids == {q["id"] for q in result["quotes"]}
    assert speakers == api_speakers(result)
    event_ids = driver.execute_script(
        "return [...document.querySelectorAll('.hl-trigger[data-event-ids]')].flatMap(n => n.dataset.eventIds.split(' '))"
    )
    assert set(event_ids) == {e["id"] for e in result["events"]}
    assert driver.find_element("css selector", ".article-text").text.replace("\n", "") == AID_TEXT.replace(
        "\n", ""
    )
    quote_piece = driver.find_element("css selector", ".article-text .hl-quote")
    ActionChains(driver).move_to_element(quote_piece).perform()
    tooltip = driver.find_element("id", "tooltip")
    assert tooltip.is_displayed() and "speaker: Olaf Brandt, resolved by name" in tooltip.text
    trigger = driver.find_element("css selector", ".article-text .hl-trigger")
    ActionChains(driver).move_to_element(trigger).perform()
    assert "event: AID" in tooltip.text and "place: Berlin, DEU" in tooltip.text


def test_browser_seed_article_statements_and_speakers(
    server: str, driver: Any, seed_raw: str, shots: Path
) -> None:
    import newsevents

    seed_id = newsevents.extract(seed_raw).article.id
    result = api(server, f"/api/articles/{seed_id}")
    visit(driver, f"{server}/#/article/{seed_id}", ".article-view .article-text")
    driver.save_screenshot(str(shots / "seed-article.png"))
    ids, speakers = dom_quotes(driver)
    assert ids == {q["id"] for q in result["quotes"]}  # every quote the API has is highlighted
    assert speakers == api_speakers(result)
    # The seed article's 12 statements are by Qalibaf and Khalil al-Hayya (gold/seed.jsonl).
    assert len(ids) == 12
    assert all("Qalibaf" in s or "Hayya" in s for s in speakers), speakers
    assert {("Qalibaf" in s) for s in speakers} == {True, False}


def test_browser_try_it_highlights_a_pasted_article(server: str, driver: Any, shots: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    visit(driver, f"{server}/#/try", "#try-form")
    driver.find_element("id", "try-text").send_keys(PROTEST_TEXT)
    driver.find_element("id", "try-date").send_keys("2023-03-20")
    driver.find_element("id", "try-submit").click()
    WebDriverWait(driver, WAIT_S).until(
        lambda d: d.find_elements("css selector", "#try-result .article-view")
    )
    driver.save_screenshot(str(shots / "try-it.png"))
    expected = api(server, "/api/extract", {"text": PROTEST_TEXT, "date": "2023-03-20"})
    ids, speakers = dom_quotes(driver, "#try-result")
    assert ids == {q["id"] for q in expected["quotes"]} and speakers == api_speakers(expected)
    mentions = sum(len(a["mentions"]) for a in expected["actors"])
    assert mentions > 0 and driver.find_elements("css selector", "#try-result .hl-actor")
    status = driver.find_element("id", "try-status").text
    assert f"{len(expected['quotes'])} quotes, {len(expected['events'])} events" in status
    assert driver.find_element("css selector", "#try-result .article-text").text.startswith(
        "Thousands of workers"
    )


def test_browser_events_view_renders_charts(server: str, driver: Any, shots: Path) -> None:
    """The charts draw (with the vendored libraries) or say how to get them; the table is there either way."""
    from selenium.webdriver.support.ui import WebDriverWait

    visit(driver, f"{server}/#/events", "#event-table")
    count = driver.execute_script
    if count("return document.querySelectorAll('.vendor-missing').length"):
        assert not (VENDOR / "d3.min.js").exists()
        assert count("return document.querySelectorAll('.vendor-missing').length") == 3
    else:
        WebDriverWait(driver, WAIT_S).until(
            lambda d: d.execute_script(
                "const n = document.getElementById('network-cy'); return n && n.cy"
                " && document.querySelectorAll('#map-leaflet .leaflet-marker-icon').length"
            )
        )
        driver.save_screenshot(str(shots / "events.png"))
        assert count("return document.querySelectorAll('#timeline-svg rect.bar').length") > 0
        assert count("return document.getElementById('network-cy').cy.edges().length") > 0
        assert count("return document.getElementById('network-cy').cy.nodes().length") >= 2
        assert (
            count(
                "return document.querySelectorAll('#map-leaflet path.leaflet-interactive, #map-leaflet path').length"
            )
            > 0
        )
    total = api(server, "/api/events")["total"]
    assert len(driver.find_elements("css selector", "#event-table tbody tr")) == min(total, 100)

    visit(driver, f"{server}/#/events?type=PROTEST", "#event-table")
    assert driver.find_element("id", "event-count").text.startswith("1 matching")
    if (VENDOR / "d3.min.js").exists():
        WebDriverWait(driver, WAIT_S).until(
            lambda d: d.find_elements("css selector", "#timeline-svg rect.bar")
        )
        bars = driver.find_elements("css selector", "#timeline-svg rect.bar title")
        assert [b.get_attribute("textContent") for b in bars] == ["2023-03-20 · PROTEST: 1"]


def no_injection(driver: Any) -> None:
    state = driver.execute_script(
        "return {xss: window.__xss === undefined ? null : window.__xss, title: document.title,"
        " imgs: document.querySelectorAll('main img, #tooltip img').length,"
        " scripts: document.querySelectorAll('main script').length,"
        " handlers: document.querySelectorAll('main [onerror], main [onload]').length}"
    )
    assert state == {"xss": None, "title": "newsevents", "imgs": 0, "scripts": 0, "handlers": 0}


def test_browser_script_payloads_do_not_execute(server: str, driver: Any, shots: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    xss_id = article_id_of(server, XSS_TEXT)
    visit(driver, f"{server}/#/article/{xss_id}", ".article-view .article-text")
    driver.save_screenshot(str(shots / "xss-article.png"))
    shown = driver.find_element("css selector", ".article-text").text
    for payload in XSS_PAYLOADS:
        assert payload in shown  # shown as text, not parsed as markup
    for piece in driver.find_elements("css selector", ".article-text .hl")[:8]:
        ActionChains(driver).move_to_element(piece).perform()  # tooltips carry the payloads too
    no_injection(driver)

    for fragment, ready in (("#/", "#article-table"), ("#/events", "#event-table")):
        visit(driver, f"{server}/{fragment}", ready)
        no_injection(driver)
    assert XSS_PAYLOADS[1] in driver.find_element("id", "event-table").text

    visit(driver, f"{server}/#/try", "#try-form")
    driver.find_element("id", "try-text").send_keys(XSS_TEXT)
    driver.find_element("id", "try-submit").click()
    WebDriverWait(driver, WAIT_S).until(
        lambda d: d.find_elements("css selector", "#try-result .article-view")
    )
    assert XSS_PAYLOADS[0] in driver.find_element("css selector", "#try-result .article-text").text
    no_injection(driver)
