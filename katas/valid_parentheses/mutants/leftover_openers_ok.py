# Wrong: returns True at the end even when brackets are still open
_OPENER_OF = {")": "(", "]": "[", "}": "{"}
_OPENERS = frozenset(_OPENER_OF.values())


def is_valid(s: str) -> bool:
    """Return True if the brackets ()[]{} in s are balanced and properly nested.

    Every other character is ignored.

    A stack of the brackets still open: O(n) time, O(n) space in the worst
    case (all openers).
    """
    stack: list[str] = []
    for char in s:
        if char in _OPENERS:
            stack.append(char)
        elif char in _OPENER_OF:
            if not stack or stack.pop() != _OPENER_OF[char]:
                return False
    return True
