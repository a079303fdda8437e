# Wrong: treats any other character as a closer that must match
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
        else:
            if not stack or stack.pop() != _OPENER_OF.get(char):
                return False
    return not stack
