# Wrong: uses `amount` as the "impossible" sentinel: an answer of `amount` ones reads as impossible.
def coin_change(coins, amount):
    best = [0] + [amount] * amount
    for a in range(1, amount + 1):
        for coin in coins:
            if coin <= a:
                best[a] = min(best[a], best[a - coin] + 1)
    return -1 if amount and best[amount] >= amount else best[amount]
