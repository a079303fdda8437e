"""Tests for the JWT-protected API, driven in-process with FastAPI's TestClient."""

import time
import traceback
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient

import jwt_auth
from jwt_auth import ALGORITHM, SECRET_KEY, app

SOLUTION = Path(jwt_auth.__file__).resolve()


def describe(exc):
    """One line naming the exception the app raised and the solution line it came from."""
    where = ""
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == SOLUTION:
            where = f" ({SOLUTION.name}, line {line}, in {frame.f_code.co_name})"
    return f"the app raised {type(exc).__name__}: {exc}{where}"


class Client(TestClient):
    """A TestClient that turns an exception inside the app into a short test failure."""

    def request(self, method, url, *args, **kwargs):
        try:
            return super().request(method, url, *args, **kwargs)
        except Exception as exc:
            message = f"{method} {url}: {describe(exc)}"
        pytest.fail(message, pytrace=False)  # outside the except: no "during handling" chain


client = Client(app)


@pytest.fixture(scope="module", autouse=True)
def running_app():
    with client:  # one event loop for the whole module
        yield


def expect(response, status, body=None):
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url.path}: expected {status}, "
        f"got {response.status_code}: {response.text}"
    )
    if body is not None:
        assert response.json() == body
    return response


def login(username, password, scope=""):
    return client.post("/token", data={"username": username, "password": password, "scope": scope})


def token_for(username, password, scope=""):
    body = expect(login(username, password, scope), 200).json()
    assert type(body) is dict and body.get("token_type") == "bearer", f"expected token_type 'bearer': {body!r}"
    assert type(body.get("access_token")) is str
    return body["access_token"]


def forge(key=SECRET_KEY, algorithm=ALGORITHM, **claims):
    now = int(time.time())
    payload = {"sub": "alice", "scopes": ["items:read", "items:write"], "iat": now, "exp": now + 600}
    payload.update(claims)
    payload = {k: v for k, v in payload.items() if v is not None}
    return jwt.encode(payload, key, algorithm=algorithm)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def assert_401(response, detail="Could not validate credentials"):
    expect(response, 401, {"detail": detail})
    challenge = response.headers.get("www-authenticate", "")
    assert challenge.startswith("Bearer"), f"a 401 must carry 'WWW-Authenticate: Bearer...', got {challenge!r}"


# -- the token endpoint ---------------------------------------------------------------

def test_login_issues_a_signed_token():
    token = token_for("alice", "wonderland", "items:read")
    claims = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    assert claims["sub"] == "alice"
    assert claims["scopes"] == ["items:read"]


def test_token_expires_in_fifteen_minutes():
    before = time.time()
    claims = jwt.decode(token_for("bob", "builder"), SECRET_KEY, algorithms=[ALGORITHM])
    assert "exp" in claims, "the token needs an expiry (exp)"
    assert before + 14 * 60 <= claims["exp"] <= time.time() + 16 * 60


@pytest.mark.parametrize("username, password", [
    ("alice", "wrong"), ("alice", "WONDERLAND"), ("mallory", "wonderland"), ("bob", "wonderland"),
])
def test_bad_credentials(username, password):
    assert_401(login(username, password), "Incorrect username or password")


def test_login_needs_a_form():
    response = client.post("/token", json={"username": "alice", "password": "wonderland"})
    assert response.status_code == 422, f"the token endpoint reads a form, not JSON: got {response.status_code}"


def test_only_allowed_scopes_are_granted():
    token = token_for("bob", "builder", "items:read items:write")
    assert jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])["scopes"] == ["items:read"]
    expect(client.post("/items", json={"name": "saw"}, headers=bearer(token)), 403)


def test_no_scope_requested_grants_none():
    token = token_for("alice", "wonderland")
    assert jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])["scopes"] == []


# -- /users/me ------------------------------------------------------------------------

def test_me():
    token = token_for("alice", "wonderland", "items:write")
    expect(client.get("/users/me", headers=bearer(token)), 200, {"username": "alice", "scopes": ["items:write"]})


def test_no_token():
    assert_401(client.get("/users/me"), "Not authenticated")


def test_garbage_token():
    assert_401(client.get("/users/me", headers=bearer("not-a-jwt")))


def test_wrong_signature():
    assert_401(client.get("/users/me", headers=bearer(forge(key="another-secret-0123456789abcdef-xyz"))))


def test_unsigned_token():
    token = jwt.encode({"sub": "alice", "scopes": ["items:read"], "exp": int(time.time()) + 600}, None, algorithm="none")
    assert_401(client.get("/users/me", headers=bearer(token)))


def test_expired_token():
    assert_401(client.get("/users/me", headers=bearer(forge(exp=int(time.time()) - 60))))


def test_token_without_expiry():
    assert_401(client.get("/users/me", headers=bearer(forge(exp=None))))


def test_token_without_subject():
    assert_401(client.get("/users/me", headers=bearer(forge(sub=None))))


def test_token_for_an_unknown_user():
    assert_401(client.get("/users/me", headers=bearer(forge(sub="mallory"))))


def test_other_scheme_is_not_accepted():
    token = token_for("alice", "wonderland")
    assert_401(client.get("/users/me", headers={"Authorization": f"Basic {token}"}), "Not authenticated")


# -- scopes -----------------------------------------------------------------------------

def test_read_scope():
    token = token_for("bob", "builder", "items:read")
    expect(client.get("/items", headers=bearer(token)), 200, ["hammer", "saw", "wrench"])


def test_missing_scope_is_403():
    token = token_for("alice", "wonderland", "items:write")
    expect(client.get("/items", headers=bearer(token)), 403, {"detail": "Not enough permissions"})


def test_write_scope():
    token = token_for("alice", "wonderland", "items:read items:write")
    expect(client.post("/items", json={"name": "drill"}, headers=bearer(token)), 201, {"name": "drill", "owner": "alice"})


def test_scopes_come_from_the_token_not_the_user():
    # Alice may write, but this token was issued for reading only.
    token = token_for("alice", "wonderland", "items:read")
    expect(client.post("/items", json={"name": "drill"}, headers=bearer(token)), 403, {"detail": "Not enough permissions"})


def test_scopes_in_a_validly_signed_token_are_trusted():
    # The signature is what makes claims trustworthy: a token signed with the key is believed.
    token = forge(sub="bob", scopes=["items:write"])
    expect(client.post("/items", json={"name": "nail"}, headers=bearer(token)), 201, {"name": "nail", "owner": "bob"})


def test_protected_routes_need_a_token():
    assert_401(client.get("/items"), "Not authenticated")
    assert_401(client.post("/items", json={"name": "x"}), "Not authenticated")


def test_openapi_declares_the_scopes():
    schema = expect(client.get("/openapi.json"), 200).json()
    schemes = schema.get("components", {}).get("securitySchemes", {})
    flows = [s.get("flows", {}).get("password", {}) for s in schemes.values() if s.get("type") == "oauth2"]
    assert flows, "use OAuth2PasswordBearer so the OpenAPI schema declares the password flow"
    assert flows[0].get("tokenUrl") == "token"
    assert set(flows[0].get("scopes", {})) == {"items:read", "items:write"}
