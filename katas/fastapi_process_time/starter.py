"""An HTTP middleware that times every request and reports it in X-Process-Time. See README.md."""

from fastapi import FastAPI, HTTPException, Request

app = FastAPI(title="Timed API")

ITEMS: dict[int, str] = {1: "hammer", 2: "saw"}


@app.middleware("http")
async def add_process_time(request: Request, call_next):
    """Time the rest of the app and add the X-Process-Time header to its response."""
    response = await call_next(request)
    # TODO: measure how long that took and add the header
    return response


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/items/{item_id}")
async def read_item(item_id: int) -> dict[str, int | str]:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"id": item_id, "name": ITEMS[item_id]}
