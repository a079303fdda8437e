"""Stats: activity, what falls due, mastery and retention per topic, and the katas."""

from __future__ import annotations

import math
import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from coach.practice.attempts import minutes
from coach.tui.screens.base import CoachScreen
from coach.tui.text import cell, plain, template

HEAT_STYLES = ("dim", "green4", "green3", "green1", "bold bright_green")


def percent(value: float) -> str:
    """Rounded down: a forecast is never shown as a certain 100%."""
    return f"{math.floor(value * 100)}%"


def mastery_line(title: str, width: int, seen: int, total: int, value: float | None, bar_width: int = 20,
                 retention: float | None = None) -> Text:
    if len(title) > width:
        title = title[: width - 1] + "…"
    text = Text(f"{title:<{width}}  ")
    if value is None:
        text.append("░" * bar_width, style="dim")
        text.append(f"  {seen:>3}/{total:<3}  not started", style="dim")
        return text
    filled = min(bar_width - 1, round(value * bar_width)) if value < 1 else bar_width
    colour = "green" if value >= 0.85 else "yellow" if value >= 0.6 else "red"
    text.append("█" * filled, style=colour)
    text.append("░" * (bar_width - filled), style="dim")
    text.append(f"  {seen:>3}/{total:<3}  {percent(value):>3}")
    text.append(f"  kept {percent(retention):>4}" if retention is not None else "  kept    -", style="dim")
    return text


def heat_map(activity: list[tuple[str, int, int]]) -> Text:
    from coach.practice.stats import HEAT_CHARS, heat_grid

    header, rows = heat_grid(activity)
    text = Text("    " + header + "\n", style="dim")
    for label, levels in rows:
        text.append(f"{label} ", style="dim")
        for level in levels:
            text.append("  " if level < 0 else HEAT_CHARS[level] * 2, style=HEAT_STYLES[max(0, level)])
        text.append("\n")
    text.append(f"     less {HEAT_CHARS} more", style="dim")
    return text


def forecast_grid(forecast: list[tuple[str, int, int]]) -> Text:
    """Three rows: the day (weekday initial, day of the month), the cards due, the katas due."""
    days = Text("day   ", style="dim")
    cards = Text("cards ")
    katas = Text("katas ")
    for date, n_cards, n_katas in forecast:
        stamp = time.strptime(date, "%Y-%m-%d")
        days.append(f"{time.strftime('%a', stamp)[0]}{stamp.tm_mday:>2}".rjust(4), style="dim")
        cards.append(f"{n_cards:>4}", style="bold" if n_cards else "dim")
        katas.append(f"{n_katas:>4}", style="bold" if n_katas else "dim")
    return Text("\n").join([days, cards, katas])


class StatsScreen(CoachScreen):
    CSS_PATH = "stats.tcss"
    BINDINGS = [Binding("escape,q", "back", "Back")]

    def compose(self) -> ComposeResult:
        from coach.practice.stats import MASTERY_LABEL

        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(id="stats-headline")
            yield Static("Activity: reviews and kata sessions a day", classes="section")
            yield Static(id="heat-map")
            yield Static(id="activity-caption", classes="muted")
            yield Static("Due in the next 14 days (today includes overdue)", classes="section")
            yield Static(id="forecast")
            yield Static(plain(f"Mastery by topic: {MASTERY_LABEL}; kept: later reviews not rated Again (90 days)"),
                         classes="section")
            yield Static(id="mastery")
            yield Static("Katas", classes="section")
            yield DataTable(id="kata-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        from coach import settings
        from coach.practice.katasched import when
        from coach.practice.stats import compute

        app = self.app
        app.saved()  # ratings still queued belong in the figures
        now = app.clock()
        stats = self.stats = compute(app.store, app.library, now=now, new_per_day=settings.new_per_day())
        self.query_one("#stats-headline", Static).update(template(
            "$counts\nstreak [b]$streak[/] $unit · katas [b]$solved[/] solved, $unsolved attempted, $new not started",
            counts=stats.counts.describe(), streak=stats.streak, unit="day" if stats.streak == 1 else "days",
            solved=stats.katas_solved, unsolved=stats.katas_unsolved, new=stats.katas_not_started))
        self.query_one("#heat-map", Static).update(heat_map(stats.activity))
        reviews = sum(r for _, r, _ in stats.activity)
        sessions = sum(k for _, _, k in stats.activity)
        active = sum(1 for _, r, k in stats.activity if r or k)
        self.query_one("#activity-caption", Static).update(
            f"since {stats.activity[0][0]}: {reviews} reviews, {sessions} kata session{'s' if sessions != 1 else ''}, "
            f"on {active} day{'s' if active != 1 else ''}")
        self.query_one("#forecast", Static).update(forecast_grid(stats.forecast))
        table = self.query_one("#kata-table", DataTable)
        table.add_columns("Kata", "Difficulty", "Status", "Tries", "Best", "Due")
        for kata in stats.katas:
            table.add_row(cell(kata.title), cell(kata.difficulty), cell(kata.status), cell(kata.attempts),
                          cell(minutes(kata.best_ms)), cell(when(kata.due, now) if kata.due is not None else "-"))

    def on_resize(self) -> None:
        """Mastery rows fit the width: the topic names are cut before the bars are."""
        topics = self.stats.topics
        room = self.size.width - 6  # the scroll view's padding and its scroll bar
        fixed = 2 + 2 + 9 + 5 + 11  # gaps, "  seen/total", "  43%", "  kept  60%"
        bar = 20 if room >= 70 else 10
        width = max(8, min(max([len(t.title) for t in topics] + [5]), room - fixed - bar))
        lines = Text("\n").join(mastery_line(t.title, width, t.seen, t.total, t.mastery, bar, t.retention)
                                for t in topics)
        self.query_one("#mastery", Static).update(lines)

    def action_back(self) -> None:
        self.app.pop_screen()
