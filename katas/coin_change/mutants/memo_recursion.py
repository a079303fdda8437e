# Wrong: memoised recursion: right and fast, but 10,000 nested calls exceed the recursion limit.
from functools import cache


def coin_change(coins, amount):
    @cache
    def best(a):
        if a == 0:
            return 0
        options = [best(a - coin) + 1 for coin in coins if coin <= a]
        return min(options, default=float("inf"))

    answer = best(amount)
    return -1 if answer == float("inf") else answer
