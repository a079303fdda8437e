# Wrong: sorts the caller's list in place.
def k_closest(points, k):
    points.sort(key=lambda p: p[0] * p[0] + p[1] * p[1])
    return points[:k]
