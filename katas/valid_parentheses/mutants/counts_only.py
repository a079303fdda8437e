# Wrong: counts open and close brackets per kind but ignores nesting order, so '([)]' passes
def is_valid(s: str) -> bool:
    depth = {"(": 0, "[": 0, "{": 0}
    closer = {")": "(", "]": "[", "}": "{"}
    for char in s:
        if char in depth:
            depth[char] += 1
        elif char in closer:
            depth[closer[char]] -= 1
            if depth[closer[char]] < 0:
                return False
    return all(v == 0 for v in depth.values())
