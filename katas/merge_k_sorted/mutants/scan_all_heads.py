# Wrong: finds the smallest head with a scan of all k inputs for every value: O(n * k).
_DONE = object()


def merge_k_sorted(iterables):
    its = [iter(x) for x in iterables]
    heads = [next(it, _DONE) for it in its]
    while True:
        best = -1
        for i, head in enumerate(heads):
            if head is not _DONE and (best < 0 or head < heads[best]):
                best = i
        if best < 0:
            return
        yield heads[best]
        heads[best] = next(its[best], _DONE)
