# Wrong: the right recurrence without memoisation: exponential time.
def coin_change(coins, amount):
    def best(a):
        if a == 0:
            return 0
        result = float("inf")
        for coin in coins:
            if coin <= a:
                result = min(result, best(a - coin) + 1)
        return result

    answer = best(amount)
    return -1 if answer == float("inf") else answer
