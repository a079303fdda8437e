"""``coach rapid --unsuspend [ID|all]``: list suspended cards, or bring them back."""

from __future__ import annotations

from coach.content.library import Library
from coach.errors import CoachError
from coach.practice.store import Store


def run_unsuspend(which: str, library: Library, store: Store) -> int:
    """No ``which``: list the suspended cards. An id: unsuspend it. ``all``: unsuspend every one."""
    suspended = [card_id for card_id, _since in store.suspended()]
    by_id = {q.id: q for q in library.questions}
    if not which:
        if not suspended:
            print("No card is suspended.")
            return 0
        print(f"{len(suspended)} suspended card{'s' if len(suspended) != 1 else ''}:")
        for card_id in suspended:
            question = by_id.get(card_id)
            print(f"  {card_id}  {question.question if question else '(no longer in any deck)'}")
        print("Bring one back with 'coach rapid --unsuspend ID', or all of them with '--unsuspend all'.")
        return 0
    if which == "all":
        for card_id in suspended:
            store.release(card_id, "suspended")
        print(f"Unsuspended {len(suspended)} card{'s' if len(suspended) != 1 else ''}." if suspended
              else "No card is suspended.")
        return 0
    if which not in suspended:
        known = "is not a card coach knows" if which not in by_id else "is not suspended"
        raise CoachError(f"'{which}' {known} (run 'coach rapid --unsuspend' to list the suspended cards)")
    store.release(which, "suspended")
    print(f"Unsuspended {which}: it comes back in rapid fire.")
    return 0
