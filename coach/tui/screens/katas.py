"""The kata list: type to filter, enter to open."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input

from coach.content.models import DIFFICULTIES, Kata
from coach.practice.attempts import minutes
from coach.tui.screens.base import CoachScreen
from coach.tui.text import cell
from coach.tui.widgets.ordered_input import OrderedInput

# Columns shown in full at any width: the longest value each can hold (``attempted``, ``tomorrow``).
FIXED = {"Difficulty": 10, "Status": 9, "Best": 6, "Due": 8}


class KataFilter(OrderedInput):
    """The filter moves the list's cursor too. Up and down are its own bindings, so they run in
    order with the keys around them, and they post a Move that reaches the screen after the
    Changed messages of the letters typed before them (the list is filtered first): in a burst,
    ``valid par``, down, enter opens the second match."""

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    @dataclass
    class Move(Message):
        delta: int

    def action_move(self, delta: int) -> None:
        self.post_message(self.Move(delta))


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
        yield KataFilter(placeholder="Type to filter by title, pattern, topic or difficulty", id="filter")
        yield DataTable(id="katas", cursor_type="row", zebra_stripes=True)
        yield Footer()

    title_width = topics_width = 0
    opened: str | None = None  # the kata last opened from this list

    def __init__(self, pattern: str | None = None) -> None:
        super().__init__()
        self.pattern = pattern  # ``coach kata --pattern P``: only katas that train it

    def on_mount(self) -> None:
        if self.pattern:
            self.sub_title = f"katas that train: {self.pattern}"
        self.query_one("#filter", Input).focus()

    def on_resize(self) -> None:
        """Fit the columns to the terminal: difficulty, status, best and due always show in full
        (``tomorrow``, ``attempted``), the title takes what they leave up to its longest (40 at
        most, then cut with an ellipsis) and patterns appear once 12 cells are left over."""
        longest = max([len(k.title) for k in self.app.library.katas] + [5])
        # 4: the table's margins and its scrollbar; 2 * 5: the cell padding of the five columns.
        free = self.size.width - 4 - sum(FIXED.values()) - 2 * 5
        title = max(12, min(longest, 40, free))
        topics = free - title - 2 if free - title - 2 >= 12 else 0
        table = self.query_one(DataTable)
        if table.columns and (title, topics) == (self.title_width, self.topics_width):
            return
        self.title_width, self.topics_width = title, topics
        keep = self.highlighted()
        table.clear(columns=True)
        table.add_column("Title", key="title", width=title)
        table.add_column("Difficulty", key="difficulty", width=FIXED["Difficulty"])
        if topics:
            table.add_column("Patterns", key="topics", width=topics)
        for label in ("Status", "Best", "Due"):
            table.add_column(label, key=label.lower(), width=FIXED[label])
        self.refresh_rows(keep)

    def on_screen_resume(self) -> None:
        """Back from a kata: its row stays highlighted (its status and due date may have changed)."""
        if self.query_one(DataTable).columns:
            self.refresh_rows(keep=self.opened or self.highlighted())

    def refresh_rows(self, keep: str | None = None) -> None:
        """List the katas the filter matches, title matches first; the cursor goes to ``keep``
        (a kata's slug) when it is listed, else to the first row."""
        from coach.practice import katasched

        app = self.app
        app.saved()
        summary = app.store.kata_summary()
        best = katasched.best_times(app.store)
        schedules = katasched.schedules(app.store)
        now = app.clock()
        table = self.query_one(DataTable)
        table.clear()
        slugs = []
        for kata in self.matches():
            info = summary.get(kata.slug)
            status = "new" if not info else "solved" if info["passes"] else "attempted"
            cells = [cell(kata.title), cell(kata.difficulty)]
            if self.topics_width:
                cells.append(cell(", ".join(kata.patterns or kata.topics)))
            sched = schedules.get(kata.slug)
            due = katasched.when(sched.due, now) if sched else "-" if not info else "unrated"
            table.add_row(*cells, cell(status), cell(minutes(best.get(kata.slug))),
                          cell(due, "bold" if sched and sched.is_due(now) else ""), key=kata.slug)
            slugs.append(kata.slug)
        table.move_cursor(row=slugs.index(keep) if keep in slugs else 0)

    def matches(self) -> list[Kata]:
        """The katas the filter's words all appear in, those whose title holds them all first."""
        words = self.query_one("#filter", Input).value.lower().split()
        found = []
        for kata in self.app.library.katas:
            if self.pattern and self.pattern not in kata.patterns:
                continue
            title = kata.title.lower()
            haystack = " ".join([kata.slug, title, kata.difficulty, *kata.topics, *kata.patterns]).lower()
            if all(word in haystack for word in words):
                in_title = all(word in title for word in words)
                found.append((not in_title, DIFFICULTIES.index(kata.difficulty), title, kata))
        return [kata for *_, kata in sorted(found, key=lambda row: row[:3])]

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def on_kata_filter_move(self, event: KataFilter.Move) -> None:
        self.action_move(event.delta)

    def action_move(self, delta: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + delta)

    def highlighted(self) -> str | None:
        """The slug of the kata on the cursor's row, if any row is listed."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected(self) -> Kata | None:
        key = self.highlighted()
        return next((k for k in self.app.library.katas if k.slug == key), None)

    def action_open(self) -> None:
        kata = self.selected()
        if kata is not None:
            self.opened = kata.slug
            self.app.open_kata(kata)

    def action_back(self) -> None:
        self.app.pop_screen()
