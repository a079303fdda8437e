def edit_distance(a: str, b: str) -> int:
    """Return the fewest inserts, deletes and substitutions that turn a into b.

    Bottom-up DP over prefixes, keeping one row: row[j] is the distance
    between the current prefix of a and b[:j]. O(len(a) * len(b)) time,
    O(min(len(a), len(b))) space.
    """
    if len(b) > len(a):
        a, b = b, a  # the distance is symmetric; keep the shorter row
    previous = list(range(len(b) + 1))  # a[:0] -> b[:j] takes j inserts
    for i, ca in enumerate(a, start=1):
        current = [i]  # a[:i] -> "" takes i deletes
        for j, cb in enumerate(b, start=1):
            if ca == cb:
                current.append(previous[j - 1])
            else:
                current.append(1 + min(previous[j], current[j - 1], previous[j - 1]))
        previous = current
    return previous[-1]
