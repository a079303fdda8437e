import pytest

from union_find import UnionFind


def count(uf):
    result = uf.count
    assert type(result) is int, f"count must be an int, got {result!r}"
    return result


def union(uf, a, b):
    result = uf.union(a, b)
    assert type(result) is bool, f"union() must return True or False, got {result!r}"
    return result


def connected(uf, a, b):
    result = uf.connected(a, b)
    assert type(result) is bool, f"connected() must return True or False, got {result!r}"
    return result


def size(uf, x):
    result = uf.size(x)
    assert type(result) is int, f"size() must return an int, got {result!r}"
    return result


def test_example():
    uf = UnionFind(5)
    assert count(uf) == 5
    assert union(uf, 0, 1) is True
    assert union(uf, 1, 2) is True
    assert union(uf, 0, 2) is False
    assert connected(uf, 0, 2) is True
    assert connected(uf, 0, 3) is False
    assert size(uf, 2) == 3
    assert count(uf) == 3


def test_everyone_starts_alone():
    uf = UnionFind(4)
    for x in range(4):
        assert uf.find(x) == x
        assert size(uf, x) == 1
        assert connected(uf, x, x) is True
    assert connected(uf, 0, 1) is False


def test_redundant_union_changes_nothing():
    uf = UnionFind(3)
    union(uf, 0, 1)
    assert union(uf, 1, 0) is False
    assert union(uf, 0, 0) is False
    assert count(uf) == 2
    assert size(uf, 0) == 2


def test_find_gives_one_representative_per_component():
    uf = UnionFind(8)
    for a, b in [(0, 1), (2, 3), (1, 3), (5, 6)]:
        union(uf, a, b)
    reps = {uf.find(x) for x in (0, 1, 2, 3)}
    assert len(reps) == 1 and reps <= {0, 1, 2, 3}
    assert uf.find(5) == uf.find(6) != uf.find(7)
    assert count(uf) == 4


def test_merging_two_big_components():
    uf = UnionFind(10)
    for i in range(4):
        union(uf, i, i + 1)  # 0..4
    for i in range(5, 9):
        union(uf, i + 1, i)  # 5..9
    assert not connected(uf, 0, 9)
    assert union(uf, 2, 7) is True
    assert all(connected(uf, 0, x) for x in range(10))
    assert size(uf, 9) == 10 and size(uf, 0) == 10
    assert count(uf) == 1


def test_sizes_follow_merges_in_either_direction():
    uf = UnionFind(6)
    union(uf, 0, 1)
    union(uf, 0, 2)  # {0, 1, 2}
    union(uf, 3, 4)  # {3, 4}
    union(uf, 3, 0)  # the small component first
    assert [size(uf, x) for x in range(6)] == [5, 5, 5, 5, 5, 1]


def test_connected_components_of_a_graph():
    edges = [(0, 1), (1, 2), (3, 4), (5, 6), (6, 7), (7, 5), (8, 8)]
    uf = UnionFind(10)
    cycles = [edge for edge in edges if not union(uf, *edge)]
    assert count(uf) == 5  # {0,1,2} {3,4} {5,6,7} {8} {9}
    assert cycles == [(7, 5), (8, 8)]


@pytest.mark.parametrize("bad", [-1, 5, 100])
def test_out_of_range_raises_index_error(bad):
    uf = UnionFind(5)
    with pytest.raises(IndexError):
        uf.find(bad)
    with pytest.raises(IndexError):
        uf.union(0, bad)
    with pytest.raises(IndexError):
        uf.connected(bad, 0)
    assert count(uf) == 5


def test_empty():
    uf = UnionFind(0)
    assert count(uf) == 0
    with pytest.raises(IndexError):
        uf.find(0)


def test_structures_are_independent():
    first, second = UnionFind(3), UnionFind(3)
    union(first, 0, 1)
    assert not connected(second, 0, 1)
    assert count(second) == 3


@pytest.mark.timeout(1)
def test_nearly_constant_time_on_a_long_chain():
    n = 50_000
    uf = UnionFind(n)
    # Without balancing, union(i, i + 1) makes a chain 50,000 deep.
    for i in range(n - 1):
        union(uf, i, i + 1)
    assert count(uf) == 1
    for i in range(0, n, 1_000):
        assert connected(uf, 0, i)
    assert size(uf, n - 1) == n
    uf2 = UnionFind(n)
    for i in range(1, n):
        uf2.union(0, i)  # always through element 0
    assert uf2.size(0) == n and uf2.connected(n - 1, 1)
