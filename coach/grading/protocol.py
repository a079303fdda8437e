"""The channel between the parent and a worker: one typed shape per message.

The parent sends one :class:`Job` (a JSON line on the worker's stdin); the
worker answers with JSON lines on a pipe of its own, each carrying the job's
token. Both sides import these types, so a field renamed on one side is a type
error on the other. :func:`parse` turns a received line into a message (or
``None`` for anything malformed, which the parent treats as tampering).
"""

from __future__ import annotations

import json
from typing import Literal, NotRequired, TypedDict


class JobLimits(TypedDict):
    cpu: float
    memory: int
    file_size: int


class Job(TypedDict):
    token: str
    module: str  # the solution's module name
    test_files: list[str]  # the suite's files, in order
    output_cap: int  # characters of output kept per test
    limits: JobLimits
    test_limit: float  # seconds per test unless its timeout marker says otherwise
    plan: bool  # if the solution cannot be imported or the suite not collected, list the tests with a stand-in
    only: list[str] | None  # node ids to run (a fresh worker continuing a run), or all
    trace_file: str  # where the worker's watchdog dumps the stack of a test that overran


class Ready(TypedDict):
    ev: Literal["ready"]


class Phase(TypedDict):
    ev: Literal["phase"]
    phase: str


class Plan(TypedDict):
    """Every test item, parametrized cases included, collected before the solution ran."""

    ev: Literal["plan"]
    ids: list[str]
    tasks: dict[str, int]  # node id -> task number (concept exercises)
    limits: dict[str, float]  # node id -> seconds allowed


class PlanError(TypedDict):
    ev: Literal["plan_error"]
    message: str


class ImportOutput(TypedDict):
    ev: Literal["import_output"]
    output: str


class ImportError_(TypedDict):
    ev: Literal["import_error"]
    kind: str  # syntax, exit, memory, exception, tamper, skip
    message: str


class CollectError(TypedDict):
    ev: Literal["collect_error"]
    message: str


class Collected(TypedDict):
    ev: Literal["collected"]
    ids: list[str]
    tasks: dict[str, int]  # as in Plan
    limits: dict[str, float]


class Start(TypedDict):
    ev: Literal["start"]
    id: str
    limit: float


class Special(TypedDict):
    kind: str  # memory, file_size, exit, interrupted, tamper
    code: NotRequired[str]
    by: NotRequired[str]
    what: NotRequired[str]


Outcome = Literal["passed", "failed", "error", "skipped"]


class Result(TypedDict):
    ev: Literal["result"]
    id: str
    outcome: Outcome
    ms: float
    message: str
    details: str
    output: str
    stdout: str
    special: Special | None
    parent: str | None  # for a subtest: the node id of its test
    variation: str | None  # for a subtest: its message


class Tamper(TypedDict):
    """Found after the last test: the solution changed the test framework during the run."""

    ev: Literal["tamper"]
    what: str


class Done(TypedDict):
    ev: Literal["done"]


Message = (Ready | Phase | Plan | PlanError | ImportOutput | ImportError_ | CollectError | Collected
           | Start | Result | Tamper | Done)
KINDS = frozenset({"ready", "phase", "plan", "plan_error", "import_output", "import_error",
                   "collect_error", "collected", "start", "result", "tamper", "done"})


def encode(token: str, message: Message, t: float) -> bytes:
    return (json.dumps({"k": token, "t": t, **message}) + "\n").encode()


def parse(raw: bytes, token: str) -> Message | None:
    """A message for this run, or None: not JSON, not a known kind, or the wrong token."""
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("ev") not in KINDS:
        return None
    if data["ev"] != "ready" and data.get("k") != token:
        return None
    return data  # type: ignore[return-value]
