# Wrong: generates str(uuid4()) (36 characters with dashes) instead of uuid4().hex.
"""A request-id middleware: one id per request, visible anywhere below it.

The id lives in a ContextVar. Each request runs in its own asyncio task
with its own copy of the context, so concurrent requests never see each
other's id, and code deep in the call stack (a repository, a log filter)
reads it without it being passed down as an argument.
"""

import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar

from fastapi import FastAPI, HTTPException, Request, Response

HEADER = "X-Request-ID"
_VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")

request_id: ContextVar[str] = ContextVar("request_id", default="-")

app = FastAPI(title="Request ids")
log = logging.getLogger("request_id_app")


def get_request_id() -> str:
    """The current request's id, or "-" outside a request."""
    return request_id.get()


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id`, so a format string can show %(request_id)s."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = get_request_id()
        return True


@app.middleware("http")
async def assign_request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    incoming = request.headers.get(HEADER, "")
    rid = incoming if _VALID.fullmatch(incoming) else str(uuid.uuid4())
    token = request_id.set(rid)
    try:
        response = await call_next(request)
    finally:
        request_id.reset(token)
    response.headers[HEADER] = rid
    return response


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
