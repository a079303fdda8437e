"""A request-id middleware with contextvars. See README.md.

The routes and describe_work() are given; write request_id, get_request_id,
RequestIdFilter and the middleware.
"""

import logging
from contextvars import ContextVar

from fastapi import FastAPI, HTTPException

HEADER = "X-Request-ID"

request_id: ContextVar[str] = ContextVar("request_id", default="-")  # keep this name

app = FastAPI(title="Request ids")
log = logging.getLogger("request_id_app")


def get_request_id() -> str:
    """The current request's id, or "-" outside a request."""
    raise NotImplementedError("write get_request_id")


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id` to every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        raise NotImplementedError("write RequestIdFilter.filter")


# Write the middleware here: @app.middleware("http") or a pure ASGI class.

def describe_work() -> dict[str, str]:
    """Deep in the call stack: reads the id without being handed it."""
    log.info("working")
    return {"request_id": get_request_id()}


@app.get("/whoami")
async def whoami() -> dict[str, str]:
    return describe_work()


@app.get("/items/{item_id}")
async def read_item(item_id: int) -> dict[str, int]:
    if item_id != 1:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"id": 1}
