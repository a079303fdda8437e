# Wrong: joins diagonal neighbours too.
from collections import deque


def num_islands(grid: list[list[int]]) -> int:
    seen = set()
    islands = 0
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] != 1 or (r, c) in seen:
                continue
            islands += 1
            seen.add((r, c))
            queue = deque([(r, c)])
            while queue:
                y, x = queue.popleft()
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        ny, nx = y + dy, x + dx
                        if (0 <= ny < len(grid) and 0 <= nx < len(grid[ny])
                                and grid[ny][nx] == 1 and (ny, nx) not in seen):
                            seen.add((ny, nx))
                            queue.append((ny, nx))
    return islands
