"""Cross-article event clusters over hand-made Event records (independent of the events stage)."""

from __future__ import annotations

import pytest

from newsevents.model import Article, Event, Location, Participant, Result, Span
from newsevents.store import Store
from newsevents.store.clusters import (
    ClusterInput,
    ClusterRules,
    cluster_events,
    dates_compatible,
    normalise_name,
)

REPORT_A = (
    "Ukrainian Foreign Minister Dmytro Kuleba met his Russian counterpart Sergei Lavrov in Antalya on Thursday, "
    "the first high-level contact since the invasion; Kuleba said afterwards there was no progress on a ceasefire."
)
REPORT_B = (
    "In the Turkish resort of Antalya, Russia's foreign minister Sergey Lavrov held talks with Dmytro Kuleba of "
    "Ukraine. Lavrov told journalists the meeting produced no agreement on a truce."
)


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def participant(
    text: str, mention: str, name: str, country: str | None, sector: str | None = "GOV"
) -> Participant:
    return Participant(name, f"a-{name}", country, sector, span(text, mention))


def event(
    article_id: str,
    text: str,
    *,
    trigger: str,
    actor: Participant | None,
    recipient: Participant | None,
    date: str | None = "2022-03-10",
    place: str | None = "Antalya",
    type: str = "CONSULT",
    coords: tuple[float, float] = (36.9, 30.7),
    seq: int = 0,
) -> Event:
    location = Location(place, "TUR", *coords, span(text, place)) if place else None
    return Event(
        f"e{seq}", article_id, type, None, None, actor, recipient, date, "text", None, location,
        span(text, trigger), span(text, trigger), "test", 0.9,
    )  # fmt: skip


def kuleba_lavrov_events() -> list[Event]:
    a = event(
        "art-a",
        REPORT_A,
        trigger="met",
        actor=participant(REPORT_A, "Dmytro Kuleba", "Dmytro Kuleba", "UKR"),
        recipient=participant(REPORT_A, "Sergei Lavrov", "Sergei Lavrov", "RUS"),
    )
    b = event(
        "art-b",
        REPORT_B,
        trigger="held talks",
        actor=participant(REPORT_B, "Sergey Lavrov", "Sergey Lavrov", "RUS"),
        recipient=participant(REPORT_B, "Dmytro Kuleba", "Dmytro Kuleba", "UKR"),
    )
    return [a, b]


def test_clusters_normalise_name_ignores_case_accents_and_article() -> None:
    assert normalise_name("The Kremlin") == normalise_name("kremlin")
    assert normalise_name("Mevlüt Çavuşoğlu") == normalise_name("Mevlut Cavusoglu")


@pytest.mark.parametrize(
    ("a", "b", "gap", "expected"),
    [
        ("2022-03-10", "2022-03-10", 0, True),
        ("2022-03", "2022-03-10", 0, True),
        ("2022", "2022-03-10", 0, True),
        ("2022-03-10", "2022-03-11", 0, False),
        ("2022-03-10", "2022-03-11", 1, True),
        ("2022-04", "2022-03-10", 0, False),
        (None, "2022-03-10", 0, False),
    ],
)
def test_clusters_dates_compatible(a: str | None, b: str, gap: int, expected: bool) -> None:
    assert dates_compatible(a, b, gap) is expected


def test_clusters_two_reports_of_one_meeting_form_one_cluster() -> None:
    # Report B names Lavrov first: for a symmetric type (CONSULT) the two sides may be swapped.
    a, b = kuleba_lavrov_events()
    clusters = cluster_events([ClusterInput.from_event(a), ClusterInput.from_event(b)])
    assert len(clusters) == 1
    row = clusters[0].row()
    assert row[-5] == 2  # n_articles
    assert sorted(row[-3]) == ["art-a", "art-b"]


def test_clusters_reversed_roles_of_a_directed_type_stay_apart() -> None:
    a, b = kuleba_lavrov_events()
    a, b = (Event(**{**_fields(e), "type": "ACCUSE"}) for e in (a, b))
    assert len(cluster_events([ClusterInput.from_event(a), ClusterInput.from_event(b)])) == 2
    assert (
        len(
            cluster_events(
                [ClusterInput.from_event(a), ClusterInput.from_event(b)], ClusterRules(symmetric_types=())
            )
        )
        == 2
    )


def _fields(e: Event) -> dict[str, object]:
    return {name: getattr(e, name) for name in e.__dataclass_fields__}


