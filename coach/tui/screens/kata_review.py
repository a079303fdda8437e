"""The workbench's part in scheduling katas: a kata coming back, and the rating a session earns."""

from __future__ import annotations

from coach.content.models import Kata
from coach.practice import katasched
from coach.practice.attempts import KataSession
from coach.practice.drafts import Draft, DraftError
from coach.practice.faults import StoreError
from coach.tui.screens.base import CoachScreen


def home_relative(path: str) -> str:
    import os

    home = os.path.expanduser("~")
    return "~" + path[len(home):] if path.startswith(home + os.sep) else path


class KataReview(CoachScreen):
    """What the workbench does for the scheduler; the workbench provides the rest."""

    kata: Kata
    draft: Draft
    session: KataSession
    previous: str | None = None  # the draft set aside when the kata last came back

    def _leave(self) -> None:
        raise NotImplementedError

    schedules = True  # False: practice that is not rated (a mock interview's coding round)

    def _comes_back(self, text: str, *, fresh: bool = False) -> str:
        """A kata due again (or ``fresh``: a mock's) starts from its starter; the draft it had is
        set aside (f9 shows it, outside a mock)."""
        app, slug = self.app, self.kata.slug
        found = katasched.schedule(app.store, slug)
        self.previous = found.kept_draft if found else None
        now = app.clock()
        due = found is not None and found.comes_back(now)
        if not (fresh or due) or text == self.kata.starter():
            return text
        previous = text  # bound now: ``text`` becomes the starter below, maybe before the write runs
        kept = katasched.keep_previous(slug, previous)
        if app.writer is not None:
            app.writer.submit(f"previous draft of {slug}",
                              lambda store: katasched.set_aside(store, slug, previous, now))
        self.previous = previous
        try:
            text = self.draft.reset()
        except DraftError as exc:
            self.notify(exc.message, title="Draft not saved", severity="error", timeout=10)
            text = self.kata.starter()
        self.notify(self._set_aside_notice(home_relative(str(kept)) if kept else None),
                    title="From the starter", timeout=10)
        return text

    def _set_aside_notice(self, kept: str | None) -> str:
        """What the user is told when the kata starts from its starter (``kept``: the file's path)."""
        where = f" and in {kept}" if kept else ""
        return (f"{self.kata.title} is due again: solve it from the starter. Your previous draft is kept "
                f"(f9 shows it{where}).")

    def _show_schedule(self) -> None:
        session, now = self.session, self.app.clock()
        if session.schedule is None:
            note = "new"
        elif session.rateable:
            note = "due for review"
        else:
            note = f"practice: due {katasched.when(session.schedule.due, now)}, not rated today"
        self.sub_title = f"{self.kata.title} · {self.kata.difficulty} · {note}"

    def ask_rating(self, *, leaving: bool) -> None:
        """Show the rating the session earned; save it (or not) as the user says."""
        from coach.tui.screens.rate_kata import SKIP, RateKataScreen

        session, now = self.session, self.app.clock()
        self.app.saved()
        intervals = {r: due - now for r, due in katasched.preview(self.app.store, self.kata.slug, now).items()}

        def done(rating: int | None) -> None:
            if rating is None:
                return
            if rating != SKIP:
                try:
                    session.rate(rating)
                except StoreError as exc:
                    self.notify(exc.message, title="Rating not saved", severity="warning", timeout=10)
                else:
                    self.notify(f"{self.kata.title} comes back in {katasched.interval_label(intervals[rating])}, "
                                "from the starter.", title="Kata scheduled")
            if leaving:
                self._leave()

        self.app.push_screen(RateKataScreen(self.kata.title, session.evidence, intervals, leaving=leaving), done)

    def action_previous(self) -> None:
        from coach.tui.screens.dialogs import SolutionScreen

        if self.previous is None:
            self.notify("No earlier draft: this kata has not come back for review yet.")
            return
        self.session.viewed_solution = True
        self.app.push_screen(SolutionScreen(f"your previous draft of {self.kata.title}", self.previous))
