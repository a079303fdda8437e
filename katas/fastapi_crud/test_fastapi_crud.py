"""Tests for the notes API, driven in-process with FastAPI's TestClient."""

import traceback
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import notes_api
from notes_api import app, reset

SOLUTION = Path(notes_api.__file__).resolve()


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


@pytest.fixture(autouse=True)
def empty_store():
    reset()
    yield
    reset()


def expect(response, status, body=None):
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url.path}: expected {status}, "
        f"got {response.status_code}: {response.text}"
    )
    if body is not None:
        assert response.json() == body
    return response


def create(title, body=None):
    payload = {"title": title} if body is None else {"title": title, "body": body}
    return expect(client.post("/notes", json=payload), 201)


def etag(response):
    tag = response.headers.get("etag")
    assert tag, f"expected an ETag header, got headers {dict(response.headers)}"
    assert len(tag) >= 3 and tag.startswith('"') and tag.endswith('"'), f"a strong ETag is a quoted string like '\"1\"', got {tag!r}"
    return tag


def assert_422(response):
    assert response.status_code == 422, f"expected 422, got {response.status_code}: {response.text}"
    assert type(response.json().get("detail")) is list


# -- create ------------------------------------------------------------------------

def test_create():
    response = create("Groceries", "eggs")
    assert response.json() == {"id": 1, "title": "Groceries", "body": "eggs"}
    assert type(response.json()["id"]) is int
    assert response.headers.get("location") == "/notes/1"
    etag(response)


def test_body_defaults_to_empty():
    assert create("Groceries").json() == {"id": 1, "title": "Groceries", "body": ""}


@pytest.mark.parametrize("payload", [
    {"title": ""}, {"title": "x" * 101}, {"body": "no title"}, {"title": "ok", "body": "b" * 10_001},
    {"title": "ok", "colour": "red"}, {"title": 5},
], ids=["empty title", "long title", "no title", "long body", "unknown field", "title not a string"])
def test_create_validation(payload):
    assert_422(client.post("/notes", json=payload))
    assert notes_api.store.notes == {}


def test_ids_are_never_reused():
    create("a")
    create("b")
    expect(client.delete("/notes/2"), 204)
    assert create("c").json()["id"] == 3


# -- read --------------------------------------------------------------------------

def test_read_with_etag():
    created = create("Groceries", "eggs")
    response = expect(client.get("/notes/1"), 200, {"id": 1, "title": "Groceries", "body": "eggs"})
    assert etag(response) == etag(created), "the ETag must not change while the note does not"
    assert etag(expect(client.get("/notes/1"), 200)) == etag(created)


def test_read_missing():
    expect(client.get("/notes/9"), 404, {"detail": "Note not found"})


@pytest.mark.parametrize("note_id", ["0", "-1", "abc"])
def test_read_invalid_id(note_id):
    assert_422(client.get(f"/notes/{note_id}"))


def test_if_none_match_gives_304():
    tag = etag(create("Groceries"))
    response = expect(client.get("/notes/1", headers={"If-None-Match": tag}), 304)
    assert response.content == b"", "a 304 has no body"
    assert response.headers.get("etag") == tag
    expect(client.get("/notes/1", headers={"If-None-Match": '"stale"'}), 200)


# -- list --------------------------------------------------------------------------

def test_list_envelope():
    for i in range(3):
        create(f"note {i}")
    body = expect(client.get("/notes"), 200).json()
    assert body == {
        "items": [{"id": i + 1, "title": f"note {i}", "body": ""} for i in range(3)],
        "total": 3, "limit": 20, "offset": 0,
    }


def test_pagination():
    for i in range(25):
        create(f"note {i + 1}")
    page = expect(client.get("/notes", params={"limit": 10, "offset": 20}), 200).json()
    assert [n["id"] for n in page["items"]] == [21, 22, 23, 24, 25]
    assert page["total"] == 25 and page["limit"] == 10 and page["offset"] == 20
    first = expect(client.get("/notes"), 200).json()
    assert [n["id"] for n in first["items"]] == list(range(1, 21))
    assert first["total"] == 25
    assert expect(client.get("/notes", params={"offset": 30}), 200).json()["items"] == []


def test_list_after_delete_is_in_id_order():
    for i in range(4):
        create(f"note {i + 1}")
    expect(client.delete("/notes/2"), 204)
    body = expect(client.get("/notes", params={"limit": 2, "offset": 1}), 200).json()
    assert [n["id"] for n in body["items"]] == [3, 4]
    assert body["total"] == 3


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "all"}])
def test_list_invalid_params(params):
    assert_422(client.get("/notes", params=params))


# -- PUT ---------------------------------------------------------------------------

