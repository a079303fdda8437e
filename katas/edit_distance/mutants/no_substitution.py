# Wrong: forgets substitution: only inserts and deletes, so "cat" -> "cut" costs 2.
def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            if ca == cb:
                current.append(previous[j - 1])
            else:
                current.append(1 + min(previous[j], current[j - 1]))
        previous = current
    return previous[-1]
