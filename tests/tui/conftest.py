from tests.tui.snapshot import snap_compare  # noqa: F401  (the fixture)
