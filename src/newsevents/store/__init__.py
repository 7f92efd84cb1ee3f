"""The DuckDB event store: schema, incremental ingest, near-duplicate detection and event clusters."""

from __future__ import annotations

from newsevents.store.duckdb_store import DEFAULT_DB, AddCounts, Store

__all__ = ["DEFAULT_DB", "AddCounts", "Store"]
