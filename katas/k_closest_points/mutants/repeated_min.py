# Wrong: takes the minimum out k times: O(n * k).
def k_closest(points, k):
    left = list(points)
    result = []
    for _ in range(min(k, len(left))):
        best = min(range(len(left)), key=lambda i: (left[i][0] ** 2 + left[i][1] ** 2, i))
        result.append(left.pop(best))
    return result
