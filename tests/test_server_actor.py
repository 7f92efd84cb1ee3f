"""GET /api/actors/{kb_id}: one knowledge-base actor across articles, and the store's KB identity columns."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # see test_server_api.py: Starlette's httpx2 notice
    from fastapi.testclient import TestClient
from newsevents.model import Participant, Result
from newsevents.server import create_app
from newsevents.store import Store
from newsevents.store.schema import SCHEMA_VERSION, TABLES
from test_server_records import AID, PROTEST, Draft

# name → (kb_id, code, kb_name), as the KB linker would set them
KB = {
    "Olaf Brandt": ("kb/brandt", "DEUGOV", "Olaf Brandt"),
    "Minister Brandt": ("kb/brandt", "DEUGOV", "Olaf Brandt"),
    "Olena Kovalenko": ("kb/kovalenko", "UKRGOV", "Olena Kovalenko"),
    "Germany": ("kb/DEU", "DEU", "Germany"),
}

SECOND_TEXT = (
    "Minister Brandt met Olena Kovalenko again in Warsaw on Friday.\n\n"
    "Minister Brandt also criticised the Nigeria Labour Congress over its statement."
)
SECOND = Draft(
    SECOND_TEXT, "2023-05-05", "Brandt in Warsaw", "Other Wire",
    actors=[
        ("Minister Brandt", "PERSON", "DEU", ["Minister Brandt"]),
        ("Olena Kovalenko", "PERSON", "UKR", ["Olena Kovalenko"]),
        ("Nigeria Labour Congress", "ORG", "NGA", ["Nigeria Labour Congress"]),
    ],
    events=[
        {"type": "CONSULT", "actor": "Minister Brandt", "recipient": "Olena Kovalenko", "trigger": "met",
         "evidence": "Minister Brandt met Olena Kovalenko again in Warsaw"},
        {"type": "ACCUSE", "actor": "Minister Brandt", "recipient": "Nigeria Labour Congress",
         "trigger": "criticised", "evidence": "Minister Brandt also criticised the Nigeria Labour Congress"},
    ],
)  # fmt: skip


def _link(p: Participant | None) -> Participant | None:
    if p is None or p.name not in KB:
        return p
    return replace(p, kb_id=KB[p.name][0], code=KB[p.name][1])


def with_kb(r: Result) -> Result:
    actors = tuple(
        replace(a, kb_id=KB[a.name][0], code=KB[a.name][1], kb_name=KB[a.name][2]) if a.name in KB else a
        for a in r.actors
    )
    quotes = tuple(
        replace(q, speaker=replace(q.speaker, kb_id=KB[q.speaker.name][0]))
        if q.speaker and q.speaker.name in KB
        else q
        for q in r.quotes
    )
    events = tuple(replace(e, actor=_link(e.actor), recipient=_link(e.recipient)) for e in r.events)
    return replace(r, actors=actors, quotes=quotes, events=events)


def results() -> list[Result]:
    return [with_kb(d.build()) for d in (AID, PROTEST, SECOND)]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("actor") / "store.duckdb"
    with Store(path) as store:
        store.add_results(results())
    app = create_app(str(path))
    with TestClient(app) as c:
        yield c


def test_store_keeps_kb_identity(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_results(results())
        back = {r.article.id: r for r in store.load_results()}
    for r in results():
        assert back[r.article.id] == r  # kb_id, code, kb_name survive the round trip


def test_server_actor_profile_across_articles(client: TestClient) -> None:
    body = client.get("/api/actors/kb/brandt").json()
    assert (body["kb_id"], body["name"], body["code"], body["country"]) == (
        "kb/brandt", "Olaf Brandt", "DEUGOV", "DEU",
    )  # fmt: skip
    assert {n["name"] for n in body["names"]} == {"Olaf Brandt", "Minister Brandt"}
    assert body["n_articles"] == 2 and body["n_events"] == 3 and body["n_quotes"] == 2
    # events in date order, with the side Brandt is on
    assert [(e["type"], e["role"], e["date"]) for e in body["events"]] == [
        ("CONSULT", "recipient", "2023-03-21"),
        ("CONSULT", "actor", "2023-05-05"),
        ("ACCUSE", "actor", "2023-05-05"),
    ]
    assert body["events"][0]["article_title"] == AID.title
    assert (body["first_date"], body["last_date"]) == ("2023-03-21", "2023-05-05")
    assert {t["key"]: t["n"] for t in body["events_by_type"]} == {"CONSULT": 2, "ACCUSE": 1}
    # Kovalenko twice (two articles, both directions) under her kb_id; the union once, by name
    cps = {c["name"]: c for c in body["counterparts"]}
    assert cps["Olena Kovalenko"]["kb_id"] == "kb/kovalenko" and cps["Olena Kovalenko"]["n"] == 2
    assert cps["Olena Kovalenko"]["types"] == [{"key": "CONSULT", "n": 2}]
    assert cps["Nigeria Labour Congress"]["kb_id"] is None and cps["Nigeria Labour Congress"]["n"] == 1
    assert body["counterparts"][0]["name"] == "Olena Kovalenko"  # most events first
    assert [q["speaker"]["kb_id"] for q in body["quotes"]] == ["kb/brandt", "kb/brandt"]
    assert all(q["article_title"] == AID.title for q in body["quotes"])


def test_server_actor_limit_and_unknown(client: TestClient) -> None:
    body = client.get("/api/actors/kb/brandt", params={"limit": 1}).json()
    assert len(body["events"]) == 1 and len(body["counterparts"]) == 1 and len(body["quotes"]) == 1
    assert body["n_events"] == 3  # totals ignore the limit
    assert client.get("/api/actors/kb/nobody").status_code == 404
    assert client.get("/api/actors/kb/brandt", params={"limit": 0}).status_code == 422


def test_server_actor_list_carries_kb_id(client: TestClient) -> None:
    items = client.get("/api/actors", params={"name": "brandt"}).json()["items"]
    assert {a["kb_id"] for a in items} == {"kb/brandt"}
    record = client.get(f"/api/articles/{results()[0].article.id}").json()
    kov = next(a for a in record["actors"] if a["name"] == "Olena Kovalenko")
    assert (kov["kb_id"], kov["code"], kov["kb_name"]) == ("kb/kovalenko", "UKRGOV", "Olena Kovalenko")
    consult = next(e for e in record["events"] if e["type"] == "CONSULT")
    assert consult["actor"]["kb_id"] == "kb/kovalenko" and consult["recipient"]["code"] == "DEUGOV"


def write_version_1_file(path: Path) -> None:
    """A store as written before the KB columns existed: tables without them, schema_version 1."""
    con = duckdb.connect(str(path))
    new_cols = {"kb_id", "code", "kb_name", "speaker_kb_id", "actor_kb_id", "actor_code"}
    new_cols |= {"recipient_kb_id", "recipient_code"}
    for t in TABLES:
        old = [
            (n, ty) for n, ty in t.columns if not (t.name in ("actors", "quotes", "events") and n in new_cols)
        ]
        con.execute(replace(t, columns=tuple(old)).ddl())
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()


def test_store_migrates_a_version_1_file(tmp_path: Path) -> None:
    """A version-1 file gets the new columns (NULL) and takes new rows with them."""
    path = tmp_path / "old.duckdb"
    write_version_1_file(path)
    with Store(path) as store:
        store.add_results(results())
        assert (
            store.query("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == SCHEMA_VERSION
        )
        linked = store.query("SELECT count(*) AS n FROM events WHERE actor_kb_id IS NOT NULL")[0]["n"]
        assert linked == 4
        back = {r.article.id: r for r in store.load_results()}
    for r in results():
        assert back[r.article.id] == r


def test_server_migrates_a_version_1_file_at_start(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    write_version_1_file(path)
    with TestClient(create_app(str(path))) as c:  # read-only server
        assert c.get("/api/stats").json()["tables"]["articles"] == 0
        assert c.get("/api/actors/kb/brandt").status_code == 404
        assert c.get("/api/actors").json()["total"] == 0
