"""Property-based API tests generated from the OpenAPI schema (schemathesis): no input gives a 5xx.

Requests go in-process through the ASGI app. Every operation gets a bounded number of examples
(``max_examples``), valid and invalid, with the right bearer token so the ingest path runs too.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # see test_server_api.py: Starlette's httpx2 notice
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis.checks import not_a_server_error, response_schema_conformance
from newsevents.server import create_app
from newsevents.store import Store
from test_server_records import sample_results

TOKEN = "schemathesis-token"

pytestmark = pytest.mark.filterwarnings("ignore::Warning")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    path = tmp_path_factory.mktemp("schemathesis") / "store.duckdb"
    with Store(path) as store:
        store.add_results(sample_results())
    app = create_app(str(path), TOKEN, max_body_bytes=50_000)
    yield schemathesis.openapi.from_asgi("/api/openapi.json", app)
    app.state.store.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,  # the same examples on every run: a CI failure reproduces locally
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_server_schemathesis_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])


def test_server_schemathesis_schema_lists_every_operation(api_schema: schemathesis.BaseSchema) -> None:
    operations = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    for expected in [
        ("GET", "/api/events"),
        ("POST", "/api/extract"),
        ("POST", "/api/articles"),
        ("GET", "/api/stats"),
    ]:
        assert expected in operations


def test_server_schemathesis_fixture_has_data(api_schema: schemathesis.BaseSchema) -> None:
    # Generated reads must hit a store with rows, or "no 5xx" would say little about the SQL paths.
    app = api_schema.app
    assert app.state.store.query("SELECT count(*) AS n FROM events")[0]["n"] == 5
