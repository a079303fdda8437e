# Wrong: marks visited land by writing 0 into the caller's grid.
from collections import deque


def num_islands(grid: list[list[int]]) -> int:
    islands = 0
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] != 1:
                continue
            islands += 1
            grid[r][c] = 0
            queue = deque([(r, c)])
            while queue:
                y, x = queue.popleft()
                for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if 0 <= ny < len(grid) and 0 <= nx < len(grid[ny]) and grid[ny][nx] == 1:
                        grid[ny][nx] = 0
                        queue.append((ny, nx))
    return islands
