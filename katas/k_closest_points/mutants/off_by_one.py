# Wrong: slices k + 1 points when k is smaller than n (a `<=` where `<` belongs).
def k_closest(points, k):
    order = sorted(range(len(points)), key=lambda i: (points[i][0] ** 2 + points[i][1] ** 2, i))
    take = k + 1 if 0 < k < len(points) else k
    return [points[i] for i in order[:take]]
