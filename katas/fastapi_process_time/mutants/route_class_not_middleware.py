# Wrong: times the routes with a custom APIRoute instead of a middleware, missing 404s, 405s and raised HTTPExceptions
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
from fastapi.routing import APIRoute

app = FastAPI(title="Timed API")

ITEMS: dict[int, str] = {1: "hammer", 2: "saw"}


class TimedRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            start = time.perf_counter()
            response = await original(request)
            response.headers["X-Process-Time"] = f"{time.perf_counter() - start:.6f}"
            return response

        return handler


app.router.route_class = TimedRoute


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/items/{item_id}")
async def read_item(item_id: int) -> dict[str, int | str]:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"id": item_id, "name": ITEMS[item_id]}
