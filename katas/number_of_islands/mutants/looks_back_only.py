# Wrong: one pass that counts land with no land above or to the left: a U shape counts twice.
def num_islands(grid: list[list[int]]) -> int:
    islands = 0
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] != 1:
                continue
            up = r > 0 and c < len(grid[r - 1]) and grid[r - 1][c] == 1
            left = c > 0 and grid[r][c - 1] == 1
            if not up and not left:
                islands += 1
    return islands
