"""What a user sees: the text of the current screen, read from Textual's own SVG export."""

from __future__ import annotations

import html
import re

_TEXT = re.compile(r'<text[^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[\w-]*?line-(\d+)\)"[^>]*>(.*?)</text>', re.S)
CELL = 12.2  # the export's width of one terminal cell, in px


def screen_text(app) -> str:
    """Every line on screen as the terminal shows it (cells placed by their x position)."""
    svg = app.export_screenshot()
    width, height = app.size
    grid = [[" "] * (width + 8) for _ in range(height)]
    for x, line, body in _TEXT.findall(svg):
        row = int(line)
        if row >= height:
            continue
        col = round(float(x) / CELL)
        for offset, char in enumerate(html.unescape(body).replace("\xa0", " ")):
            if col + offset < len(grid[row]):
                grid[row][col + offset] = char
    return "\n".join("".join(row).rstrip() for row in grid)


def region_text(app, selector: str) -> str:
    """The text inside one widget's region, its lines joined by spaces (wrapping undone)."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()[region.y: region.y + region.height]
    inner = (line[region.x: region.x + region.width].strip(" │┃█▁▂▃▄▅▆▇") for line in lines)
    return " ".join(part for part in inner if part)
