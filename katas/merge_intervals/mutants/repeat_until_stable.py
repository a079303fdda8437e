# Wrong: merges pairs and starts over until nothing changes: O(n^2) or worse
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    result = [list(i) for i in intervals]
    changed = True
    while changed:
        changed = False
        for a in range(len(result)):
            for b in range(a + 1, len(result)):
                (s1, e1), (s2, e2) = result[a], result[b]
                if s1 <= e2 and s2 <= e1:
                    result[a] = [min(s1, s2), max(e1, e2)]
                    del result[b]
                    changed = True
                    break
            if changed:
                break
    return sorted(result)
