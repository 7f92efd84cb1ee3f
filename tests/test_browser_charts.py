"""The events view's charts and the actor page in headless Chromium (see tests/test_browser.py).

The store holds hand-built articles (tests/browser_records.py): dates a century apart, a chain of 40 envoys
for the network's top-N cut, places a few kilometres apart for the map's clusters, and kb_ids on some actors.
The charts come from the vendored libraries (scripts/setup-web.sh): without them these tests skip, and
the last test checks the page's own fallback by blocking /static/vendor/ in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from browser_records import KB_IDS, chart_results
from newsevents.server.app import VENDOR
from newsevents.server.browser import ChromiumDriver, chromium_available, served_results
from test_browser import WAIT_S, api, visit
from test_server_records import sample_results

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="needs /usr/bin/chromium and /usr/bin/chromedriver"),
    pytest.mark.skipif(
        not (VENDOR / "d3.min.js").exists(), reason="no vendored charting libraries: scripts/setup-web.sh"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("charts") / "store.duckdb"
    with served_results(path, [*chart_results(), *sample_results()]) as url:
        yield url


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with ChromiumDriver(1400, 1200) as d:
        yield d


def wait_for(driver: Any, script: str, *args: Any) -> Any:
    """Wait until ``script`` (a JS expression body returning a value) returns something truthy; return it."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S).until(lambda d: d.execute_script(script, *args))


def year_bars(driver: Any) -> dict[str, float]:
    """Timeline bars at year level: {year: x of the bar's left edge}."""
    titles = driver.execute_script(
        "return [...document.querySelectorAll('#timeline-svg rect.bar')].map(r => [r.querySelector('title').textContent, +r.getAttribute('x')])"
    )
    return {t.split(" · ")[0]: x for t, x in titles}


def test_browser_timeline_is_a_time_axis(server: str, driver: Any) -> None:
    visit(driver, f"{server}/#/events", "#event-table")
    wait_for(driver, "return document.querySelectorAll('#timeline-svg rect.bar').length")
    assert driver.find_element("id", "timeline-svg-bin").get_attribute("data-bin") == "year"
    bars = year_bars(driver)
    assert {"1918", "2014", "2015", "2023"} <= set(bars)
    # A true time axis: one year between 2014 and 2015, 96 between 1918 and 2014 — the gap shows.
    ratio = (bars["2014"] - bars["1918"]) / (bars["2015"] - bars["2014"])
    assert 90 < ratio < 102, bars
    ticks = driver.execute_script(
        "return [...document.querySelectorAll('#timeline-svg .x-axis .tick')].map(t => [t.textContent, t.transform.baseVal[0].matrix.e])"
    )
    years = [(int(label), x) for label, x in ticks if re.fullmatch(r"\d{4}", label)]
    assert years[0][0] <= 1920 and years[-1][0] >= 2020, ticks
    steps = [(x2 - x1) / (y2 - y1) for (y1, x1), (y2, x2) in zip(years, years[1:], strict=False)]
    assert max(steps) - min(steps) < 1.0, steps  # equal years take equal widths (leap days aside)


def test_browser_timeline_zooms_and_pans(server: str, driver: Any) -> None:
    visit(driver, f"{server}/#/events", "#event-table")
    wait_for(driver, "return document.querySelectorAll('#timeline-svg rect.bar').length")
    for _ in range(6):
        driver.find_element("css selector", "#timeline button[data-zoom='zoom in']").click()
    assert driver.find_element("id", "timeline-svg-bin").get_attribute("data-bin") in {"month", "week", "day"}
    assert len(year_bars(driver)) < 10  # 64x zoomed around the middle of 1918-2023: few bars left in view
    driver.find_element("css selector", "#timeline button[data-zoom='reset']").click()
    assert driver.find_element("id", "timeline-svg-bin").get_attribute("data-bin") == "year"
    before = year_bars(driver)["2015"]
    driver.execute_script(  # a wheel zoom over the plot, as a user would scroll
        "const s = document.querySelector('#timeline-svg .zoom-surface'); const r = s.getBoundingClientRect();"
        "s.dispatchEvent(new WheelEvent('wheel', {deltaY: -500, clientX: r.right - 40, clientY: r.top + 40, bubbles: true, cancelable: true}))"
    )
    after = wait_for(
        driver,
        "const b = [...document.querySelectorAll('#timeline-svg rect.bar title')].map(t => t.textContent); return b.length && b;",
    )
    assert after and year_bars(driver).get("2015") != before


