"""The HTTP API and web page of ``newsevents serve`` (see docs/server.md)."""

from __future__ import annotations

from newsevents.server.app import create_app

__all__ = ["create_app"]
