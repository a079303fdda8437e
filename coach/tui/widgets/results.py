"""The results panel: a row per test, filled in as results arrive."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from coach.grading.events import ERROR, FAIL, PASS, SKIP, RunResult, TestResult
from coach.grading.formats import cut, failure_text

MARKS = {PASS: ("✓", "green"), FAIL: ("✗", "red"), ERROR: ("!", "red"), SKIP: ("-", "yellow"),
         "pending": ("·", "dim"), "running": ("…", "yellow")}


def _mark(status: str) -> Text:
    symbol, style = MARKS.get(status, ("?", ""))
    return Text(symbol, style=f"bold {style}")


class ResultsPanel(Vertical):
    """Attributes down: the screen calls these methods as grading events arrive."""

    def compose(self) -> ComposeResult:
        yield Static("Press [b]ctrl+r[/] to run the tests.", id="results-summary")
        yield DataTable(id="results-table", cursor_type="row", show_header=False)
        with VerticalScroll(id="results-detail"):
            yield Static(id="results-detail-text")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("", key="mark", width=1)
        table.add_column("test", key="name")
        table.add_column("ms", key="ms", width=7)

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def _summary(self, text: str | Text) -> None:
        self.query_one("#results-summary", Static).update(text)

    def _detail(self, text: str | Text) -> None:
        self.query_one("#results-detail-text", Static).update(text)

    def start(self, names: tuple[str, ...]) -> None:
        self.table.clear()
        for name in names:
            self.table.add_row(_mark("pending"), name, "", key=name)
        self._summary(f"Running {len(names)} tests…")
        self._detail("")
        self.remove_class("passed", "failed")

    def collected(self, names: tuple[str, ...]) -> None:
        if tuple(str(k.value) for k in self.table.rows) != names:
            self.start(names)

    def started(self, name: str) -> None:
        if name in self.table.rows:
            self.table.update_cell(name, "mark", _mark("running"))

    def finished(self, result: TestResult) -> None:
        if result.name not in self.table.rows:
            self.table.add_row(_mark(result.status), result.name, f"{result.ms:.0f}", key=result.name)
        else:
            self.table.update_cell(result.name, "mark", _mark(result.status))
            self.table.update_cell(result.name, "ms", f"{result.ms:.0f}")
        done = sum(1 for row in self.table.rows if str(self.table.get_cell(row, "ms")))
        self._summary(f"Running… {done}/{self.table.row_count}")

    def done(self, result: RunResult) -> None:
        for test in result.tests:
            if test.name in self.table.rows:
                self.table.update_cell(test.name, "mark", _mark(test.status))
            else:
                self.table.add_row(_mark(test.status), test.name, f"{test.ms:.0f}", key=test.name)
        if result.cancelled:
            self._summary("Cancelled.")
            return
        total = len(result.tests)
        summary = Text()
        if result.status == PASS:
            summary.append(f"✓ All {total} tests passed" if not result.skipped else f"✓ {result.summary}",
                           style="bold green")
        else:
            summary.append(f"✗ {result.summary}", style="bold red")
        summary.append(f"  in {result.ms:.0f} ms", style="dim")
        if result.status == ERROR:
            summary.append(f"\n! {result.message}", style="bold red")
        self._summary(summary)
        self.set_class(result.status == PASS, "passed")
        self.set_class(result.status != PASS, "failed")
        self._detail(self._failure_text(result))

    @staticmethod
    def _failure_text(result: RunResult) -> Text:
        first = result.first_failure
        text = Text()
        if first is None:
            return text
        text.append(f"{first.name}\n", style="bold")
        text.append(failure_text(first).rstrip() + "\n")
        if first.output.strip():
            text.append("captured output:\n", style="dim")
            text.append(cut(first.output.rstrip(), 4000) + "\n")
        if result.output.strip():
            text.append("output outside the tests:\n", style="dim")
            text.append(cut(result.output.rstrip(), 2000))
        return text
