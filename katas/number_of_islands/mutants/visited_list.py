# Wrong: keeps visited cells in a list: every `in` test scans it, O(n^2) overall.
def num_islands(grid: list[list[int]]) -> int:
    seen = []
    islands = 0
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] != 1 or (r, c) in seen:
                continue
            islands += 1
            seen.append((r, c))
            stack = [(r, c)]
            while stack:
                y, x = stack.pop()
                for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if (0 <= ny < len(grid) and 0 <= nx < len(grid[ny])
                            and grid[ny][nx] == 1 and (ny, nx) not in seen):
                        seen.append((ny, nx))
                        stack.append((ny, nx))
    return islands
