"""OAuth2 password flow with JWT bearer tokens and scopes: see README.md.

The users, the password check and the settings are given; keep them. Write
the token endpoint, the get_current_user dependency and the three routes.
"""

import hashlib
import hmac
from fastapi import FastAPI

# -- given: keep as it is -------------------------------------------------------------

SECRET_KEY = "kata-secret-change-me-0123456789abcdef"  # in production: from the environment
ALGORITHM = "HS256"
ACCESS_TOKEN_MINUTES = 15
ITERATIONS = 1_000  # low so the tests run fast; production uses 600,000+ or argon2id

SCOPES = {
    "items:read": "Read items.",
    "items:write": "Create items.",
}


def hash_password(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)


USERS = {
    "alice": {"salt": b"alice-salt", "hash": hash_password("wonderland", b"alice-salt"),
              "scopes": ["items:read", "items:write"]},
    "bob": {"salt": b"bob-salt", "hash": hash_password("builder", b"bob-salt"),
            "scopes": ["items:read"]},
}


def verify_password(username: str, password: str) -> bool:
    user = USERS.get(username)
    if user is None:
        hash_password(password, b"dummy-salt")  # same work for unknown users: no timing oracle
        return False
    return hmac.compare_digest(hash_password(password, user["salt"]), user["hash"])

# -- the app ----------------------------------------------------------------------------


app = FastAPI(title="Items with JWT")


@app.post("/token")
async def login() -> dict[str, str]:
    """Check the form's username and password; return {"access_token", "token_type": "bearer"}."""
    raise NotImplementedError("write login")


async def get_current_user() -> str:
    """Verify the bearer token and the scopes the route needs; return the user."""
    raise NotImplementedError("write get_current_user")


@app.get("/users/me")
async def read_me() -> dict[str, object]:
    raise NotImplementedError("write read_me")


@app.get("/items")
async def list_items() -> list[str]:
    raise NotImplementedError("write list_items")


@app.post("/items")
async def create_item() -> dict[str, str]:
    raise NotImplementedError("write create_item")
