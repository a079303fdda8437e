# Wrong: iterates amounts downwards inside the coin loop: each coin can be used only once (0/1 knapsack).
import math


def coin_change(coins, amount):
    best = [0] + [math.inf] * amount
    for coin in coins:
        for a in range(amount, coin - 1, -1):
            best[a] = min(best[a], best[a - coin] + 1)
    return -1 if best[amount] == math.inf else best[amount]