def test_put_replaces_the_whole_note():
    tag = etag(create("Groceries", "eggs"))
    response = expect(client.put("/notes/1", json={"title": "Shopping"}, headers={"If-Match": tag}), 200,
                      {"id": 1, "title": "Shopping", "body": ""})
    new_tag = etag(response)
    assert new_tag != tag, "the ETag must change when the note changes"
    assert etag(expect(client.get("/notes/1"), 200, {"id": 1, "title": "Shopping", "body": ""})) == new_tag


def test_put_without_if_match_is_428():
    create("Groceries")
    expect(client.put("/notes/1", json={"title": "Shopping"}), 428, {"detail": "If-Match header required"})
    expect(client.get("/notes/1"), 200, {"id": 1, "title": "Groceries", "body": ""})


def test_put_with_a_stale_etag_is_412():
    old = etag(create("Groceries"))
    current = etag(expect(client.put("/notes/1", json={"title": "A"}, headers={"If-Match": old}), 200))
    expect(client.put("/notes/1", json={"title": "B"}, headers={"If-Match": old}), 412, {"detail": "ETag does not match"})
    # A refused write changes nothing, the ETag included: the tag from the last success still works.
    assert etag(expect(client.get("/notes/1"), 200, {"id": 1, "title": "A", "body": ""})) == current
    expect(client.put("/notes/1", json={"title": "C"}, headers={"If-Match": current}), 200)


def test_put_missing_note():
    expect(client.put("/notes/5", json={"title": "x"}, headers={"If-Match": '"1"'}), 404, {"detail": "Note not found"})
    expect(client.put("/notes/5", json={"title": "x"}), 404, {"detail": "Note not found"})


def test_put_validation():
    tag = etag(create("Groceries"))
    assert_422(client.put("/notes/1", json={"body": "no title"}, headers={"If-Match": tag}))


def test_etag_of_one_note_does_not_fit_another():
    create("first")
    second = etag(create("second"))
    expect(client.put("/notes/2", json={"title": "changed"}, headers={"If-Match": second}), 200)
    # Note 1 and note 2 have both been written; note 2's old tag is stale for note 2.
    expect(client.put("/notes/2", json={"title": "again"}, headers={"If-Match": second}), 412)


# -- PATCH -------------------------------------------------------------------------

def test_patch_changes_only_what_is_sent():
    tag = etag(create("Groceries", "eggs"))
    response = expect(client.patch("/notes/1", json={"body": "milk"}, headers={"If-Match": tag}), 200,
                      {"id": 1, "title": "Groceries", "body": "milk"})
    tag2 = etag(response)
    assert tag2 != tag
    response = expect(client.patch("/notes/1", json={"title": "Shopping"}, headers={"If-Match": tag2}), 200,
                      {"id": 1, "title": "Shopping", "body": "milk"})
    assert etag(response) not in (tag, tag2)


def test_patch_empty_body_keeps_everything():
    tag = etag(create("Groceries", "eggs"))
    expect(client.patch("/notes/1", json={}, headers={"If-Match": tag}), 200, {"id": 1, "title": "Groceries", "body": "eggs"})


def test_patch_without_if_match_is_428():
    create("Groceries")
    expect(client.patch("/notes/1", json={"body": "x"}), 428, {"detail": "If-Match header required"})


def test_patch_with_a_stale_etag_is_412():
    old = etag(create("Groceries"))
    expect(client.patch("/notes/1", json={"body": "one"}, headers={"If-Match": old}), 200)
    expect(client.patch("/notes/1", json={"body": "two"}, headers={"If-Match": old}), 412, {"detail": "ETag does not match"})
    expect(client.get("/notes/1"), 200, {"id": 1, "title": "Groceries", "body": "one"})


def test_patch_rejects_nulls_and_bad_values():
    tag = etag(create("Groceries"))
    assert_422(client.patch("/notes/1", json={"title": None}, headers={"If-Match": tag}))
    assert_422(client.patch("/notes/1", json={"title": ""}, headers={"If-Match": tag}))
    assert_422(client.patch("/notes/1", json={"colour": "red"}, headers={"If-Match": tag}))
    expect(client.get("/notes/1"), 200, {"id": 1, "title": "Groceries", "body": ""})


def test_patch_missing_note():
    expect(client.patch("/notes/3", json={"body": "x"}, headers={"If-Match": '"1"'}), 404, {"detail": "Note not found"})
    expect(client.patch("/notes/3", json={"body": "x"}), 404, {"detail": "Note not found"})


# -- DELETE ------------------------------------------------------------------------

def test_delete():
    create("Groceries")
    response = expect(client.delete("/notes/1"), 204)
    assert response.content == b"", "a 204 has no body"
    expect(client.get("/notes/1"), 404)
    expect(client.delete("/notes/1"), 404, {"detail": "Note not found"})
