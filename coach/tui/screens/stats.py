"""Stats: mastery per topic, reviews per day, and the katas."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from coach.practice.attempts import minutes
from coach.tui.screens.base import CoachScreen
from coach.tui.text import cell, template

DAYS = 30


def mastery_line(title: str, width: int, seen: int, total: int, value: float | None, bar_width: int = 20) -> Text:
    if len(title) > width:
        title = title[: width - 1] + "…"
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


class StatsScreen(CoachScreen):
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
        app.saved()  # ratings still queued belong in the figures
        stats = self.stats = compute(app.store, app.library, days=DAYS, now=app.clock())
        self.query_one("#stats-headline", Static).update(template(
            "[b]$due[/] due today   [b]$new[/] new cards   streak [b]$streak[/] $unit   "
            "katas [b]$solved[/] solved, $attempted attempted of $katas",
            due=stats.due_today, new=stats.new_available, streak=stats.streak,
            unit="day" if stats.streak == 1 else "days", solved=stats.katas_solved,
            attempted=stats.katas_attempted, katas=len(stats.katas)))
        counts = [n for _, n in stats.reviews_per_day]
        self.query_one("#reviews-chart", Sparkline).data = counts
        first, last = stats.reviews_per_day[0][0], stats.reviews_per_day[-1][0]
        self.query_one("#reviews-caption", Static).update(
            f"{first} to {last}: {sum(counts)} reviews, busiest day {max(counts)}")
        table = self.query_one("#kata-table", DataTable)
        table.add_columns("Kata", "Difficulty", "Status", "Tries", "Best")
        for kata in stats.katas:
            table.add_row(cell(kata.title), cell(kata.difficulty), cell(kata.status), cell(kata.attempts),
                          cell(minutes(kata.best_ms)))

    def on_resize(self) -> None:
        """Mastery rows fit the width: the topic names are cut before the bars are."""
        topics = self.stats.topics
        room = self.size.width - 4  # the scroll view's padding
        fixed = 2 + 2 + 22  # gaps, then "  seen/total  100% recall"
        bar = 20 if room >= 60 else 10
        width = max(8, min(max([len(t.title) for t in topics] + [5]), room - fixed - bar))
        lines = Text("\n").join(mastery_line(t.title, width, t.seen, t.total, t.retrievability, bar)
                                for t in topics)
        self.query_one("#mastery", Static).update(lines)

    def action_back(self) -> None:
        self.app.pop_screen()
