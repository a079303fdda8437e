from collections import deque


def num_islands(grid: list[list[int]]) -> int:
    """Count the groups of 1s joined horizontally or vertically.

    Scan the cells; each unvisited land cell starts a new island, flooded
    with a breadth-first search that marks its cells in a set (the grid is
    left untouched). O(rows * cols) time and space; no recursion.
    """
    seen: set[tuple[int, int]] = set()
    islands = 0
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell != 1 or (r, c) in seen:
                continue
            islands += 1
            seen.add((r, c))
            queue = deque([(r, c)])
            while queue:
                y, x = queue.popleft()
                for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if (0 <= ny < len(grid) and 0 <= nx < len(grid[ny])
                            and grid[ny][nx] == 1 and (ny, nx) not in seen):
                        seen.add((ny, nx))
                        queue.append((ny, nx))
    return islands
