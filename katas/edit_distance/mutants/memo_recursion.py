# Wrong: memoised recursion: correct, but two 600-character strings recurse past the recursion limit.
from functools import cache


def edit_distance(a, b):
    @cache
    def d(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))

    return d(len(a), len(b))
