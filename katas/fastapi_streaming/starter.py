"""Streaming exports: CSV and NDJSON bodies produced row by row. See README.md."""

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI

app = FastAPI(title="Exports")

FIELDS = ["id", "name", "email"]


def fetch_rows() -> Iterator[dict[str, Any]]:
    """Given: the rows of the users table, one at a time, like a database cursor."""
    for i in range(1, 1001):
        yield {"id": i, "name": f"User {i}", "email": f"user{i}@example.com"}


@app.get("/export.csv")
def export_csv() -> None:
    """Stream the rows as CSV, with a header line, as an attachment named users.csv."""
    raise NotImplementedError("write export_csv")


@app.get("/export.ndjson")
def export_ndjson() -> None:
    """Stream the rows as newline-delimited JSON."""
    raise NotImplementedError("write export_ndjson")
