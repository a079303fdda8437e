# Wrong: recursive flood fill: RecursionError on a large island.
def num_islands(grid: list[list[int]]) -> int:
    seen = set()

    def fill(r, c):
        if not (0 <= r < len(grid) and 0 <= c < len(grid[r])) or grid[r][c] != 1 or (r, c) in seen:
            return
        seen.add((r, c))
        fill(r - 1, c)
        fill(r + 1, c)
        fill(r, c - 1)
        fill(r, c + 1)

    islands = 0
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] == 1 and (r, c) not in seen:
                islands += 1
                fill(r, c)
    return islands
