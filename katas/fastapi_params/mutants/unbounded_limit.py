# Wrong: lets a client ask for any number of items: no upper bound on limit
"""An in-memory items API: path, query and body parameters validated by FastAPI.

Every constraint is declared on the parameter or the model with
Annotated[...]; FastAPI turns a violation into a 422 before the handler
runs, so the handlers only deal with valid input.

The handlers are `async def` because they never block: they run on the
event loop itself, skipping the threadpool hop a plain `def` handler gets,
and no other request can run between reading len(items) and storing.
"""

from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query, status
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI(title="Items")


class ItemIn(BaseModel):
    """What a client sends to create an item."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not silently dropped

    name: Annotated[str, Field(min_length=1, max_length=50)]
    price: Annotated[float, Field(gt=0)]
    quantity: Annotated[int, Field(ge=0)] = 0


class Item(BaseModel):
    """What the API returns: the stored item with its id."""

    id: int
    name: str
    price: float
    quantity: int


# The store: id -> item. Ids count up from 1; nothing is ever deleted, so
# the next id is len(items) + 1 (and the tests may empty it between runs).
items: dict[int, Item] = {}


@app.post("/items", status_code=status.HTTP_201_CREATED)
async def create_item(item: ItemIn) -> Item:
    new = Item(id=len(items) + 1, **item.model_dump())
    items[new.id] = new
    return new


@app.get("/items/{item_id}")
async def read_item(item_id: Annotated[int, Path(ge=1)]) -> Item:
    try:
        return items[item_id]
    except KeyError:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Item not found") from None


@app.get("/items")
async def list_items(
    q: Annotated[str | None, Query(max_length=50)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1)] = 10,
) -> list[Item]:
    found = sorted(items.values(), key=lambda item: item.id)
    if q is not None:
        needle = q.casefold()
        found = [item for item in found if needle in item.name.casefold()]
    return found[offset:offset + limit]
