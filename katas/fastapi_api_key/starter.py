"""API-key authentication as a FastAPI dependency. See README.md."""

from fastapi import FastAPI

# Key -> the client's name.
API_KEYS: dict[str, str] = {
    "sk-alice-9f2c7e41": "alice",
    "sk-bob-3d8a0b6c": "bob",
}

app = FastAPI(title="API-key demo")


async def require_api_key() -> str:
    """Read the X-API-Key header; return the client's name, or raise a 401 HTTPException."""
    raise NotImplementedError("write require_api_key")


@app.get("/public")
async def public() -> dict[str, str]:
    """Open to everyone."""
    return {"message": "hello, world"}


@app.get("/me")
async def me() -> dict[str, str]:
    """Only for callers with a valid key: {"client": <their name>}."""
    raise NotImplementedError("protect this route with require_api_key")
