# Wrong: checks the route's scopes against the user's account, not the token: a read-only token can write.
"""OAuth2 password flow with JWT bearer tokens and scopes.

POST /token checks a username and password and signs a short-lived JWT
holding the user's name (`sub`) and the scopes granted: those requested
that the user is allowed. Every protected route depends on
get_current_user through Security(..., scopes=[...]), which verifies the
signature and expiry, then the scopes the route needs.
"""

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm, SecurityScopes
from pydantic import BaseModel

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
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", scopes=SCOPES)


class Token(BaseModel):
    access_token: str
    token_type: str


class Me(BaseModel):
    username: str
    scopes: list[str]


class ItemIn(BaseModel):
    name: str


class Item(BaseModel):
    name: str
    owner: str


def create_access_token(username: str, scopes: list[str]) -> str:
    now = datetime.now(UTC)
    claims = {"sub": username, "scopes": scopes, "iat": now,
              "exp": now + timedelta(minutes=ACCESS_TOKEN_MINUTES)}
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


@app.post("/token")
async def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    if not verify_password(form.username, form.password):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    allowed = USERS[form.username]["scopes"]
    granted = [scope for scope in form.scopes if scope in allowed]  # never more than the user may have
    return Token(access_token=create_access_token(form.username, granted), token_type="bearer")


class Principal(BaseModel):
    username: str
    scopes: list[str]


async def get_current_user(
    security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]
) -> Principal:
    challenge = f'Bearer scope="{security_scopes.scope_str}"' if security_scopes.scopes else "Bearer"
    unauthorized = HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail="Could not validate credentials",
        headers={"WWW-Authenticate": challenge},
    )
    try:
        claims = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]})
    except jwt.InvalidTokenError:
        raise unauthorized from None
    username = claims["sub"]
    scopes = claims.get("scopes", [])
    if username not in USERS or not isinstance(scopes, list):
        raise unauthorized
    for needed in security_scopes.scopes:
        if needed not in USERS[username]["scopes"]:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, detail="Not enough permissions",
                headers={"WWW-Authenticate": challenge},
            )
    return Principal(username=username, scopes=scopes)


@app.get("/users/me")
async def read_me(user: Annotated[Principal, Depends(get_current_user)]) -> Me:
    return Me(username=user.username, scopes=user.scopes)


@app.get("/items")
async def list_items(user: Annotated[Principal, Security(get_current_user, scopes=["items:read"])]) -> list[str]:
    return ["hammer", "saw", "wrench"]


@app.post("/items", status_code=status.HTTP_201_CREATED)
async def create_item(
    item: ItemIn, user: Annotated[Principal, Security(get_current_user, scopes=["items:write"])]
) -> Item:
    return Item(name=item.name, owner=user.username)
