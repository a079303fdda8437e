import heapq
from itertools import count, islice, pairwise

import pytest

import merge_k_sorted as module
from merge_k_sorted import merge_k_sorted

pytestmark = pytest.mark.timeout(2)  # a solution that reads an endless input fails, never hangs


@pytest.fixture(autouse=True)
def no_heapq_merge(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("write the merge yourself with heappush/heappop; heapq.merge is hidden here")

    real = heapq.merge
    monkeypatch.setattr(heapq, "merge", refuse)
    for name, value in list(vars(module).items()):
        if value is real:
            monkeypatch.setattr(module, name, refuse)


class Counted:
    """An iterator over `values` that counts how many it has handed out."""

    def __init__(self, values):
        self._it = iter(values)
        self.taken = 0

    def __iter__(self):
        return self

    def __next__(self):
        value = next(self._it)
        self.taken += 1
        return value


class Box:
    """A value that supports only < and ==, and carries a label to trace it."""

    def __init__(self, value, label):
        self.value, self.label = value, label

    def __lt__(self, other):
        return self.value < other.value

    def __eq__(self, other):
        return self.value == other.value

    __hash__ = None

    def __repr__(self):
        return f"Box({self.value}, {self.label!r})"


class Endless:
    """An endless ascending iterator that fails the test if read far beyond what is needed.

    (A solution that reads everything first would otherwise fill the memory.)
    """

    def __init__(self, start, step, limit=10_000):
        self._it = count(start, step)
        self.taken = 0
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        self.taken += 1
        if self.taken > self.limit:
            raise AssertionError(f"read {self.limit:,} values of an endless input: the merge is not lazy")
        return next(self._it)


def merged(iterables):
    result = merge_k_sorted(iterables)
    assert iter(result) is result, f"expected an iterator (a generator, say), got {type(result).__name__}"
    return list(result)


def test_example():
    assert merged([[1, 4, 5], [1, 3, 4], [2, 6]]) == [1, 1, 2, 3, 4, 4, 5, 6]


def test_no_inputs():
    assert merged([]) == []


def test_empty_inputs():
    assert merged([[], [], []]) == []
    assert merged([[], [0], []]) == [0]
    assert merged([[1, 2], []]) == [1, 2]


def test_single_input():
    assert merged([[3, 5, 7]]) == [3, 5, 7]


def test_generators_and_other_iterables():
    assert merged([(x for x in (2, 8)), range(0, 10, 3), iter([1, 5])]) == [0, 1, 2, 3, 5, 6, 8, 9]


def test_outer_iterable_may_be_a_generator():
    assert merged(iter([[i, i + 10] for i in range(3)])) == [0, 1, 2, 10, 11, 12]


def test_negative_and_equal_values():
    assert merged([[-5, 0, 0], [-5, -1], [0]]) == [-5, -5, -1, 0, 0, 0]


def test_strings():
    assert merged([["apple", "fig"], ["banana", "cherry"]]) == ["apple", "banana", "cherry", "fig"]


def test_equal_values_keep_input_order():
    first = [Box(1, "a1"), Box(2, "a2"), Box(2, "a3")]
    second = [Box(1, "b1"), Box(2, "b2")]
    third = [Box(0, "c1"), Box(2, "c2")]
    labels = [box.label for box in merged([first, second, third])]
    assert labels == ["c1", "a1", "b1", "a2", "a3", "b2", "c2"]


def test_endless_inputs():
    evens, odds = Endless(0, 2), Endless(1, 2)
    result = merge_k_sorted([evens, odds])
    assert list(islice(result, 6)) == [0, 1, 2, 3, 4, 5]
    assert evens.taken + odds.taken <= 8


def test_reads_only_what_it_needs():
    streams = [Counted(range(i, 1000, 4)) for i in range(4)]
    result = merge_k_sorted(streams)
    assert list(islice(result, 10)) == list(range(10))
    taken = sum(s.taken for s in streams)
    assert taken <= 10 + len(streams), f"10 values out should read about 14 in, not {taken}"


def test_first_value_reads_only_the_heads():
    streams = [Counted(range(i, 100, 3)) for i in range(3)]
    result = merge_k_sorted(streams)
    assert sum(s.taken for s in streams) <= len(streams)
    assert next(result) == 0


def test_independent_calls():
    one = merge_k_sorted([[1, 3], [2]])
    two = merge_k_sorted([[10], [5]])
    assert next(one) == 1
    assert next(two) == 5
    assert list(one) == [2, 3]
    assert list(two) == [10]


def test_many_streams_in_n_log_k():
    k = 5_000
    streams = [range(i, 20 * k, k) for i in range(k)]
    result = merged(streams)
    assert len(result) == 20 * k
    assert result[:3] == [0, 1, 2] and result[-1] == 20 * k - 1
    assert all(a < b for a, b in pairwise(result))
