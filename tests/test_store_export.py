"""Exports for other engines and other projects' layouts: Hive-partitioned Parquet, GDELT 2.0, POLECAT."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.model import Result
from newsevents.store import Store
from newsevents.store.layouts import GDELT_COLUMNS, POLECAT_COLUMNS, crosswalk
from test_server_actor import results as kb_results

ONTOLOGY = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "ontology"


def _undated(r: Result) -> Result:
    """The same article without any date, so one partition is 'undated'."""
    events = tuple(replace(e, date=None, date_source=None, date_span=None) for e in r.events)
    article = replace(r.article, id=r.article.id + "-undated", date=None, date_precision=None)
    return replace(
        r, article=article, events=tuple(replace(e, article_id=article.id) for e in events),
        actors=tuple(replace(a, article_id=article.id) for a in r.actors),
        quotes=tuple(replace(q, article_id=article.id) for q in r.quotes),
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "store.duckdb"
    items = kb_results()
    with Store(path) as store:
        store.add_results([*items, _undated(items[1])])
        store.recluster()
    return path


def _plain(value: object) -> object:
    """Arrow/NumPy containers → Python lists and dicts, so two readers' rows compare equal."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value


def _rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    frame = frame.sort_values(["article_id", "seq"]).reset_index(drop=True)
    return [{k: _plain(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")]


def test_store_export_month_partitions_read_back_with_dask(tmp_path: Path, db: Path) -> None:
    import dask.dataframe as dd

    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["export", "--db", str(db), "--out", str(out), "--format", "parquet", "--partition", "month"]
    )
    assert result.exit_code == 0, result.output
    months = sorted(p.name for p in (out / "events").iterdir())
    assert months == ["month=2023-03", "month=2023-05", "month=undated"]
    back = dd.read_parquet(str(out / "events")).compute()
    assert set(back["month"].astype(str)) == {"2023-03", "2023-05", "undated"}
    with Store(db, read_only=True) as store:
        table = store.events_frame("events")
    assert _rows(back.drop(columns=["month"])[list(table.columns)]) == _rows(table)
    # DuckDB reads the same directory tree as one dataset too
    glob = str(out / "events" / "**" / "*.parquet")
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true)").fetchall()
    assert n[0][0] == len(table)
    assert (out / "actors.parquet").exists()  # tables without a date stay single files


def test_store_export_gdelt_layout_has_the_gdelt_columns(tmp_path: Path, db: Path) -> None:
    with Store(db, read_only=True) as store:
        gdelt = store.events_frame("gdelt")
        n_events = store.tables()["events"]
    assert tuple(gdelt.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    assert len(gdelt) == n_events
    consult = gdelt[gdelt["EventRootCode"] == "04"]
    assert len(consult) == 2 and set(consult["QuadClass"]) == {1}
    assert set(consult["Actor1Code"]) | set(consult["Actor2Code"]) >= {"DEUGOV", "UKRGOV"}
    protest = gdelt[gdelt["EventRootCode"] == "14"].iloc[0]
    assert protest["QuadClass"] == 4 and protest["GoldsteinScale"] < 0
    assert protest["ActionGeo_FullName"] == "Lagos" and protest["SQLDATE"] == 20230320
    assert gdelt["GLOBALEVENTID"].is_unique
    # CSV as GDELT publishes it: tab-separated, no header, 61 fields
    CliRunner().invoke(
        app, ["export", "--db", str(db), "--out", str(tmp_path), "--format", "csv", "--layout", "gdelt"]
    )
    with (tmp_path / "gdelt_events.csv").open(encoding="utf-8") as f:
        lines = list(csv.reader(f, delimiter="\t"))
    assert len(lines) == n_events and {len(x) for x in lines} == {61}


def test_store_export_polecat_layout(db: Path) -> None:
    with Store(db, read_only=True) as store:
        polecat = store.events_frame("polecat", unique_only=True)
    assert tuple(polecat.columns) == POLECAT_COLUMNS
    kov = polecat[polecat["Actor Name"] == "Olena Kovalenko"].iloc[0]
    assert kov["Event Type"] == "CONSULT" and kov["Quad Code"] == 1
    assert kov["Wikipedia Actor ID"] == "kb/kovalenko" and kov["Recipient Country"] == "DEU"
    assert "Olaf Brandt" in kov["Story People"].split(";")


def test_store_export_seed_article_gdelt(seed_result: Result, tmp_path: Path) -> None:
    """The seed article's Tehran meeting comes out as a CAMEO consult (04x)."""
    path = tmp_path / "seed.duckdb"
    with Store(path) as store:
        store.add_results([seed_result])
    out = tmp_path / "g"
    result = CliRunner().invoke(app, ["export", "--db", str(path), "--out", str(out), "--layout", "gdelt"])
    assert result.exit_code == 0, result.output
    gdelt = pd.read_parquet(out / "gdelt_events.parquet")
    assert tuple(gdelt.columns) == GDELT_COLUMNS
    tehran = gdelt[(gdelt["ActionGeo_FullName"] == "Tehran") & gdelt["EventCode"].str.startswith("04")]
    assert len(tehran) >= 1 and set(tehran["EventRootCode"]) == {"04"}


def test_store_export_crosswalk_covers_every_plover_type() -> None:
    types = yaml.safe_load((ONTOLOGY / "plover.yaml").read_text(encoding="utf-8"))["types"]
    rows = crosswalk().to_pylist()
    defaults = {r["plover_type"]: r for r in rows if r["plover_mode"] == ""}
    assert set(defaults) == set(types)
    for t, spec in types.items():
        assert defaults[t]["cameo_code"][:2] in spec["cameo"]  # the type's own CAMEO roots
        modes = {r["plover_mode"] for r in rows if r["plover_type"] == t} - {""}
        assert modes == set(spec.get("modes", []))
    assert all(2 < len(r["cameo_code"]) <= 4 and r["cameo_code"].isdigit() for r in rows)
    assert (defaults["CONSULT"]["cameo_code"], defaults["CONSULT"]["quad_class"]) == ("040", 1)
    assert (
        defaults["ASSAULT"]["goldstein"]
        < defaults["PROTEST"]["goldstein"]
        < 0
        < defaults["CONSULT"]["goldstein"]
    )


def test_store_export_refuses_unknown_options(tmp_path: Path, db: Path) -> None:
    for extra in (
        ["--layout", "acled"],
        ["--partition", "week"],
        ["--partition", "month", "--format", "jsonl"],
    ):
        result = CliRunner().invoke(app, ["export", "--db", str(db), "--out", str(tmp_path), *extra])
        assert result.exit_code == 2 and "Traceback" not in result.output
