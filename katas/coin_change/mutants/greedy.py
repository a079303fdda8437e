# Wrong: largest coin first: not optimal for coins like [1, 3, 4].
def coin_change(coins, amount):
    count = 0
    for coin in sorted(coins, reverse=True):
        count += amount // coin
        amount %= coin
    return count if amount == 0 else -1
