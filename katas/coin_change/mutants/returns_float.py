# Wrong: returns the float from the table (3.0 instead of 3).
import math


def coin_change(coins, amount):
    best = [0.0] + [math.inf] * amount
    for a in range(1, amount + 1):
        for coin in coins:
            if coin <= a:
                best[a] = min(best[a], best[a - coin] + 1)
    return -1 if best[amount] == math.inf else best[amount]
