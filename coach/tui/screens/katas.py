"""The kata list: type to filter, enter to open."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input

from coach.content.models import DIFFICULTIES, Kata
from coach.practice.attempts import minutes
from coach.tui.screens.base import CoachScreen
from coach.tui.text import cell


class KataListScreen(CoachScreen):
    CSS_PATH = "katas.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("escape", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter by title, pattern, topic or difficulty", id="filter")
        yield DataTable(id="katas", cursor_type="row", zebra_stripes=True)
        yield Footer()

    topics_width = 0

    def __init__(self, pattern: str | None = None) -> None:
        super().__init__()
        self.pattern = pattern  # ``coach kata --pattern P``: only katas that train it

    def on_mount(self) -> None:
        if self.pattern:
            self.sub_title = f"katas that train: {self.pattern}"
        self.query_one("#filter", Input).focus()

    def on_resize(self) -> None:
        """Fit the columns to the terminal: patterns get what the others leave."""
        katas = self.app.library.katas
        title = min(40, max([len(k.title) for k in katas] + [5]))
        room = self.size.width - 4 - title - (10 + 9 + 6 + 9) - 2 * 6
        topics = room if room >= 12 else 0
        table = self.query_one(DataTable)
        if table.columns and topics == self.topics_width:
            return
        self.topics_width = topics
        table.clear(columns=True)
        table.add_column("Title", key="title", width=title)
        table.add_column("Difficulty", key="difficulty", width=10)
        if topics:
            table.add_column("Patterns", key="topics", width=topics)
        table.add_column("Status", key="status", width=9)
        table.add_column("Best", key="best", width=6)
        table.add_column("Due", key="due", width=9)
        self.refresh_rows()

    def on_screen_resume(self) -> None:
        if self.query_one(DataTable).columns:
            self.refresh_rows()

    def refresh_rows(self) -> None:
        from coach.practice import katasched

        app = self.app
        app.saved()
        summary = app.store.kata_summary()
        best = katasched.best_times(app.store)
        schedules = katasched.schedules(app.store)
        now = app.clock()
        needle = self.query_one("#filter", Input).value.strip().lower()
        table = self.query_one(DataTable)
        table.clear()
        katas = sorted(self.app.library.katas,
                       key=lambda k: (DIFFICULTIES.index(k.difficulty), k.title.lower()))
        for kata in katas:
            if self.pattern and self.pattern not in kata.patterns:
                continue
            haystack = " ".join([kata.slug, kata.title, kata.difficulty, *kata.topics, *kata.patterns]).lower()
            if needle and not all(word in haystack for word in needle.split()):
                continue
            info = summary.get(kata.slug)
            status = "new" if not info else "solved" if info["passes"] else "attempted"
            cells = [cell(kata.title), cell(kata.difficulty)]
            if self.topics_width:
                cells.append(cell(", ".join(kata.patterns or kata.topics)))
            sched = schedules.get(kata.slug)
            due = katasched.when(sched.due, now) if sched else "-" if not info else "unrated"
            table.add_row(*cells, cell(status), cell(minutes(best.get(kata.slug))),
                          cell(due, "bold" if sched and sched.is_due(now) else ""), key=kata.slug)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_move(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

    def selected(self) -> Kata | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((k for k in self.app.library.katas if k.slug == key), None)

    def action_open(self) -> None:
        kata = self.selected()
        if kata is not None:
            self.app.open_kata(kata)

    def action_back(self) -> None:
        self.app.pop_screen()
