"""Tests for the items API, driven in-process with FastAPI's TestClient."""

import traceback
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import items_api
from items_api import app, items

SOLUTION = Path(items_api.__file__).resolve()


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
    with client:  # one event loop for the whole module: much faster than one per request
        yield


@pytest.fixture(autouse=True)
def empty_store():
    items.clear()
    yield
    items.clear()


def create(name, price, **extra):
    response = client.post("/items", json={"name": name, "price": price, **extra})
    assert response.status_code == 201, (
        f"POST /items should answer 201 Created, got {response.status_code}: {response.text}"
    )
    return response.json()


def assert_item(body, expected):
    assert type(body) is dict, f"expected a JSON object, got {body!r}"
    assert body == expected
    assert type(body["id"]) is int and type(body["quantity"]) is int, f"id and quantity must be integers: {body!r}"
    assert type(body["price"]) in (int, float), f"price must be a JSON number: {body!r}"


def assert_422(response, loc):
    """A FastAPI validation error that names `loc` (a list such as ["query", "limit"])."""
    assert response.status_code == 422, f"expected 422, got {response.status_code}: {response.text}"
    body = response.json()
    assert type(body) is dict and type(body.get("detail")) is list, (
        f"expected FastAPI's error body {{'detail': [...]}}, got {body!r}"
    )
    for error in body["detail"]:
        assert type(error) is dict and {"type", "loc", "msg"} <= error.keys(), f"not a validation error: {error!r}"
    locs = [error["loc"] for error in body["detail"]]
    assert loc in locs, f"expected an error at {loc}, got errors at {locs}"


def listed(response):
    assert response.status_code == 200, f"expected 200, got {response.status_code}: {response.text}"
    body = response.json()
    assert type(body) is list, f"GET /items should return a JSON array, got {body!r}"
    return body


# -- POST /items -----------------------------------------------------------------

def test_create_returns_201_and_the_item():
    response = client.post("/items", json={"name": "Desk lamp", "price": 24.5, "quantity": 3})
    assert response.status_code == 201, f"expected 201 Created, got {response.status_code}: {response.text}"
    assert_item(response.json(), {"id": 1, "name": "Desk lamp", "price": 24.5, "quantity": 3})


def test_ids_count_up_from_one():
    assert create("a", 1.5)["id"] == 1
    assert create("b", 2.5)["id"] == 2
    assert create("c", 3.5)["id"] == 3


def test_quantity_defaults_to_zero():
    assert_item(create("Lamp shade", 9.99), {"id": 1, "name": "Lamp shade", "price": 9.99, "quantity": 0})


def test_name_length_limits():
    assert create("x", 1)["name"] == "x"
    assert create("n" * 50, 1)["name"] == "n" * 50
    assert_422(client.post("/items", json={"name": "", "price": 1}), ["body", "name"])
    assert_422(client.post("/items", json={"name": "n" * 51, "price": 1}), ["body", "name"])


@pytest.mark.parametrize("price", [0, -1, -0.01, "cheap"], ids=["zero", "negative", "slightly negative", "text"])
def test_price_must_be_a_positive_number(price):
    assert_422(client.post("/items", json={"name": "Stool", "price": price}), ["body", "price"])


def test_small_positive_price_is_fine():
    assert create("Sticker", 0.01)["price"] == 0.01


@pytest.mark.parametrize("quantity", [-1, 1.5, "many"], ids=["negative", "fraction", "text"])
def test_quantity_must_be_a_non_negative_integer(quantity):
    assert_422(client.post("/items", json={"name": "Stool", "price": 30, "quantity": quantity}), ["body", "quantity"])


@pytest.mark.parametrize("field", ["name", "price"])
def test_required_fields(field):
    body = {"name": "Stool", "price": 30}
    del body[field]
    assert_422(client.post("/items", json=body), ["body", field])


def test_unknown_fields_are_rejected():
    assert_422(client.post("/items", json={"name": "Stool", "price": 30, "colour": "red"}), ["body", "colour"])


