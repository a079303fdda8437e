import copy

import pytest

from number_of_islands import num_islands


def count(grid):
    before = copy.deepcopy(grid)
    result = num_islands(grid)
    assert type(result) is int, f"expected an int, got {type(result).__name__}: {result!r}"
    assert grid == before, "num_islands must not modify the grid"
    return result


def parse(picture):
    return [[1 if ch == "#" else 0 for ch in line] for line in picture.strip().splitlines()]


def test_example():
    grid = [
        [1, 1, 0, 0, 0],
        [1, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 1, 1],
    ]
    assert count(grid) == 3


def test_diagonals_do_not_join():
    assert count([[1, 0], [0, 1]]) == 2
    assert count(parse("#.#\n.#.\n#.#")) == 5


@pytest.mark.parametrize("grid", [[], [[]], [[0, 0, 0]], [[0], [0]]], ids=["no rows", "empty row", "one row of water", "one column of water"])
def test_no_land(grid):
    assert count(grid) == 0


def test_all_land():
    assert count([[1] * 4 for _ in range(3)]) == 1


def test_single_cells():
    assert count([[1]]) == 1
    assert count([[0]]) == 0


def test_land_on_every_edge():
    grid = parse("""
#...#
.....
#...#
""")
    assert count(grid) == 4
    assert count(parse("#\n.\n#\n#")) == 2
    assert count(parse("##.##")) == 2


def test_u_shape_is_one_island():
    # A scan meets the two arms first: they must merge through the bottom.
    grid = parse("""
#...#
#...#
#####
""")
    assert count(grid) == 1


def test_lake_inside_an_island():
    grid = parse("""
#####
#...#
#.#.#
#...#
#####
""")
    assert count(grid) == 2


def test_spiral():
    grid = parse("""
#######
......#
#####.#
#...#.#
#.###.#
#.....#
#######
""")
    assert count(grid) == 1


def test_checkerboard():
    grid = [[(r + c) % 2 for c in range(10)] for r in range(10)]
    assert count(grid) == 50


def test_result_does_not_depend_on_earlier_calls():
    grid = parse("#.#\n...\n#.#")
    assert count(grid) == 4
    assert count(grid) == 4


@pytest.mark.timeout(2)
def test_big_snake_without_recursion():
    # 200 x 200: every even row is land, and the odd rows join them at
    # alternate ends, so all 20,100 land cells make one winding island.
    size = 200
    grid = []
    for r in range(size):
        if r % 2 == 0:
            grid.append([1] * size)
        else:
            row = [0] * size
            row[-1 if r % 4 == 1 else 0] = 1
            grid.append(row)
    assert count(grid) == 1
    grid[2][5] = 0
    assert count(grid) == 2
