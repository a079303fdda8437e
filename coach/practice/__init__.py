"""Progress: the SQLite store, FSRS scheduling, answer scoring, stats, export/import.

Terminal-free: the TUI and the CLI both build on it.
"""
