"""Tests for the API-key dependency, driven in-process with FastAPI's TestClient."""

import hmac
import secrets
import traceback
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import key_auth
from key_auth import app, require_api_key

SOLUTION = Path(key_auth.__file__).resolve()

ALICE = "sk-alice-9f2c7e41"
BOB = "sk-bob-3d8a0b6c"


def describe(exc):
    """One line naming the exception the app raised and the solution line it came from."""
    where = ""
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == SOLUTION:
            where = f" ({SOLUTION.name}, line {line}, in {frame.f_code.co_name})"
    return f"the app raised {type(exc).__name__}: {exc}{where}"


class Client(TestClient):
    """A TestClient that turns an exception inside the app into a short test failure.

    (pytest's full traceback through FastAPI's internals is long and slow to print.)
    """

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


@pytest.fixture(autouse=True)
def no_overrides():
    app.dependency_overrides.clear()
    yield
    app.dependency_overrides.clear()


def assert_json(response, status, body):
    assert response.status_code == status, f"expected {status}, got {response.status_code}: {response.text}"
    assert response.json() == body
    assert type(response.json()) is dict


def assert_401(response, detail):
    assert_json(response, 401, {"detail": detail})
    assert response.headers.get("www-authenticate") == "APIKey", (
        f"a 401 must carry 'WWW-Authenticate: APIKey', got {response.headers.get('www-authenticate')!r}"
    )


# -- the public route ---------------------------------------------------------------

def test_public_needs_no_key():
    assert_json(client.get("/public"), 200, {"message": "hello, world"})


def test_public_ignores_a_bad_key():
    assert_json(client.get("/public", headers={"X-API-Key": "nonsense"}), 200, {"message": "hello, world"})


# -- the protected route ----------------------------------------------------------

def test_valid_keys_return_their_client():
    assert_json(client.get("/me", headers={"X-API-Key": ALICE}), 200, {"client": "alice"})
    assert_json(client.get("/me", headers={"X-API-Key": BOB}), 200, {"client": "bob"})


def test_header_name_is_case_insensitive():
    assert_json(client.get("/me", headers={"x-api-key": BOB}), 200, {"client": "bob"})


def test_missing_key():
    assert_401(client.get("/me"), "Missing API key")


def test_empty_key_counts_as_missing():
    assert_401(client.get("/me", headers={"X-API-Key": ""}), "Missing API key")


@pytest.mark.parametrize("key", [
    "nonsense",
    "sk-alice",
    ALICE + "0",
    ALICE.upper(),
    "alice",
    ALICE[:-1] + "2",
], ids=["nonsense", "prefix", "extended", "upper case", "the client's name", "last character"])
def test_invalid_key(key):
    assert_401(client.get("/me", headers={"X-API-Key": key}), "Invalid API key")


def test_non_ascii_key_is_invalid_not_a_crash():
    # Header bytes arrive as latin-1 text; secrets.compare_digest raises
    # TypeError when given a non-ASCII str.
    response = client.get("/me", headers={"X-API-Key": "sk-alicé-🔑".encode()})
    assert_401(response, "Invalid API key")


def test_key_in_the_query_string_is_not_accepted():
    assert_401(client.get("/me", params={"api_key": ALICE}), "Missing API key")
    assert_401(client.get("/me", params={"X-API-Key": ALICE}), "Missing API key")


def test_key_in_another_header_is_not_accepted():
    assert_401(client.get("/me", headers={"Authorization": f"Bearer {ALICE}"}), "Missing API key")


# -- constant-time comparison -------------------------------------------------------

@pytest.fixture
def digest_calls(monkeypatch):
    """Record every call to compare_digest, however the solution imported it."""
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    monkeypatch.setattr(secrets, "compare_digest", spy)
    for name, value in list(vars(key_auth).items()):
        if value is real:  # from secrets import compare_digest
            monkeypatch.setattr(key_auth, name, spy)
    return calls


def test_keys_are_compared_with_compare_digest(digest_calls):
    assert_401(client.get("/me", headers={"X-API-Key": "sk-mallory-00000000"}), "Invalid API key")
    assert digest_calls, "compare a wrong key with secrets.compare_digest, not ==, `in` or a dict lookup"
    digest_calls.clear()
    assert_json(client.get("/me", headers={"X-API-Key": ALICE}), 200, {"client": "alice"})
    assert digest_calls, "compare a valid key with secrets.compare_digest too"


def test_compare_digest_decides(monkeypatch):
    # compare_digest is the only judge: here it is told to ignore case, so a
    # key that differs from alice's only in case must get in. A solution that
    # finds the key with ==, `in` or a dict lookup (calling compare_digest
    # afterwards as a formality) still answers 401.
    real = hmac.compare_digest

    def ignoring_case(a, b):
        real(a, b)  # keeps compare_digest's own type checks
        return a.lower() == b.lower()

    monkeypatch.setattr(hmac, "compare_digest", ignoring_case)
    monkeypatch.setattr(secrets, "compare_digest", ignoring_case)
    for name, value in list(vars(key_auth).items()):
        if value is real:
            monkeypatch.setattr(key_auth, name, ignoring_case)
    response = client.get("/me", headers={"X-API-Key": ALICE.upper()})
    assert response.status_code == 200, (
        "the key must be found by comparing it with compare_digest against each configured key, "
        f"not looked up with == or `in` first; got {response.status_code}"
    )
    assert response.json() == {"client": "alice"}


# -- dependency injection ------------------------------------------------------------

def test_me_uses_the_dependency():
    app.dependency_overrides[require_api_key] = lambda: "tester"
    assert_json(client.get("/me"), 200, {"client": "tester"})
    assert_json(client.get("/me", headers={"X-API-Key": "wrong"}), 200, {"client": "tester"})


def test_public_does_not_use_the_dependency():
    def refuse():
        raise AssertionError("GET /public must not depend on require_api_key")

    app.dependency_overrides[require_api_key] = refuse
    assert_json(client.get("/public"), 200, {"message": "hello, world"})


def test_dependency_result_is_per_request():
    # No caching of the first caller between requests.
    assert_json(client.get("/me", headers={"X-API-Key": ALICE}), 200, {"client": "alice"})
    assert_json(client.get("/me", headers={"X-API-Key": BOB}), 200, {"client": "bob"})
    assert_401(client.get("/me"), "Missing API key")
    assert_json(client.get("/me", headers={"X-API-Key": ALICE}), 200, {"client": "alice"})
