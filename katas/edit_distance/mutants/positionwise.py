# Wrong: compares position by position plus the length difference: misses inserts in the middle.
def edit_distance(a, b):
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
