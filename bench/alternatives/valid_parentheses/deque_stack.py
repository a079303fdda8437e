# Good: the same stack on a deque, matching pairs through a dict of closers: O(n)
from collections import deque

PAIRS = {"(": ")", "[": "]", "{": "}"}


def is_valid(s: str) -> bool:
    expected: deque[str] = deque()
    for char in s:
        if char in PAIRS:
            expected.append(PAIRS[char])
        elif char in ")]}":
            if not expected or expected.pop() != char:
                return False
    return not expected
