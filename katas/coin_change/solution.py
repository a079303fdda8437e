import math


def coin_change(coins: list[int], amount: int) -> int:
    """Return the fewest coins that make `amount` (any number of each), or -1.

    Bottom-up dynamic programming: best[a] is the fewest coins for amount a,
    1 + the best of best[a - c] over the coins c that fit. O(amount * len(coins))
    time, O(amount) space.
    """
    best = [0.0] + [math.inf] * amount
    for a in range(1, amount + 1):
        for coin in coins:
            if coin <= a and best[a - coin] + 1 < best[a]:
                best[a] = best[a - coin] + 1
    return -1 if best[amount] == math.inf else int(best[amount])
