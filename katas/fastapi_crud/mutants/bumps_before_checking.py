# Wrong: PUT bumps the version before checking If-Match: a refused write still changes the ETag.
"""A notes API: CRUD with pagination, ETags and conditional requests.

Each note carries a version that goes up on every change; its ETag is the
quoted version. PUT and PATCH demand If-Match (428 without it, 412 when it
is stale), so two clients editing the same note cannot silently overwrite
each other's changes: optimistic concurrency control over HTTP.
"""

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Path, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field, field_validator

app = FastAPI(title="Notes")

Title = Annotated[str, Field(min_length=1, max_length=100)]
Body = Annotated[str, Field(max_length=10_000)]
NoteId = Annotated[int, Path(ge=1)]


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
    """A whole note: the body of POST and PUT."""

    model_config = ConfigDict(extra="forbid")
    title: Title
    body: Body = ""


class NotePatch(BaseModel):
    """Some fields of a note: the body of PATCH. A field sent as null is an error."""

    model_config = ConfigDict(extra="forbid")
    title: Title | None = None
    body: Body | None = None

    @field_validator("title", "body")
    @classmethod
    def not_null(cls, value: str | None) -> str:
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class Note(BaseModel):
    id: int
    title: str
    body: str


class Page(BaseModel):
    items: list[Note]
    total: int
    limit: int
    offset: int


def etag_of(note: dict[str, Any]) -> str:
    return f'"{note["version"]}"'


def as_note(note_id: int, note: dict[str, Any]) -> Note:
    return Note(id=note_id, title=note["title"], body=note["body"])


def find(note_id: int) -> dict[str, Any]:
    note = store.notes.get(note_id)
    if note is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Note not found")
    return note


def check_if_match(note: dict[str, Any], if_match: str | None) -> None:
    if if_match is None:
        raise HTTPException(status.HTTP_428_PRECONDITION_REQUIRED, detail="If-Match header required")
    if if_match.strip() != etag_of(note):
        raise HTTPException(status.HTTP_412_PRECONDITION_FAILED, detail="ETag does not match")


@app.post("/notes", status_code=status.HTTP_201_CREATED)
async def create_note(data: NoteIn, response: Response) -> Note:
    note_id = store.next_id
    store.next_id += 1
    note = {**data.model_dump(), "version": 1}
    store.notes[note_id] = note
    response.headers["Location"] = f"/notes/{note_id}"
    response.headers["ETag"] = etag_of(note)
    return as_note(note_id, note)


@app.get("/notes")
async def list_notes(
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page:
    ids = sorted(store.notes)
    page = [as_note(i, store.notes[i]) for i in ids[offset:offset + limit]]
    return Page(items=page, total=len(ids), limit=limit, offset=offset)


@app.get("/notes/{note_id}", response_model=Note)
async def read_note(
    note_id: NoteId,
    response: Response,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Any:
    note = find(note_id)
    etag = etag_of(note)
    if if_none_match is not None and etag in (tag.strip() for tag in if_none_match.split(",")):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return as_note(note_id, note)


@app.put("/notes/{note_id}")
async def replace_note(
    note_id: NoteId,
    data: NoteIn,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> Note:
    note = find(note_id)
    expected = etag_of(note)
    note["version"] += 1  # bumped before the check: a refused write still changes the ETag
    if if_match is None:
        raise HTTPException(status.HTTP_428_PRECONDITION_REQUIRED, detail="If-Match header required")
    if if_match.strip() != expected:
        raise HTTPException(status.HTTP_412_PRECONDITION_FAILED, detail="ETag does not match")
    note.update(data.model_dump())
    response.headers["ETag"] = etag_of(note)
    return as_note(note_id, note)


@app.patch("/notes/{note_id}")
async def update_note(
    note_id: NoteId,
    data: NotePatch,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> Note:
    note = find(note_id)
    check_if_match(note, if_match)
    note.update(data.model_dump(exclude_unset=True), version=note["version"] + 1)
    response.headers["ETag"] = etag_of(note)
    return as_note(note_id, note)


@app.delete("/notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_note(note_id: NoteId) -> None:
    find(note_id)
    del store.notes[note_id]
