# Wrong: streams the NDJSON route as one JSON array, built in memory, instead of one object per line.
"""Streaming exports: CSV and NDJSON bodies produced row by row.

Both routes hand a generator to StreamingResponse, so the body goes out
while fetch_rows() is still producing rows: memory stays flat however many
rows there are, and the client sees the first bytes at once.
"""

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI(title="Exports")

FIELDS = ["id", "name", "email"]


def fetch_rows() -> Iterator[dict[str, Any]]:
    """Given: the rows of the users table, one at a time, like a database cursor."""
    for i in range(1, 1001):
        yield {"id": i, "name": f"User {i}", "email": f"user{i}@example.com"}


def csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The header, then one properly quoted CSV line per row (csv's \\r\\n endings)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        if buffer.tell() >= 8192:  # send in chunks of about 8 KiB, not a tiny write per row
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def ndjson_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row) + "\n"


@app.get("/export.csv")
def export_csv() -> StreamingResponse:
    return StreamingResponse(
        csv_lines(fetch_rows()),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="users.csv"'},
    )


@app.get("/export.ndjson")
def export_ndjson() -> StreamingResponse:
    return StreamingResponse(iter([json.dumps(list(fetch_rows()))]), media_type="application/x-ndjson")
