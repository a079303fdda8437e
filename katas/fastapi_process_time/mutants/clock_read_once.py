# Wrong: reads the start time once, at import, so every header counts the time since the app started
"""An HTTP middleware that times every request and reports it in X-Process-Time.

The middleware wraps the whole application, routing and exception handlers
included, so 404s, 405s, 422s and HTTPException responses are timed too.
time.perf_counter() is monotonic and high-resolution: the right clock for
durations (time.time() can jump when the system clock is corrected;
time.process_time() counts CPU time only, so it misses time spent waiting).
"""

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, HTTPException, Request, Response

app = FastAPI(title="Timed API")

ITEMS: dict[int, str] = {1: "hammer", 2: "saw"}


START = time.perf_counter()


@app.middleware("http")
async def add_process_time(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    start = START
    response = await call_next(request)
    # Fixed-point, never exponent notation: str(0.00004) would give "4e-05".
    response.headers["X-Process-Time"] = f"{time.perf_counter() - start:.6f}"
    return response


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/items/{item_id}")
async def read_item(item_id: int) -> dict[str, int | str]:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"id": item_id, "name": ITEMS[item_id]}
