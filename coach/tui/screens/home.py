"""The home screen: what is due, today's plan and how far through it, and the modes."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Static

from coach.tui.keys import bindings, key_label
from coach.tui.screens.base import CoachScreen
from coach.tui.text import template

if TYPE_CHECKING:
    from coach.practice.plan import Plan, PlanItem

PLAN_MINUTES = 30


REFRESH_SECONDS = 60


class HomeScreen(CoachScreen):
    CSS_PATH = "home.tcss"
    # The menu on screen is these bindings: description is the footer label,
    # tooltip the menu's explanation.
    BINDINGS = [
        Binding("p", "plan", "Plan", tooltip=f"today's plan: due cards, then one kata ({PLAN_MINUTES} min)"),
        Binding("r", "rapid", "Rapid fire", tooltip="drill what is due, then new cards"),
        Binding("k", "katas", "Katas", tooltip="coding problems, graded by their pytest suites"),
        Binding("m", "mock", "Mock", tooltip="a timed mock interview with a scorecard"),
        Binding("s", "stats", "Stats", tooltip="mastery per topic, activity, what falls due"),
        Binding("question_mark", "app.help", "Help", key_display="?", tooltip="every key, screen by screen"),
        Binding("q", "app.quit", "Quit", tooltip="leave coach (progress is saved as you go)"),
    ]

    counted = False

    def __init__(self) -> None:
        super().__init__()
        self.plan: Plan | None = None
        self.walking: list[PlanItem] = []  # the plan's steps still to start, while walking through it
        self.step: PlanItem | None = None  # the step started last
        self.reviews_before = 0  # reviews today when the cards step started

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="home"):
            yield Static("coach", id="home-title")
            yield Static("interview practice for Python and FastAPI", id="home-tagline")
            # As many lines as they will hold, from the start: the first layout sizes them.
            yield Static("\n", id="today")
            yield Static("\n\n", id="plan")
            for binding in bindings(self.BINDINGS):
                yield Static(template("[b]$key[/]  $name  [dim]$text[/]", key=key_label(binding),
                                      name=f"{binding.description:<12}", text=binding.tooltip),
                             classes="mode")
        yield Footer()

    def on_mount(self) -> None:
        # Draw first; the counts need the content and the progress file (opened off the UI thread).
        self.call_after_refresh(self.app.when_store_ready, self.refresh_counts)
        # Left open (a tab, coach serve): cards fall due and days turn; the counts follow.
        self.set_interval(REFRESH_SECONDS, self._tick)

    def _tick(self) -> None:
        if self.counted and self.is_current:
            self.refresh_counts()

    def on_screen_resume(self) -> None:
        if self.counted:  # not the first showing: on_mount's timer does that one
            self.refresh_counts()
            if self.step is not None:
                self.call_after_refresh(self._walk_on)

    def refresh_counts(self) -> None:
        from coach import settings
        from coach.practice.counts import card_counts
        from coach.practice.plan import build_plan
        from coach.practice.queue import streak

        self.counted = True
        app = self.app
        app.saved()
        store, now = app.store, app.clock()
        limit = settings.new_per_day()
        counts = card_counts(store, app.questions.by_id, now, limit)
        solved = sum(1 for info in store.kata_summary().values() if info["passes"])
        days = streak(store, now)
        self.query_one("#today", Static).update(template(
            "$counts\nkatas [b]$solved[/]/$katas solved · streak [b]$days[/] $unit",
            counts=counts.describe(), solved=solved, katas=len(app.library.katas), days=days,
            unit="day" if days == 1 else "days"))
        self.plan = build_plan(store, app.library, minutes=PLAN_MINUTES, now=now, new_per_day=limit)
        plan = self.query_one("#plan", Static)
        plan.update(plan_text(self.plan))
        # The first update lands while the screen is still settling and its new height is not
        # measured then (a wrapped step line stayed cut to the old three rows): measure again.
        self.set_timer(0.05, lambda: plan.refresh(layout=True))

    # -- walking through the plan -----------------------------------------------------
    def action_plan(self) -> None:
        """Start today's plan: the cards, then the kata, one after the other."""
        if self.plan is None:
            self.refresh_counts()
        plan = self.plan
        assert plan is not None
        self.walking = plan.left()
        if not self.walking:
            self.notify("Nothing left in today's plan. Rapid fire (r) still drills, and katas (k) are open.",
                        title="Today's plan is done")
            return
        self._start_next()

    def _start_next(self) -> None:
        app = self.app
        step = self.step = self.walking.pop(0)
        if step.kind == "kata":
            kata = next((k for k in app.library.katas if k.slug == step.kata), None)
            if kata is not None:
                app.open_kata(kata)
            return
        self.reviews_before = self._reviews_today()
        if step.kind == "focus":
            app.start_drill(topic=step.topic, count=step.count, cram=True)
        else:
            app.start_drill(count=step.count)

    def _walk_on(self) -> None:
        """Back on home while walking: start the next step if this one was finished."""
        step, self.step = self.step, None
        if step is None:
            return
        if step.kind == "cards" and self._reviews_today() - self.reviews_before < step.count and self._cards_left():
            self.walking = []
            self.notify("Plan paused. Press p to carry on where you left off.", title="Today's plan")
            return
        if self.plan is not None:  # as the plan now stands: a step the earlier ones finished is skipped
            self.walking = self.plan.left(among=self.walking)
        if self.walking:
            self._start_next()
        elif self.plan is not None and not self.plan.left():
            self.notify("That was today's plan. Well done.", title="Today's plan is done")
        else:  # cards fell due while walking, or a step was left early: the plan shows what is left
            self.notify("Walked through the plan. What is left is on home; p carries on.", title="Today's plan")

    def _cards_left(self) -> bool:
        """Cards a drill would serve now (the rest of the plan's may fall due later today)."""
        from coach import settings
        from coach.practice.counts import card_counts

        app = self.app
        counts = card_counts(app.store, app.questions.by_id, app.clock(), settings.new_per_day())
        return bool(counts.due_now or counts.new_today)

    def _reviews_today(self) -> int:
        from coach.practice.queue import start_of_day

        app = self.app
        app.saved()
        return app.store.conn.execute("SELECT COUNT(*) FROM reviews WHERE reviewed_at >= ?",
                                      (start_of_day(app.clock()),)).fetchone()[0]

    def action_rapid(self) -> None:
        self.walking, self.step = [], None
        self.app.start_drill()

    def action_katas(self) -> None:
        self.walking, self.step = [], None
        self.app.show_katas()

    def action_mock(self) -> None:
        self.app.start_mock()

    def action_stats(self) -> None:
        self.app.show_stats()


