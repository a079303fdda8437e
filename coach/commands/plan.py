"""``coach plan [--minutes N] [--json]``: today's practice within a time budget."""

from __future__ import annotations

import argparse
import json

from coach import settings
from coach.commands.progress import open_store, printable


def render(plan) -> str:  # a coach.practice.plan.Plan
    lines = [f"Today's plan: {plan.planned} of {plan.minutes} minutes"]
    for n, item in enumerate(plan.items, 1):
        if item.kind == "cards":
            what = f"{item.count} cards ({item.due} due, {item.new} new)"
            if item.done:
                what += f"; {item.done} reviewed today already"
            label = "Cards"
        elif item.kind == "focus":
            what = f"{item.count} cards of {item.title} ({item.why}; practice: schedules unchanged)"
            if item.done:
                what += f"; {item.done} practised today already"
            label = "Focus"
        else:
            what, label = f"{item.title} ({'done today' if item.done else item.why})", "Kata"
        lines.append(f"  {n}. {label:<6} {item.minutes:>3} min  {what}")
    if not plan.items:
        lines.append("  nothing fits: try a longer --minutes")
    weakest = plan.weakest
    lines.append("")
    lines.append(f"Weakest topic: {weakest.title} ({weakest.reason})" if weakest
                 else "Weakest topic: none yet (no reviews to judge from)")
    lines.append(f"Card time: {plan.seconds_per_card:.0f} s a card, "
                 + (f"the median of your last {plan.timed_from} answers" if plan.timed_from
                    else "a default until you have answered 10 cards"))
    lines.append("Start it from the home screen ('coach', then p).")
    return "\n".join(lines)


def run_plan(args: argparse.Namespace) -> int:
    from coach.content.library import load_library
    from coach.practice.plan import build_plan

    library = load_library()
    with open_store() as store:
        plan = build_plan(store, library, minutes=args.minutes, new_per_day=settings.new_per_day())
    if args.json:
        print(json.dumps(plan.to_dict(), indent=2))
    else:
        print(printable(render(plan)))
    return 0
