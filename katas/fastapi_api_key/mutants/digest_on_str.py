# Wrong: compares str with compare_digest, which raises TypeError (a 500) for a non-ASCII header
"""API-key authentication as a FastAPI dependency.

`require_api_key` reads the X-API-Key header through APIKeyHeader (so the
scheme also shows up in the OpenAPI docs' "Authorize" dialog), compares it
in constant time with every configured key and returns the caller's name.
Routes opt in with Depends, which is also what lets tests swap it out
through app.dependency_overrides.
"""

import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import APIKeyHeader

# In production these come from settings or a secrets store, never the code,
# and are kept hashed. Key -> the client's name.
API_KEYS: dict[str, str] = {
    "sk-alice-9f2c7e41": "alice",
    "sk-bob-3d8a0b6c": "bob",
}

# auto_error=False: a missing header gives None, so we choose the response.
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)

app = FastAPI(title="API-key demo")


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "APIKey"},
    )


async def require_api_key(api_key: Annotated[str | None, Security(api_key_header)]) -> str:
    """Return the name of the client the X-API-Key header belongs to, or answer 401.

    Every configured key is compared, with secrets.compare_digest on bytes:
    the time taken does not depend on how much of a key matched, and
    non-ASCII input is simply wrong rather than a TypeError (compare_digest
    refuses non-ASCII str). O(number of keys) per request.
    """
    if not api_key:  # APIKeyHeader gives None for a missing or empty header
        raise _unauthorized("Missing API key")
    client = None
    for key, name in API_KEYS.items():
        if secrets.compare_digest(api_key, key):
            client = name
    if client is None:
        raise _unauthorized("Invalid API key")
    return client


Client = Annotated[str, Depends(require_api_key)]


@app.get("/public")
async def public() -> dict[str, str]:
    return {"message": "hello, world"}


@app.get("/me")
async def me(client: Client) -> dict[str, str]:
    return {"client": client}