def plan_text(plan: Plan) -> Content:
    """Today's plan in three lines: the steps with progress, the weakest topic."""
    parts = []
    for item in plan.items:
        if item.kind == "cards":
            total = item.done + item.count
            parts.append(f"{item.done}/{total} cards" + (f" ({item.minutes} min left)" if item.count else " ✓"))
        elif item.kind == "focus":
            total = item.done + item.count
            parts.append(f"{item.done}/{total} {item.title} cards, practice" + (" ✓" if not item.count else ""))
        else:
            parts.append(f"kata {item.title}" + (" ✓" if item.done else f" ({item.minutes} min)"))
    steps = " · ".join(parts) if parts else "nothing due and no new cards left today"
    weak = plan.weakest
    if weak is None:
        weakest = "weakest topic: none yet (no reviews to judge from)"
    else:
        lapses = f", {weak.lapses} lapse{'s' if weak.lapses != 1 else ''}" if weak.lapses else ""
        weakest = f"weakest: {weak.title} ({math.floor(weak.mastery * 100)}% recall in 7 days{lapses})"
    return template("[b]Today's plan[/], $planned of $minutes min (p starts it)\n$steps\n[dim]$weakest[/]",
                    planned=plan.planned, minutes=plan.minutes, steps=steps, weakest=weakest)
