"""``coach mock``: a timed mock interview with a scorecard (no Textual here).

- :mod:`.plan` chooses the rounds, time boxes, questions and kata;
- :mod:`.session` runs the mock against an injected clock;
- :mod:`.db` keeps it in the progress store, answer by answer;
- :mod:`.scorecard` scores it; :mod:`.markdown` writes it out.

:func:`latest_mock_focus` is what the daily plan reads: the last mock's
weakest areas with the cards and katas to practise next.
"""

from __future__ import annotations

from coach.practice.mock.db import latest_mock_focus
from coach.practice.mock.models import Answer, Focus, MockRecord
from coach.practice.mock.plan import History, MockOptions, Plan, plan_mock
from coach.practice.mock.scorecard import Scorecard, build
from coach.practice.mock.session import MockSession

__all__ = ["Answer", "Focus", "History", "MockOptions", "MockRecord", "MockSession", "Plan", "Scorecard",
           "build", "latest_mock_focus", "plan_mock"]
