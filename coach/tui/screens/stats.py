"""Stats: mastery per topic, reviews per day, and the katas."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from coach.tui.screens.katas import minutes

DAYS = 30


def mastery_line(title: str, width: int, seen: int, total: int, value: float | None) -> Text:
    bar_width = 20
    text = Text(f"{title:<{width}}  ")
    if value is None:
        text.append("░" * bar_width, style="dim")
        text.append(f"  {seen:>3}/{total:<3}  not started", style="dim")
        return text
    filled = round(value * bar_width)
    colour = "green" if value >= 0.85 else "yellow" if value >= 0.6 else "red"
    text.append("█" * filled, style=colour)
    text.append("░" * (bar_width - filled), style="dim")
    text.append(f"  {seen:>3}/{total:<3}  {value:4.0%} recall")
    return text


class StatsScreen(Screen):
    CSS_PATH = "stats.tcss"
    BINDINGS = [Binding("escape,q", "back", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(id="stats-headline")
            yield Static("Mastery by topic", classes="section")
            yield Static(id="mastery")
            yield Static(f"Reviews per day, last {DAYS} days", classes="section")
            yield Sparkline([], id="reviews-chart")
            yield Static(id="reviews-caption", classes="muted")
            yield Static("Katas", classes="section")
            yield DataTable(id="kata-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        from coach.practice.stats import compute

        app = self.app
        stats = compute(app.store, app.library, days=DAYS, now=app.clock())  # type: ignore[attr-defined]
        self.query_one("#stats-headline", Static).update(
            f"[b]{stats.due_today}[/] due today   [b]{stats.new_available}[/] new cards   "
            f"streak [b]{stats.streak}[/] day{'s' if stats.streak != 1 else ''}   "
            f"katas [b]{stats.katas_solved}[/] solved, {stats.katas_attempted} attempted of {len(stats.katas)}")
        width = max([len(t.title) for t in stats.topics] + [5])
        lines = Text("\n").join(mastery_line(t.title, width, t.seen, t.total, t.retrievability)
                                for t in stats.topics)
        self.query_one("#mastery", Static).update(lines)
        counts = [n for _, n in stats.reviews_per_day]
        self.query_one("#reviews-chart", Sparkline).data = counts
        first, last = stats.reviews_per_day[0][0], stats.reviews_per_day[-1][0]
        self.query_one("#reviews-caption", Static).update(
            f"{first} to {last}: {sum(counts)} reviews, busiest day {max(counts)}")
        table = self.query_one("#kata-table", DataTable)
        table.add_columns("Kata", "Difficulty", "Status", "Tries", "Best")
        for kata in stats.katas:
            table.add_row(kata.title, kata.difficulty, kata.status, str(kata.attempts), minutes(kata.best_ms))

    def action_back(self) -> None:
        self.app.pop_screen()