def _variant(e: Event, **changes: object) -> ClusterInput:
    return ClusterInput.from_event(Event(**{**_fields(e), "article_id": "art-c", **changes}))


@pytest.mark.parametrize(
    ("change", "merges"),
    [
        ({}, True),
        ({"date": "2022-03"}, True),  # month precision overlaps the day
        ({"date": "2022-03-14"}, False),
        ({"type": "MEET"}, False),
        ({"recipient": None}, False),
        ({"location": None}, True),  # a place not reported does not contradict one
        ({"location": Location("Kyiv", "UKR", 50.45, 30.52, Span(0, 4, "Ukra"))}, False),
        ({"location": Location("Belek", "TUR", 36.86, 31.05, Span(0, 4, "Ukra"))}, True),  # ~30 km away
    ],
)
def test_clusters_rule_on_date_type_participants_and_place(change: dict[str, object], merges: bool) -> None:
    a, _ = kuleba_lavrov_events()
    clusters = cluster_events([ClusterInput.from_event(a), _variant(a, **change)])
    assert (len(clusters) == 1) is merges


@pytest.mark.parametrize(
    ("name", "country", "sector", "merges"),
    [
        ("Kuleba", "UKR", None, True),  # surname + country
        ("Kuleba", None, None, False),  # a bare surname without country is too weak
        ("Foreign Minister Dmytro Kuleba", "UKR", None, True),
        ("DMYTRO KULEBA", None, None, True),  # same normalised name
        ("Ukraine", "UKR", "GOV", True),  # POLECAT-style country + sector
        ("Ukraine", "UKR", "MIL", False),
        ("Dmytro Kuleba", "UKR", None, True),
        ("Denys Shmyhal", "UKR", None, False),
    ],
)
def test_clusters_participant_matching(
    name: str, country: str | None, sector: str | None, merges: bool
) -> None:
    a, _ = kuleba_lavrov_events()
    other = Participant(name, "x", country, sector, a.actor.span)  # type: ignore[union-attr]
    assert (len(cluster_events([ClusterInput.from_event(a), _variant(a, actor=other)])) == 1) is merges


def test_clusters_country_sector_matching_can_be_switched_off() -> None:
    a, _ = kuleba_lavrov_events()
    moscow = Participant("Moscow", "x", "RUS", "GOV", a.recipient.span)  # type: ignore[union-attr]
    inputs = [ClusterInput.from_event(a), _variant(a, recipient=moscow)]
    assert len(cluster_events(inputs)) == 1
    assert len(cluster_events(inputs, ClusterRules(match_country_sector=False))) == 2


def test_clusters_rules_from_yaml_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rules.yaml"
    path.write_text("max_day_gap: 2\nrequire_place: true\n", encoding="utf-8")
    rules = ClusterRules.from_file(path)
    assert rules.max_day_gap == 2 and rules.require_place
    path.write_text("max_days: 2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown cluster rule"):
        ClusterRules.from_file(path)


def test_clusters_store_rebuild_counts_articles_and_skips_duplicates() -> None:
    a, b = kuleba_lavrov_events()
    copy_text = REPORT_A + " "  # a wire copy of report A: a different id, near-identical text
    copy_event = Event(**{**_fields(a), "article_id": "art-copy"})
    results = [
        Result(Article("art-a", REPORT_A, "2022-03-10", "day"), events=(a,)),
        Result(Article("art-b", REPORT_B, "2022-03-10", "day"), events=(b,)),
        Result(Article("art-copy", copy_text, "2022-03-10", "day"), events=(copy_event,)),
    ]
    store = Store(":memory:")
    store.add_results(results)
    assert (
        store.query("SELECT duplicate_of FROM articles WHERE id = 'art-copy'")[0]["duplicate_of"] == "art-a"
    )
    assert store.recluster() == 1
    row = store.query("SELECT n_articles, n_events, article_ids, type, date FROM event_clusters")[0]
    assert row["n_articles"] == 2 and row["n_events"] == 2
    assert sorted(row["article_ids"]) == ["art-a", "art-b"]
    assert (row["type"], row["date"]) == ("CONSULT", "2022-03-10")
    flat = store.query("SELECT event_key, cluster_id FROM events_flat ORDER BY event_key")
    assert [r["cluster_id"] is None for r in flat] == [False, False, True]  # the copy's event is not counted