@pytest.mark.parametrize("body", [None, [], ["Stool", 30], "Stool"], ids=["no body", "array", "pair", "string"])
def test_body_must_be_a_json_object(body):
    response = client.post("/items", json=body)
    assert response.status_code == 422, f"expected 422, got {response.status_code}: {response.text}"
    assert type(response.json().get("detail")) is list


def test_invalid_posts_store_nothing():
    client.post("/items", json={"name": "", "price": 1})
    client.post("/items", json={"name": "ok", "price": 0})
    client.post("/items", json={"name": "ok", "price": 1, "extra": True})
    assert len(items) == 0, "a rejected POST must not store anything"
    assert create("first", 1)["id"] == 1


# -- GET /items/{item_id} --------------------------------------------------------

def test_read_one_item():
    create("Desk lamp", 24.5, quantity=3)
    create("Stool", 30)
    response = client.get("/items/2")
    assert response.status_code == 200, f"expected 200, got {response.status_code}: {response.text}"
    assert_item(response.json(), {"id": 2, "name": "Stool", "price": 30, "quantity": 0})
    assert_item(client.get("/items/1").json(), {"id": 1, "name": "Desk lamp", "price": 24.5, "quantity": 3})


def test_unknown_id_is_404():
    create("Desk lamp", 24.5)
    response = client.get("/items/7")
    assert response.status_code == 404, f"expected 404, got {response.status_code}: {response.text}"
    assert response.json() == {"detail": "Item not found"}


@pytest.mark.parametrize("item_id", ["0", "-3", "lamp", "1.5"])
def test_invalid_id_is_422(item_id):
    create("Desk lamp", 24.5)
    assert_422(client.get(f"/items/{item_id}"), ["path", "item_id"])


# -- GET /items -------------------------------------------------------------------

def test_list_defaults_to_the_first_ten():
    for i in range(1, 13):
        create(f"item {i}", i)
    body = listed(client.get("/items"))
    assert [item["id"] for item in body] == list(range(1, 11))
    assert_item(body[0], {"id": 1, "name": "item 1", "price": 1, "quantity": 0})


def test_list_empty_store():
    assert listed(client.get("/items")) == []


def test_offset_and_limit():
    for i in range(1, 8):
        create(f"item {i}", i)
    assert [item["id"] for item in listed(client.get("/items", params={"offset": 2, "limit": 3}))] == [3, 4, 5]
    assert [item["id"] for item in listed(client.get("/items", params={"offset": 5}))] == [6, 7]
    assert listed(client.get("/items", params={"offset": 7})) == []
    assert [item["id"] for item in listed(client.get("/items", params={"limit": 100}))] == list(range(1, 8))
    assert [item["id"] for item in listed(client.get("/items", params={"limit": 1}))] == [1]


@pytest.mark.parametrize("params, loc", [
    ({"limit": 0}, ["query", "limit"]),
    ({"limit": 101}, ["query", "limit"]),
    ({"limit": "ten"}, ["query", "limit"]),
    ({"offset": -1}, ["query", "offset"]),
    ({"offset": "first"}, ["query", "offset"]),
    ({"q": "x" * 51}, ["query", "q"]),
], ids=["limit 0", "limit 101", "limit text", "offset -1", "offset text", "q too long"])
def test_invalid_query_is_422(params, loc):
    assert_422(client.get("/items", params=params), loc)


def test_search_ignores_case():
    create("Red apple", 1)
    create("banana", 2)
    create("green APPLE", 3)
    expected = [
        {"id": 1, "name": "Red apple", "price": 1, "quantity": 0},
        {"id": 3, "name": "green APPLE", "price": 3, "quantity": 0},
    ]
    assert listed(client.get("/items", params={"q": "apple"})) == expected
    assert listed(client.get("/items", params={"q": "APPLE"})) == expected
    assert listed(client.get("/items", params={"q": "kiwi"})) == []
    assert len(listed(client.get("/items", params={"q": "x" * 50}))) == 0


def test_search_then_paginate():
    create("lamp 1", 1)
    create("chair", 2)
    create("lamp 2", 3)
    create("lamp 3", 4)
    page = listed(client.get("/items", params={"q": "lamp", "offset": 1, "limit": 1}))
    assert [item["name"] for item in page] == ["lamp 2"]
