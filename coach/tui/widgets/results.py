"""The results panel: a row per test, filled in as results arrive."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from coach.grading.events import ERROR, PASS, RunResult, TestResult

MARKS = {PASS: ("✓", "green"), "fail": ("✗", "red"), ERROR: ("!", "red"), "skip": ("-", "yellow"),
         "pending": ("·", "dim"), "running": ("…", "yellow")}
DETAIL_LIMIT = 6000  # characters of one failure's traceback shown before cutting


def _mark(status: str) -> Text:
    symbol, style = MARKS.get(status, ("?", ""))
    return Text(symbol, style=f"bold {style}")


def _name(name: str) -> Text:
    """A test id in full: a long one folds onto a second line instead of losing its id."""
    return Text(name, overflow="fold")


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
    ResultsPanel #results-table { height: auto; max-height: 1fr; min-height: 2; }
    ResultsPanel #results-detail { height: 1fr; min-height: 3; }
    ResultsPanel.-empty #results-table, ResultsPanel.-empty #results-detail { display: none; }
    ResultsPanel.-empty { height: auto; min-height: 3; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.started_at: float | None = None
        self.results: dict[str, TestResult] = {}
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
        rows = [(key, [table.get_cell(key, column) for column in ("mark", "name", "ms")]) for key in table.rows]
        table.clear(columns=True)
        self.name_width = name_width
        table.add_column(" ", key="mark", width=1)
        table.add_column("test", key="name", width=name_width)
        table.add_column("ms", key="ms", width=6)
        for key, cells in rows:
            table.add_row(*cells, key=key.value, height=None)

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

    def clear(self, message: str = "Press ctrl+r to run the tests.") -> None:
        self.table.clear()
        self.results = {}
        self.started_at = None
        self._summary(message)
        self._detail("")
        self.remove_class("passed", "failed")
        self.add_class("-empty")

    def start(self, names: tuple[str, ...]) -> None:
        self.table.clear()
        self.results = {}
        self.growth_reports = {}
        self.remove_class("-empty")
        for name in names:
            self.table.add_row(_mark("pending"), _name(name), "", key=name, height=None)
        self.started_at = time.monotonic()
        self._summary(f"Running {len(names)} tests… (ctrl+r again restarts, ctrl+c cancels)")
        self._detail("")
        self.remove_class("passed", "failed")

    def tick(self) -> None:
        """While a run is going: the elapsed time and how many tests have reported."""
        if self.started_at is None:
            return
        done = sum(1 for row in self.table.rows if str(self.table.get_cell(row, "ms")))
        elapsed = time.monotonic() - self.started_at
        self._summary(f"Running… {done}/{self.table.row_count} tests, {elapsed:.1f} s  (ctrl+c cancels)")

    def collected(self, names: tuple[str, ...]) -> None:
        if tuple(str(k.value) for k in self.table.rows) != names:
            started = self.started_at
            self.start(names)
            self.started_at = started or self.started_at

    def started(self, name: str) -> None:
        if name in self.table.rows:
            self.table.update_cell(name, "mark", _mark("running"))

    def finished(self, result: TestResult) -> None:
        self.results[result.name] = result
        if result.name not in self.table.rows:
            self.table.add_row(_mark(result.status), _name(result.name), _ms(result.ms), key=result.name,
                               height=None)
        else:
            self.table.update_cell(result.name, "mark", _mark(result.status))
            self.table.update_cell(result.name, "ms", _ms(result.ms))
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
        self.results = {test.name: test for test in result.tests}
        for test in result.tests:
            if test.name in self.table.rows:
                self.table.update_cell(test.name, "mark", _mark(test.status))
                self.table.update_cell(test.name, "ms", _ms(test.ms))
            else:
                self.table.add_row(_mark(test.status), _name(test.name), _ms(test.ms), key=test.name, height=None)
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
            self.table.move_cursor(row=self.table.get_row_index(first.name), animate=False)

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
        """Moving through the rows shows that test's failure."""
        event.stop()
        test = self.results.get(str(event.row_key.value))
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
