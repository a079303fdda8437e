# Wrong: merges the inputs pairwise from the last, preferring the right side on ties: not stable.
def _merge_two(left, right):
    left, right = iter(left), iter(right)
    a, b = next(left, None), next(right, None)
    while a is not None and b is not None:
        if not a < b:
            yield b
            b = next(right, None)
        else:
            yield a
            a = next(left, None)
    while a is not None:
        yield a
        a = next(left, None)
    while b is not None:
        yield b
        b = next(right, None)


def merge_k_sorted(iterables):
    result = iter(())
    for iterable in iterables:
        result = _merge_two(result, iterable)
    return iter(result)
