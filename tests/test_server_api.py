"""The HTTP API through FastAPI's TestClient: every endpoint, its filters and its error codes."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    # Starlette >= 1.x asks for the httpx2 fork; plain httpx (a dev dependency) works the same for these tests.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient
from newsevents.server import create_app
from newsevents.store import Store
from test_server_records import AID, AID_TEXT, PROTEST, PROTEST_TEXT, sample_results

TOKEN = "correct horse battery staple"


def _client(db: str | None, token: str | None = None, **kw: int) -> Iterator[TestClient]:
    app = create_app(db, token, **kw)
    with TestClient(app) as client:
        yield client
    app.state.store.close()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    with Store(path) as store:
        store.add_results(sample_results())
    return path


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    yield from _client(str(db_path))


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    yield from _client(str(tmp_path / "w.duckdb"), TOKEN)


def article_id(draft_text: str, client: TestClient) -> str:
    items = client.get("/api/articles").json()["items"]
    return next(
        a["id"]
        for a in items
        if client.get(f"/api/articles/{a['id']}").json()["article"]["text"] == draft_text
    )


# ---- articles -----------------------------------------------------------------------------------------


def test_server_api_lists_articles_with_counts(client: TestClient) -> None:
    page = client.get("/api/articles").json()
    assert page["total"] == 3 and len(page["items"]) == 3
    aid = next(a for a in page["items"] if a["title"] == AID.title)
    assert (aid["n_quotes"], aid["n_events"], aid["n_actors"]) == (2, 2, 4)
    assert "text" not in aid


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"q": "lagos"}, {PROTEST.title}),
        ({"q": "KOVALENKO"}, {AID.title}),
        (
            {"date_from": "2023-03-15"},
            {PROTEST.title, "<img src=x onerror=\"window.__xss = 2; document.title = 'pwned'\">"},
        ),
        ({"date_to": "2023-03-14"}, {AID.title}),
        ({"date_from": "2023-03", "date_to": "2023-03"}, {AID.title, PROTEST.title}),
        ({"source": "example wire"}, {AID.title, PROTEST.title}),
    ],
)
def test_server_api_article_filters(client: TestClient, params: dict[str, str], titles: set[str]) -> None:
    page = client.get("/api/articles", params=params).json()
    assert {a["title"] for a in page["items"]} == titles
    assert page["total"] == len(titles)


def test_server_api_article_pagination(client: TestClient) -> None:
    everything = [a["id"] for a in client.get("/api/articles").json()["items"]]
    pages = [client.get("/api/articles", params={"limit": 1, "offset": k}).json() for k in range(4)]
    assert [p["items"][0]["id"] for p in pages[:3]] == everything
    assert pages[3]["items"] == [] and pages[3]["total"] == 3


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "ten"}, {"date_from": "March"}]
)
def test_server_api_rejects_bad_paging_and_dates(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/articles", params=params).status_code == 422
    assert client.get("/api/events", params=params).status_code == 422


def test_server_api_article_detail_has_text_and_records(client: TestClient) -> None:
    result = client.get(f"/api/articles/{article_id(AID_TEXT, client)}").json()
    text = result["article"]["text"]
    assert text == AID_TEXT
    assert len(result["quotes"]) == 2 and len(result["events"]) == 2 and len(result["actors"]) == 4
    for q in result["quotes"]:
        assert text[q["content"]["start"] : q["content"]["end"]] == q["content"]["text"]
        assert q["speaker"]["name"] == "Olaf Brandt"
    for e in result["events"]:
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]


@pytest.mark.parametrize("missing", ["0000000000000000", "' OR 1=1 --", "a%27%3B--", "x" * 150])
def test_server_api_unknown_article_is_404(client: TestClient, missing: str) -> None:
    response = client.get(f"/api/articles/{missing}")
    assert response.status_code == 404
    assert "no article" in response.json()["detail"]


# ---- events and the chart aggregates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "types"),
    [
        ({"type": "AID"}, ["AID"]),
        ({"actor": "kovalenko"}, ["CONSULT"]),
        ({"actor": "government"}, ["ACCUSE", "PROTEST"]),
        ({"country": "nga"}, ["ACCUSE", "PROTEST"]),
        ({"place": "kyi"}, ["CONSULT"]),
        ({"date_from": "2023-03-20", "date_to": "2023-03-21"}, ["ACCUSE", "CONSULT", "PROTEST"]),
        ({"q": "marched"}, ["PROTEST"]),
        ({"type": "ACCUSE", "country": "NGA"}, ["ACCUSE"]),
        ({"type": "AID", "country": "NGA"}, []),
    ],
)
def test_server_api_event_filters(client: TestClient, params: dict[str, str], types: list[str]) -> None:
    page = client.get("/api/events", params=params).json()
    assert sorted(e["type"] for e in page["items"]) == types
    assert page["total"] == len(types)


def test_server_api_events_are_full_records(client: TestClient) -> None:
    (event,) = client.get("/api/events", params={"type": "AID"}).json()["items"]
    assert event["actor"]["name"] == "Germany" and event["recipient"]["country"] == "UKR"
    assert event["location"]["name"] == "Berlin" and event["location"]["lat"] == pytest.approx(52.52)
    assert event["trigger"]["text"] == "send"


@pytest.mark.parametrize(("interval", "bucket"), [("day", "2023-03-14"), ("week", "2023-03-13")])
def test_server_api_timeline_buckets(client: TestClient, interval: str, bucket: str) -> None:
    data = client.get("/api/timeline", params={"interval": interval, "type": "AID"}).json()
    assert data["buckets"] == [{"bucket": bucket, "type": "AID", "n": 1}]
    everything = client.get("/api/timeline", params={"interval": interval}).json()
    assert sum(b["n"] for b in everything["buckets"]) + everything["undated"] == 5
    assert client.get("/api/timeline", params={"interval": "month"}).status_code == 422


def test_server_api_network_edges_are_events(client: TestClient) -> None:
    data = client.get("/api/network").json()
    assert {"source": "Germany", "target": "Ukraine", "type": "AID", "n": 1} in data["edges"]
    names = {n["name"] for n in data["nodes"]}
    assert {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]} == names
    assert client.get("/api/network", params={"country": "UKR"}).json()["edges"] != data["edges"]


def test_server_api_places_for_the_map(client: TestClient) -> None:
    places = {p["name"]: p for p in client.get("/api/places").json()}
    assert places["Lagos"]["types"] == ["PROTEST"] and places["Lagos"]["country"] == "NGA"
    assert places["Kyiv"]["lon"] == pytest.approx(30.52)
    assert [p["name"] for p in client.get("/api/places", params={"type": "AID"}).json()] == ["Berlin"]


# ---- quotes, actors, stats ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "n"),
    [
        ({}, 4),
        ({"speaker": "okafor"}, 1),
        ({"q": "ABANDON"}, 1),
        ({"kind": "direct"}, 3),
        ({"kind": "indirect"}, 1),
    ],
)
def test_server_api_quote_filters(client: TestClient, params: dict[str, str], n: int) -> None:
    page = client.get("/api/quotes", params=params).json()
    assert page["total"] == n == len(page["items"])


def test_server_api_quote_kind_is_validated(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"kind": "rumour"}).status_code == 422


def test_server_api_actors_grouped_across_articles(client: TestClient) -> None:
    page = client.get("/api/actors", params={"country": "deu"}).json()
    names = {a["name"]: a for a in page["items"]}
    assert set(names) == {"Olaf Brandt", "Germany"} and page["total"] == 2
    assert names["Olaf Brandt"]["n_mentions"] == 2 and names["Germany"]["n_events"] == 1
    past_end = client.get("/api/actors", params={"country": "DEU", "offset": 10}).json()
    assert past_end["items"] == [] and past_end["total"] == 2


def test_server_api_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["tables"]["articles"] == 3 and stats["tables"]["events"] == 5
    assert {c["key"]: c["n"] for c in stats["events_by_type"]} == {
        "ACCUSE": 2,
        "AID": 1,
        "CONSULT": 1,
        "PROTEST": 1,
    }
    assert stats["first_date"] == "2023-03-14" and stats["last_date"] == "2023-04-01"


def test_server_api_openapi_and_docs(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes", "/api/actors",
                 "/api/stats", "/api/extract"):  # fmt: skip
        assert path in schema["paths"]
    assert "post" in schema["paths"]["/api/articles"]
    assert client.get("/api/docs").status_code == 200


def test_server_api_page_is_served_with_a_strict_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert client.get("/static/world-land-110m.json").json()["type"] == "FeatureCollection"


# ---- SQL metacharacters -------------------------------------------------------------------------------

SQL_META = ["' OR '1'='1", "'; DROP TABLE events; --", "%", "%' --", "\\' OR 1=1 --", "Robert'); DROP TABLE articles;--", "1) OR (1=1", '" OR ""="']  # fmt: skip
TEXT_FILTERS = [
    ("/api/articles", "q"), ("/api/articles", "source"), ("/api/events", "type"), ("/api/events", "actor"),
    ("/api/events", "place"), ("/api/events", "q"), ("/api/events", "article_id"), ("/api/quotes", "speaker"),
    ("/api/quotes", "q"), ("/api/quotes", "article_id"), ("/api/actors", "name"), ("/api/timeline", "actor"),
    ("/api/network", "q"), ("/api/places", "place"),
]  # fmt: skip


@pytest.mark.parametrize("value", SQL_META)
@pytest.mark.parametrize(("path", "param"), TEXT_FILTERS)
def test_server_api_sql_metacharacters_match_nothing(
    client: TestClient, path: str, param: str, value: str
) -> None:
    before = client.get("/api/stats").json()["tables"]
    response = client.get(path, params={param: value})
    assert response.status_code == 200
    body = response.json()
    if isinstance(body, list):
        assert body == []
    elif "total" in body:
        assert body["total"] == 0 and body["items"] == []
    elif "buckets" in body:
        assert body["buckets"] == [] and body["undated"] == 0
    else:
        assert body["edges"] == []
    assert client.get("/api/stats").json()["tables"] == before


@pytest.mark.parametrize(("path", "param"), [("/api/events", "country"), ("/api/actors", "country")])
@pytest.mark.parametrize("value", ["'--", "%", "' ;"])
def test_server_api_short_metacharacter_codes_match_nothing(
    client: TestClient, path: str, param: str, value: str
) -> None:
    assert client.get(path, params={param: value}).json()["total"] == 0


def test_server_api_like_underscore_is_literal(client: TestClient) -> None:
    hits = client.get("/api/events", params={"q": "_"}).json()["items"]
    assert hits and all("_" in e["evidence"]["text"] or "_" in e["trigger"]["text"] for e in hits)
    assert client.get("/api/events", params={"q": "s_nd"}).json()["total"] == 0


@pytest.mark.parametrize("value", ["2023-03-14' OR 1=1 --", "2023'; --", "%"])
def test_server_api_sql_in_dates_is_rejected(client: TestClient, value: str) -> None:
    assert client.get("/api/events", params={"date_from": value}).status_code == 422


# ---- POST /api/extract --------------------------------------------------------------------------------


def test_server_api_extract_returns_records_with_valid_spans(client: TestClient) -> None:
    response = client.post("/api/extract", json={"text": PROTEST_TEXT, "date": "2023-03-20"})
    assert response.status_code == 200
    result = response.json()
    assert result["article"]["text"] == PROTEST_TEXT and result["article"]["date"] == "2023-03-20"
    assert result["actors"]
    for kind in ("actors", "quotes", "events"):
        for record in result[kind]:
            for span in _spans(record):
                assert PROTEST_TEXT[span["start"] : span["end"]] == span["text"]
    assert client.get("/api/stats").json()["tables"]["articles"] == 3  # nothing stored


def _spans(record: object) -> list[dict[str, object]]:
    if isinstance(record, dict):
        own = [record] if {"start", "end", "text"} <= record.keys() else []
        return own + [s for v in record.values() for s in _spans(v)]
    if isinstance(record, list):
        return [s for v in record for s in _spans(v)]
    return []


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[]", b'{"date": "2023-01-01"}', b'{"text": ""}', b'{"text": 42}',
     b'{"text": "x", "date": "yesterday"}', b'{"text": "x", "colour": "red"}', b""],
)  # fmt: skip
def test_server_api_extract_malformed_is_422(client: TestClient, body: bytes) -> None:
    response = client.post("/api/extract", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422


def test_server_api_extract_too_large_is_413() -> None:
    big = {"text": "The minister said the talks went well. " * 100}
    payload = json.dumps(big).encode()

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while reading
        for k in range(0, len(payload), 500):
            yield payload[k : k + 500]

    for c in _client(None, max_body_bytes=2_000):
        response = c.post("/api/extract", json=big)
        assert response.status_code == 413 and "larger than 2000 bytes" in response.json()["detail"]
        assert c.post("/api/extract", content=chunks()).status_code == 413
        assert c.post("/api/extract", json={"text": "Short enough."}).status_code == 200


# ---- POST /api/articles (ingest) ----------------------------------------------------------------------


def test_server_api_ingest_disabled_without_token(client: TestClient) -> None:
    response = client.post(
        "/api/articles", json={"text": AID_TEXT}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 403 and "disabled" in response.json()["detail"]


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", f"Basic {TOKEN}", TOKEN, "Token abc"])
def test_server_api_ingest_missing_or_malformed_auth_is_401(writer: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    response = writer.post("/api/articles", json={"text": AID_TEXT}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("token", ["wrong", TOKEN + "x", TOKEN.upper(), "' OR 1=1 --"])
def test_server_api_ingest_wrong_token_is_403(writer: TestClient, token: str) -> None:
    response = writer.post(
        "/api/articles", json={"text": AID_TEXT}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 403 and response.json()["detail"] == "wrong token"
    assert writer.get("/api/stats").json()["tables"]["articles"] == 0


def test_server_api_ingest_stores_once(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": PROTEST_TEXT, "date": "2023-03-20", "title": "Lagos march", "source": "Example Wire"}
    first = writer.post("/api/articles", json=body, headers=auth)
    assert first.status_code == 201 and first.json()["stored"] is True
    stored = writer.get(f"/api/articles/{first.json()['article_id']}").json()
    assert stored["article"]["title"] == "Lagos march" and stored["article"]["text"] == PROTEST_TEXT
    assert len(stored["actors"]) == first.json()["n_actors"]
    again = writer.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert writer.get("/api/articles").json()["total"] == 1


def test_server_api_ingest_validates_body_after_auth(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.post("/api/articles", content=b"{oops", headers=auth).status_code == 422
    assert (
        writer.post("/api/articles", json={"text": "x", "url": "u" * 5000}, headers=auth).status_code == 422
    )


def test_server_api_missing_database_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(str(tmp_path / "absent.duckdb"))