def test_browser_timeline_brush_filters_the_page(server: str, driver: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    visit(driver, f"{server}/#/events", "#event-table")
    wait_for(driver, "return document.querySelectorAll('#timeline-svg rect.bar').length")
    bars = year_bars(driver)
    band = driver.find_element("css selector", "#timeline-svg .brush-band")
    left = float(band.get_attribute("x"))
    width = float(band.get_attribute("width"))
    # Drag across 2010..2019 (between the 2014/2015 bars' neighbours), offsets from the band's centre.
    x0 = bars["2014"] - 25 - (left + width / 2)
    x1 = bars["2015"] + 30 - (left + width / 2)
    ActionChains(driver).move_to_element_with_offset(band, int(x0), 0).click_and_hold().move_by_offset(
        int(x1 - x0), 0
    ).release().perform()
    wait_for(driver, "return location.hash.includes('date_from') && document.querySelector('#event-table')")
    hash_params = dict(
        p.split("=") for p in driver.execute_script("return location.hash").split("?")[1].split("&")
    )
    assert hash_params["date_from"].startswith("201") and hash_params["date_to"].startswith("201")
    expected = api(
        server, f"/api/events?date_from={hash_params['date_from']}&date_to={hash_params['date_to']}"
    )["total"]
    in_2010s = sum(1 for r in chart_results() for e in r.events if (e.date or "")[:4] in {"2014", "2015"})
    assert expected == in_2010s and 0 < expected < api(server, "/api/events")["total"]
    wait_for(
        driver,
        "return document.getElementById('event-count').textContent.startsWith(arguments[0])",
        f"{expected} ",
    )
    # The timeline keeps the whole span, with the brushed range drawn on it; the network follows the filter.
    assert "1918" in year_bars(driver)
    assert (
        driver.execute_script(
            "return +document.querySelector('#timeline-svg .brush .selection').getAttribute('width')"
        )
        > 5
    )
    driver.find_element("id", "clear-dates").click()
    wait_for(driver, "return !location.hash.includes('date_from') && document.querySelector('#event-table')")


def network_nodes(driver: Any) -> list[dict[str, Any]]:
    return driver.execute_script(
        "const cy = document.getElementById('network-cy').cy;"
        "return cy.nodes().map(n => ({label: n.data('label'), px: parseFloat(n.renderedStyle('font-size')),"
        " visible: n.renderedStyle('label') !== ''}))"
    )


def expected_top(server: str, query: str, top: int) -> list[str]:
    """The top actors by events between an actor and a recipient, ties by name: what the network promises."""
    weight: dict[str, int] = {}
    for e in api(server, f"/api/network?max_edges=2000{query}")["edges"]:
        for end in {e["source"], e["target"]}:
            weight[end] = weight.get(end, 0) + e["n"]
    return sorted(weight, key=lambda name: (-weight[name], name))[:top]


def test_browser_network_shows_the_top_n_actors(server: str, driver: Any) -> None:
    visit(driver, f"{server}/#/events", "#event-table")
    wait_for(
        driver, "const h = document.getElementById('network-cy'); return h && h.cy && h.cy.nodes().length"
    )
    nodes = network_nodes(driver)
    assert len(nodes) == 30 < len(expected_top(server, "", 1000))  # default N = 30 of more actors
    assert sorted(n["label"] for n in nodes) == sorted(expected_top(server, "", 30))
    assert all(n["label"] and n["px"] >= 11 for n in nodes), nodes  # every node labelled, readable size
    assert len(driver.find_elements("css selector", "#network-nodes li")) == 30
    # Edges: one per direction, width grows with the count, colour = the dominant type.
    edges = driver.execute_script(
        "return document.getElementById('network-cy').cy.edges().map(e => [e.data('record').n, e.data('width'), e.data('colour')])"
    )
    by_n = {n: w for n, w, _ in edges}
    assert sorted(by_n) == sorted(set(by_n)) and list(dict(sorted(by_n.items())).values()) == sorted(
        by_n.values()
    )
    from selenium.webdriver.common.keys import Keys

    driver.find_element("id", "network-top").send_keys(Keys.CONTROL, "a", Keys.NULL, "10", Keys.TAB)
    wait_for(driver, "return document.getElementById('network-cy').cy.nodes().length === 10")
    assert sorted(n["label"] for n in network_nodes(driver)) == sorted(expected_top(server, "", 10))
    assert "top=10" in driver.execute_script("return location.hash")


def test_browser_network_follows_the_filters(server: str, driver: Any) -> None:
    visit(driver, f"{server}/#/events?actor=France", "#event-table")
    wait_for(
        driver, "const h = document.getElementById('network-cy'); return h && h.cy && h.cy.nodes().length"
    )
    assert sorted(n["label"] for n in network_nodes(driver)) == ["France", "Germany"]
    colours = driver.execute_script(
        "return Object.fromEntries(document.getElementById('network-cy').cy.edges().map(e =>"
        " [e.data('record').source + '>' + e.data('record').target, [e.data('record').dominant, e.data('colour')]]))"
    )
    # Germany -> France: two CONSULTs; France -> Germany: one AGREE and one ACCUSE (a tie: alphabetical).
    assert colours["Germany>France"][0] == "CONSULT" and colours["France>Germany"][0] == "ACCUSE"
    assert colours["Germany>France"][1] != colours["France>Germany"][1]


def test_browser_map_clusters_nearby_places(server: str, driver: Any) -> None:
    visit(driver, f"{server}/#/events", "#event-table")
    wait_for(driver, "return document.querySelectorAll('#map-leaflet .marker-cluster').length")
    places = api(server, "/api/places")
    total = sum(p["n"] for p in places)

    def shown() -> tuple[list[int], list[int]]:
        clusters = driver.execute_script(
            "return [...document.querySelectorAll('#map-leaflet .marker-cluster span')].map(s => +s.textContent)"
        )
        dots = driver.execute_script(
            "return [...document.querySelectorAll('#map-leaflet .place-dot')].map(d => +d.dataset.n)"
        )
        return clusters, dots

    clusters, dots = shown()
    assert clusters and len(clusters) + len(dots) < len(places)  # nearby places merged
    assert sum(clusters) + sum(dots) == total  # clusters count events, nothing lost
    # Zoomed in on Berlin, Berlin and Potsdam (25 km apart) come apart into their own circles.
    driver.execute_script(
        "document.getElementById('map-leaflet').map.setView([52.45, 13.25], 9, {animate: false})"
    )
    wait_for(driver, "return document.querySelectorAll('#map-leaflet .place-dot').length >= 2")
    berlin = [p for p in places if p["name"] in {"Berlin", "Potsdam"}]
    _, dots = shown()
    assert sorted(dots)[-2:] == sorted(p["n"] for p in berlin)[-2:]


def has_actor_api(server: str) -> bool:
    return any(path.startswith("/api/actors/{") for path in api(server, "/api/openapi.json")["paths"])


def test_browser_actor_page_lists_events_counterparts_quotes(server: str, driver: Any) -> None:
    if not has_actor_api(server):
        pytest.skip("the server has no GET /api/actors/{kb_id} yet")
    profile = api(server, f"/api/actors/{KB_IDS['Germany']}")
    # The actors list links exactly the actors that have a kb_id to their page.
    visit(driver, f"{server}/#/actors?kind=GPE", "#actor-table")
    links = {
        a.text: a.get_attribute("href").split("#")[1]
        for a in driver.find_elements("css selector", "#actor-table a.actor-link")
    }
    assert links == {name: f"/actor/{KB_IDS[name]}" for name in ("France", "Germany")}
    visit(driver, f"{server}/#/events?actor=Germany", "#event-table")
    link = driver.find_element(
        "css selector", f"#event-table a.actor-link[href='#/actor/{KB_IDS['Germany']}']"
    )
    link.click()
    wait_for(driver, "return document.getElementById('actor-event-table')")
    assert driver.find_element("id", "actor-name").text == profile["name"]
    rows = driver.find_elements("css selector", "#actor-event-table tbody tr")
    assert len(rows) == len(profile["events"]) == 4  # the armistice and the three 2014-15 events
    assert {r.find_elements("css selector", "td")[0].text for r in rows} == {
        e["date"] for e in profile["events"]
    }
    counterparts = driver.find_element("id", "counterpart-table").text
    assert "France" in counterparts and "4" in counterparts
    wait_for(driver, "return document.querySelectorAll('#actor-timeline-svg rect.bar').length")
    # A quote's speaker page, reached by its kb_id.
    visit(driver, f"{server}/#/actor/{KB_IDS['Ferdinand Foch']}", "#actor-quotes")
    assert "The guns have fallen silent" in driver.find_element("id", "actor-quotes").text
    visit(driver, f"{server}/#/actor/Q0-not-there", "#actor-missing")
    assert "No actor" in driver.find_element("id", "actor-missing").text


def test_browser_page_loads_without_vendored_libraries(server: str, driver: Any) -> None:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/static/vendor/*"]})
    try:
        visit(driver, f"{server}/#/events", "#event-table")
        notes = driver.find_elements("css selector", ".vendor-missing")
        assert len(notes) == 3 and all("scripts/setup-web.sh" in n.text for n in notes)
        assert len(driver.find_elements("css selector", "#event-table tbody tr")) == min(
            100, api(server, "/api/events")["total"]
        )
        assert len(driver.find_elements("css selector", "#network-nodes li")) == 30  # the list still comes
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
