"""Tests for batched."""

import pytest

from batched import batched


class Counting:
    """An iterator over 0, 1, 2, ... that counts the items taken from it.

    With a limit it stops there. Without one it goes on and on, but reading
    more than 10,000 items fails the test: no test needs that many, so the
    solution is reading ahead instead of taking items as they are asked for.
    """

    def __init__(self, limit=None):
        self.limit = limit
        self.taken = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.limit is not None and self.taken >= self.limit:
            raise StopIteration
        if self.taken >= 10_000:
            raise AssertionError("batched read 10,000 items when a few batches were asked for: "
                                 "it must take items only as they are needed")
        self.taken += 1
        return self.taken - 1



def batches(iterable, n):
    result = list(batched(iterable, n))
    for batch in result:
        assert type(batch) is tuple, f"each batch must be a tuple, got {batch!r}"
    return result


def test_splits_into_tuples_of_n():
    assert batches("ABCDEFG", 3) == [("A", "B", "C"), ("D", "E", "F"), ("G",)]


def test_exact_multiple_has_no_empty_batch_at_the_end():
    assert batches(range(6), 2) == [(0, 1), (2, 3), (4, 5)]


def test_empty_input():
    assert batches([], 3) == []


def test_batches_of_one():
    assert batches(["a", "b", "c"], 1) == [("a",), ("b",), ("c",)]


def test_n_larger_than_the_input():
    assert batches([1, 2], 5) == [(1, 2)]


def test_items_are_the_same_objects():
    first, second = [1], {"k": 2}
    [(a, b)] = batches([first, second], 2)
    assert a is first and b is second


def test_falsy_items_are_items():
    assert batches([None, 0, "", False, None], 2) == [(None, 0), ("", False), (None,)]


def test_works_on_a_one_shot_iterator():
    squares = (x * x for x in range(5))  # no len(), no slicing
    assert batches(squares, 2) == [(0, 1), (4, 9), (16,)]


def test_returns_an_iterator():
    result = batched([1, 2, 3], 2)
    assert iter(result) is result, "batched must return an iterator (a generator), not a list"
    assert next(result) == (1, 2)
    assert next(result) == (3,)
    with pytest.raises(StopIteration):
        next(result)


def test_works_on_an_infinite_iterator():
    result = batched(Counting(), 4)
    assert next(result) == (0, 1, 2, 3)
    assert next(result) == (4, 5, 6, 7)
    assert next(result) == (8, 9, 10, 11)


def test_takes_only_the_items_it_needs():
    source = Counting(limit=10)
    result = batched(source, 3)
    assert source.taken == 0, "nothing may be read before the first batch is asked for"
    assert next(result) == (0, 1, 2)
    assert source.taken == 3, "the first batch must read exactly 3 items, not peek at a 4th"
    assert next(result) == (3, 4, 5)
    assert source.taken == 6
    assert list(result) == [(6, 7, 8), (9,)]


@pytest.mark.parametrize("n", [0, -1], ids=["zero", "negative"])
@pytest.mark.timeout(1)
def test_n_below_one_is_rejected(n):
    # Raising at the call or at the first next() are both accepted.
    with pytest.raises(ValueError):
        list(batched([1, 2, 3], n))


@pytest.mark.timeout(1)
def test_linear_time():
    # Three batches of 100,000: copying the batch for every item added, or
    # list.pop(0), costs billions of steps; islice or a list takes milliseconds.
    result = batches(range(300_000), 100_000)
    assert [len(batch) for batch in result] == [100_000] * 3
    assert result[1][0] == 100_000 and result[2][-1] == 299_999
