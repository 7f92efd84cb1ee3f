"""Incremental event clusters and SQL near-duplicate look-up give exactly what a full rebuild gives."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents.model import Article, Event, Location, Participant, Result, Span
from newsevents.store import Store
from newsevents.store.clusters import ClusterRules
from newsevents.store.dedup import DedupConfig, NearDuplicateIndex, signature

PEOPLE = [("Ana Silva", "BRA", "GOV"), ("Jonas Berg", "NOR", "GOV"), ("Lee Min", "KOR", "MIL"),
          ("Sara Kim", "KOR", "GOV"), ("Omar Haddad", "JOR", "LEG"), ("the army", "KOR", "MIL")]  # fmt: skip
PLACES = [("Seoul", "KOR", 37.57, 126.98), ("Busan", "KOR", 35.18, 129.08), ("Oslo", "NOR", 59.91, 10.75)]
TYPES = ["CONSULT", "ACCUSE", "AID", "PROTEST"]
WORDS = ["the", "talks", "minister", "said", "on", "monday", "that", "officials", "would", "meet", "again"]


def _participant(rng: random.Random) -> Participant | None:
    if rng.random() < 0.15:
        return None
    name, country, sector = rng.choice(PEOPLE)
    return Participant(name, None, country if rng.random() < 0.9 else None, sector, Span(0, 1, "x"))


def make_results(n: int, seed: int, *, offset: int = 0) -> list[Result]:
    """``n`` articles of 1-4 events among a few actors, types, days and places; some are near copies."""
    rng = random.Random(seed)
    out: list[Result] = []
    for k in range(offset, offset + n):
        if out and rng.random() < 0.1:  # a wire copy of an earlier article of this lot: one word changed
            words = out[rng.randrange(len(out))].article.text.split()
            words[rng.randrange(len(words))] = "reportedly"
            text = " ".join(words)
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(40)) + f" story {k}"
        day = f"2024-05-{rng.randint(1, 6):02d}"
        aid = f"a{k:05d}"
        events = []
        for j in range(rng.randint(1, 4)):
            date = rng.choice([day, day, day[:7], None, f"2024-05-{rng.randint(1, 6):02d}"])
            place = rng.choice([None, *PLACES])
            loc = Location(place[0], place[1], place[2], place[3], Span(0, 1, "x")) if place else None
            events.append(
                Event(f"e{j}", aid, rng.choice(TYPES), rng.choice([None, "verbal"]), None, _participant(rng),
                      _participant(rng), date, "article" if date else None, None, loc, Span(0, 1, "x"),
                      Span(0, 1, "x"), "test", rng.choice([0.4, 0.9]))
            )  # fmt: skip
        out.append(Result(Article(aid, text, day, "day"), events=tuple(events)))
    return out


def clusters(store: Store) -> list[tuple[object, ...]]:
    return [tuple(r.values()) for r in store.query("SELECT * FROM event_clusters ORDER BY rank")]


def keys(store: Store) -> list[tuple[object, ...]]:
    return [tuple(r.values()) for r in store.query("SELECT * FROM cluster_keys ORDER BY ALL")]


RULES = [ClusterRules(), ClusterRules(max_day_gap=1, same_mode=True, min_confidence=0.5, max_km=400.0)]


@pytest.mark.parametrize("rules", RULES, ids=["default", "gap-mode-conf"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_store_incremental_clusters_equal_a_full_rebuild(
    tmp_path: Path, rules: ClusterRules, seed: int
) -> None:
    items = make_results(120, seed)
    with Store(tmp_path / "s.duckdb") as store:
        store.update_clusters(rules)  # empty store: a full build, then updates
        for start in range(0, len(items), 25):
            store.add_results(items[start : start + 25])
            n = store.update_clusters(rules)
        incremental, inc_keys = clusters(store), keys(store)
        assert n == len(incremental) and store.update_clusters(rules) == n  # nothing new: nothing changes
        assert store.recluster(rules) == n
        assert clusters(store) == incremental and keys(store) == inc_keys
        multi = store.query("SELECT count(*) AS n FROM event_clusters WHERE n_events > 1")[0]["n"]
        assert multi > 5  # the data does make clusters of several events


def test_store_incremental_rules_change_or_reprocess_rebuild(tmp_path: Path) -> None:
    items = make_results(60, 7)
    with Store(tmp_path / "s.duckdb") as store:
        store.add_results(items[:30])
        store.update_clusters()
        store.add_results(items[30:])
        gap = ClusterRules(max_day_gap=2)
        store.update_clusters(gap)  # other rules: rebuilt with them
        with_gap = clusters(store)
        store.recluster(gap)
        assert clusters(store) == with_gap
        store.update_clusters()  # None: the stored rules (gap) stay in force
        assert clusters(store) == with_gap
        # a reprocessed article changes rows in the middle of the ingest order: a full rebuild follows
        first, other = items[0], make_results(1, 99)[0]
        events = tuple(replace(e, article_id=first.article.id) for e in other.events)
        store.add_results([replace(first, events=events)], reprocess=True)
        assert store.query("SELECT value FROM meta WHERE key = 'clusters_stale'")[0]["value"] == "1"
        store.update_clusters()
        after = clusters(store)
        store.recluster(gap)
        assert clusters(store) == after


def test_store_sql_near_duplicates_equal_the_in_memory_index(tmp_path: Path) -> None:
    items = make_results(150, 11)
    config = DedupConfig()
    index = NearDuplicateIndex(config)
    expected = {}
    for seq, r in enumerate(items):
        sig = signature(r.article.text, config)
        assert sig is not None
        found = index.find(r.article.id, sig, seq)
        index.add(r.article.id, sig, seq, found[0] if found else None)
        expected[r.article.id] = found[0] if found else None
    assert sum(v is not None for v in expected.values()) >= 5
    with Store(tmp_path / "s.duckdb") as store:
        for start in range(0, len(items), 40):  # stored and same-batch originals both
            store.add_results(items[start : start + 40])
        got = {r["id"]: r["duplicate_of"] for r in store.query("SELECT id, duplicate_of FROM articles")}
        assert got == expected
        bands = store.query("SELECT count(DISTINCT article_id) AS n FROM lsh_bands")[0]["n"]
        assert bands == len(items)


def test_store_bands_are_recomputed_for_other_parameters(tmp_path: Path) -> None:
    items = make_results(40, 5)
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_results(items[:20])
        store.query("DELETE FROM lsh_bands")  # as a store written before bands existed
        store.query("DELETE FROM meta WHERE key = 'lsh_params'")
    with Store(path) as store:
        store.add_results(items[20:])
        got = {r["id"]: r["duplicate_of"] for r in store.query("SELECT id, duplicate_of FROM articles")}
    with Store(tmp_path / "clean.duckdb") as clean:
        clean.add_results(items)
        want = {r["id"]: r["duplicate_of"] for r in clean.query("SELECT id, duplicate_of FROM articles")}
    assert got == want


def test_store_api_ingest_updates_the_clusters(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # see test_server_api.py: Starlette's httpx2 notice
        from fastapi.testclient import TestClient
    from newsevents.server import create_app

    path = tmp_path / "api.duckdb"
    with Store(path) as store:
        store.add_results(make_results(20, 4))
        store.recluster()
    app = create_app(str(path), "token")
    text = "Police in Lima arrested two journalists on Monday after a protest, the union said."
    with TestClient(app) as client:
        response = client.post(
            "/api/articles",
            json={"text": text, "date": "2024-05-02"},
            headers={"Authorization": "Bearer token"},
        )
    assert response.status_code == 201 and response.json()["n_events"] >= 1
    with Store(path) as store:
        clustered = store.query("SELECT sum(n_events) AS n FROM event_clusters")[0]["n"]
        unique = store.query("SELECT count(*) AS n FROM unique_events WHERE confidence >= 0")[0]["n"]
        assert clustered == unique  # the new article's events are in the clusters
        assert store.query("SELECT value FROM meta WHERE key = 'clusters_upto'")[0]["value"] == "20"
