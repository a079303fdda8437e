"""Grading: a solution against a kata's pytest suite, isolated and fast.

Terminal-free. ``Grader`` (in :mod:`coach.grading.grader`) is the API; the
worker process lives in :mod:`coach.grading.worker`.
"""
