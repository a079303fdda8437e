"""The results panel: a row per test, filled in as results arrive.

A concept exercise's tests (``@pytest.mark.task(taskno=N)``) are grouped under
a "Task N" row that counts how many of that task's tests pass; a subtest's row
follows its test's.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from coach.grading.events import ERROR, FAIL, PASS, RunResult, TestResult

MARKS = {PASS: ("✓", "green"), "fail": ("✗", "red"), ERROR: ("!", "red"), "skip": ("-", "yellow"),
         "pending": ("·", "dim"), "running": ("…", "yellow")}
DETAIL_LIMIT = 6000  # characters of one failure's traceback shown before cutting


def _mark(status: str) -> Text:
    symbol, style = MARKS.get(status, ("?", ""))
    return Text(symbol, style=f"bold {style}")


def _name(name: str) -> Text:
    """A test id in full: a long one folds onto a second line instead of losing its id."""
    return Text(name, overflow="fold")


def _heading(task: int, passed: int, done: int, total: int) -> Text:
    text = Text(f"Task {task}" if task else "Other tests", style="bold")
    text.append(f"  {passed}/{total} passed" + (f", {total - done} to run" if done < total else ""), style="dim")
    return text


def _ms(ms: float) -> Text:
    return Text(f"{ms:.0f}", justify="right")


def failure_text(test: TestResult) -> Text:
    """What went wrong in ``test``: the E lines (expected vs got) first, then the traceback."""
    text = Text()
    text.append(test.name + "\n", style="bold")
    details = (test.details or test.message).rstrip()
    headline = [line for line in details.splitlines() if line.startswith("E ")]
    if headline:
        text.append("\n".join(headline) + "\n", style="bold red")
        if len(headline) == len(details.splitlines()):
            details = ""  # nothing but the E lines: they were just shown
        else:
            text.append("\ntraceback:\n", style="dim")
    elif test.message and test.message.strip() not in details:
        if details.strip() in test.message:
            details = ""  # the message already says it all
        text.append(test.message.rstrip() + "\n", style="bold red")
    if len(details) > DETAIL_LIMIT:
        cut = len(details) - DETAIL_LIMIT
        details = details[:DETAIL_LIMIT] + f"\n… {cut} more characters cut"
    if details:
        text.append(details + "\n")
    if test.output.strip():
        text.append("captured output:\n", style="dim")
        text.append(test.output.rstrip()[:4000] + "\n")
    return text


class ResultsPanel(Vertical):
    """Attributes down: the screen calls these methods as grading events arrive."""

    DEFAULT_CSS = """
    ResultsPanel { height: 2fr; min-height: 7; }
    ResultsPanel.passed { border: round $success; }
    ResultsPanel.failed { border: round $error; }
    ResultsPanel #results-summary { height: auto; }
    ResultsPanel #results-table { height: auto; max-height: 50%; min-height: 2; }
    ResultsPanel #results-detail { height: 1fr; min-height: 3; }
    ResultsPanel.-empty #results-table, ResultsPanel.-empty #results-detail { display: none; }
    ResultsPanel.-empty { height: auto; min-height: 3; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.started_at: float | None = None
        self.names: tuple[str, ...] = ()  # the suite's tests, in the order they run
        self.tasks: dict[str, int] = {}  # test name -> task number (concept exercises)
        self.results: dict[str, TestResult] = {}
        self.running_test: str | None = None
        self._row_keys: tuple[str, ...] = ()  # the rows shown, heading rows included
        self.growth_reports: dict[str, str | None] = {}  # test -> growth report (None: measuring)
        self.add_class("-empty")

    def compose(self) -> ComposeResult:
        yield Static("Press ctrl+r to run the tests.", id="results-summary")
        yield DataTable(id="results-table", cursor_type="row")
        with VerticalScroll(id="results-detail"):
            yield Static(id="results-detail-text")

    name_width = 0

    def on_mount(self) -> None:
        self._columns(40)

    def _columns(self, name_width: int) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self.name_width = name_width
        table.add_column(" ", key="mark", width=1)
        table.add_column("test", key="name", width=name_width)
        table.add_column("ms", key="ms", width=6)
        self._row_keys = ()
        self._show_rows()

    def on_resize(self) -> None:
        """The test column takes the width left: ids fold rather than run off the edge."""
        width = max(12, self.size.width - 1 - 6 - 3 * 2 - 2)  # mark, ms, cell padding, scrollbar
        if width != self.name_width:
            self._columns(width)

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def _summary(self, text: str | Text) -> None:
        self.query_one("#results-summary", Static).update(text)

    def _detail(self, text: str | Text) -> None:
        self.query_one("#results-detail-text", Static).update(text)

    # -- the rows ----------------------------------------------------------------
    @property
    def grouped(self) -> bool:
        return any(self.tasks.values())

    def _task_of(self, name: str) -> int:
        result = self.results.get(name)
        return self.tasks.get(name) or (result.task_id if result is not None else 0)

    def _tests(self) -> list[str]:
        """Test rows in order: the suite's tests (then any it did not list), each followed by its subtests."""
        listed = set(self.names)
        tops = list(self.names) + [n for n, r in self.results.items() if r.parent is None and n not in listed]
        subs: dict[str, list[str]] = {}
        for name, result in self.results.items():
            if result.parent is not None:
                subs.setdefault(result.parent, []).append(name)
        rows: list[str] = []
        for name in tops:
            rows.append(name)
            rows += subs.pop(name, [])
        return rows + [sub for group in subs.values() for sub in group]  # subtests of a test not listed

    def _groups(self) -> dict[int, list[str]]:
        """Task number -> its test rows (0: tests of no task, shown last)."""
        groups: dict[int, list[str]] = {}
        for name in self._tests():
            result = self.results.get(name)
            owner = result.parent if result is not None and result.parent else name
            groups.setdefault(self._task_of(owner) or self._task_of(name), []).append(name)
        return dict(sorted(groups.items(), key=lambda item: (item[0] == 0, item[0])))

    def _layout(self) -> tuple[str, ...]:
        if not self.grouped:
            return tuple(self._tests())
        keys: list[str] = []
        for task, names in self._groups().items():
            keys.append(_task_key(task))
            keys += names
        return tuple(keys)

    def _cells(self, key: str) -> tuple[Text, Text, Text | str]:
        task = _task_number(key)
        if task is not None:
            names = self._groups().get(task, [])
            found = [self.results[n] for n in names if n in self.results]
            passed = sum(1 for r in found if r.status == PASS)
            failing = any(r.status in (FAIL, ERROR) for r in found)
            mark = "fail" if failing else PASS if len(found) == len(names) and passed else "pending"
            return _mark(mark), _heading(task, passed, len(found), len(names)), ""
        result = self.results.get(key)
        if result is not None:
            return _mark(result.status), _name(key), _ms(result.ms)
        return _mark("running" if key == self.running_test else "pending"), _name(key), ""

    def _show_rows(self, changed: str | None = None) -> None:
        """Bring the table up to date: rebuilt when rows come or go, else the changed row and its heading."""
        keys = self._layout()
        table = self.table
        if keys != self._row_keys:
            table.clear()
            for key in keys:
                table.add_row(*self._cells(key), key=key, height=None)
            self._row_keys = keys
            return
        if changed is None:
            return
        targets = [changed]
        if self.grouped:
            result = self.results.get(changed)
            owner = result.parent if result is not None and result.parent else changed
            targets.append(_task_key(self._task_of(owner) or self._task_of(changed)))
        for key in targets:
            if key in table.rows:
                for column, value in zip(("mark", "name", "ms"), self._cells(key)):
                    table.update_cell(key, column, value)

    # -- what the screen calls -------------------------------------------------
    def clear(self, message: str = "Press ctrl+r to run the tests.") -> None:
        self._reset((), {})
        self.started_at = None
        self._summary(message)
        self._detail("")
        self.remove_class("passed", "failed")
        self.add_class("-empty")

    def _reset(self, names: tuple[str, ...], tasks: dict[str, int]) -> None:
        self.names, self.tasks, self.results, self.running_test = tuple(names), dict(tasks), {}, None
        self.growth_reports = {}
        self._show_rows()

    def start(self, names: tuple[str, ...], tasks: dict[str, int] | None = None) -> None:
        self._reset(names, tasks or {})
        self.remove_class("-empty")
        self.started_at = time.monotonic()
        self._summary(f"Running {len(names)} tests… (ctrl+r again restarts, ctrl+c cancels)")
        self._detail("")
        self.remove_class("passed", "failed")

    def tick(self) -> None:
        """While a run is going: the elapsed time and how many tests have reported."""
        if self.started_at is None:
            return
        tests = [key for key in self._row_keys if _task_number(key) is None]
        done = sum(1 for key in tests if key in self.results)
        elapsed = time.monotonic() - self.started_at
        self._summary(f"Running… {done}/{len(tests)} tests, {elapsed:.1f} s  (ctrl+c cancels)")

    def collected(self, names: tuple[str, ...], tasks: dict[str, int] | None = None) -> None:
        """The full list of tests (parametrized cases included) and their tasks, before any result."""
        if tuple(names) != self.names or (tasks or {}) != self.tasks:
            started = self.started_at
            self.start(names, tasks)
            self.started_at = started or self.started_at

    def started(self, name: str) -> None:
        self.running_test = name
        self._show_rows(name)

    def finished(self, result: TestResult) -> None:
        self.results[result.name] = result
        if self.running_test == result.name:
            self.running_test = None
        self._show_rows(result.name)
        self.tick()

    def failed_to_run(self, message: str) -> None:
        """The run itself broke (an internal error): say so where the results go."""
        self.started_at = None
        self.remove_class("-empty", "passed")
        self.add_class("failed")
        self._summary(Text("! The tests could not be run", style="bold red"))
        self._detail(Text(message))

    def done(self, result: RunResult) -> None:
        self.started_at = None
        self.running_test = None
        self.results = {test.name: test for test in result.tests}
        listed = set(self.names)
        self.names += tuple(t.name for t in result.tests if t.parent is None and t.name not in listed)
        for test in result.tests:
            if test.parent is None and test.task_id and test.name not in self.tasks:
                self.tasks[test.name] = test.task_id
        self._row_keys = ()  # every row may have changed
        self._show_rows()
        if result.cancelled:
            self._summary("Cancelled.")
            return
        self._summary(self._headline(result))
        self.set_class(result.status == PASS, "passed")
        self.set_class(result.status != PASS, "failed")
        first = result.first_failure
        detail = self._failure(first) if first is not None else Text()
        if result.output.strip():
            detail.append("output outside the tests:\n", style="dim")
            detail.append(result.output.rstrip()[:2000])
        self._detail(detail)
        if first is not None and first.name in self.table.rows:
            self.table.move_cursor(row=self.table.get_row_index(first.name), animate=False, scroll=False)
            self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        """The first failure in view, scrolled no further than needed from the top, once the
        table has its final height (scrolling while the panel was still resizing left the
        view wherever that moment put it)."""
        self.table.scroll_home(animate=False, immediate=True)
        self.table.move_cursor(row=self.table.cursor_row, animate=False, scroll=True)

    @staticmethod
    def _headline(result: RunResult) -> Text:
        summary = Text()
        total = len(result.tests)
        if result.status == PASS:
            summary.append(f"✓ All {total} tests passed" if not result.skipped else f"✓ {result.summary}",
                           style="bold green")
        else:
            summary.append(f"✗ {result.summary}", style="bold red")  # "10 passed, 1 error"
        summary.append(f"  in {result.ms:.0f} ms", style="dim")
        if result.status == ERROR and result.message:
            summary.append("\n! ", style="bold red")
            summary.append(result.message, style="bold red")
        return summary

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Moving through the rows shows that test's failure (on a task's row: its first failure)."""
        event.stop()
        key = str(event.row_key.value)
        task = _task_number(key)
        if task is not None:
            rows = set(self._groups().get(task, []))  # in the order of the results, as first_failure
            failing = [r for n, r in self.results.items() if n in rows and r.status in (FAIL, ERROR)]
            if failing:
                self._detail(self._failure(failing[0]))
            elif rows and all(self.results.get(n) is not None and self.results[n].status == PASS for n in rows):
                said = "its test passed" if len(rows) == 1 else f"all {len(rows)} of its tests passed"
                self._detail(Text(f"Task {task}: {said}", style="green"))
            return
        test = self.results.get(key)
        if test is not None and test.status not in (PASS, "skip"):
            self._detail(self._failure(test))

    def _failure(self, test: TestResult) -> Text:
        text = failure_text(test)
        if test.name in self.growth_reports:
            report = self.growth_reports[test.name]
            text.append("\ngrowth: ", style="bold")
            text.append(report if report is not None else "measuring how it grows…",
                        style="" if report is not None else "dim")
            text.append("\n")
        return text

    def growth(self, tests: tuple[str, ...], report: str | None) -> None:
        """How the solution grows, for the time-budget tests it failed (None: being measured)."""
        self.growth_reports.update(dict.fromkeys(tests, report))
        table = self.table
        if not table.row_count:
            return
        row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        test = self.results.get(str(row))
        if test is not None and test.name in tests:
            self._detail(self._failure(test))


_TASK_KEY = "\x00task "  # a heading row's key: no test name starts with a NUL


def _task_key(task: int) -> str:
    return f"{_TASK_KEY}{task}"


def _task_number(key: str) -> int | None:
    return int(key[len(_TASK_KEY):]) if key.startswith(_TASK_KEY) else None
