"""A notes API: CRUD with pagination, ETags and conditional requests.

The store and reset() are given; keep them. Write the models' constraints
and the six handlers (see README.md).
"""

from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="Notes")


@dataclass
class Store:
    """The in-memory database: id -> {"title", "body", "version"}."""

    notes: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_id: int = 1


store = Store()


def reset() -> None:
    """Empty the store (the tests call this before each test)."""
    store.notes.clear()
    store.next_id = 1


class NoteIn(BaseModel):
    title: str
    body: str = ""


class Note(BaseModel):
    id: int
    title: str
    body: str


@app.post("/notes")
async def create_note(data: NoteIn) -> Note:
    """201 with the note, a Location header and an ETag."""
    raise NotImplementedError("write create_note")


@app.get("/notes")
async def list_notes(limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """{"items": [...], "total": n, "limit": limit, "offset": offset}, by id."""
    raise NotImplementedError("write list_notes")


@app.get("/notes/{note_id}")
async def read_note(note_id: int) -> Note:
    """The note with its ETag; 304 when If-None-Match holds the current ETag."""
    raise NotImplementedError("write read_note")


@app.put("/notes/{note_id}")
async def replace_note(note_id: int, data: NoteIn) -> Note:
    """Replace the whole note; needs a matching If-Match (428 without, 412 if stale)."""
    raise NotImplementedError("write replace_note")


@app.patch("/notes/{note_id}")
async def update_note(note_id: int) -> Note:
    """Change only the fields sent; needs a matching If-Match."""
    raise NotImplementedError("write update_note")


@app.delete("/notes/{note_id}")
async def delete_note(note_id: int) -> None:
    """204 No Content; 404 if there is no such note."""
    raise NotImplementedError("write delete_note")
