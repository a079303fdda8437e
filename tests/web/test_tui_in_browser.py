"""The workbench in a browser tab: ctrl+o downloads the draft instead of suspending for $EDITOR."""

from __future__ import annotations

from tests.tui.test_flows import SIZE, workbench_app


def footer_keys(app) -> dict[str, str]:
    return {key: active.binding.description for key, active in app.screen.active_bindings.items()}


async def test_in_a_terminal_ctrl_o_is_the_external_editor(monkeypatch):
    monkeypatch.delenv("COACH_WEB", raising=False)
    app, _ = workbench_app()
    async with app.run_test(size=SIZE):
        assert footer_keys(app)["ctrl+o"] == "$EDITOR"


async def test_in_a_browser_ctrl_o_downloads_the_draft(monkeypatch):
    monkeypatch.setenv("COACH_WEB", "1")
    monkeypatch.setenv("EDITOR", "false")
    delivered = []
    app, _ = workbench_app(draft="def two_sum(nums, target):\n    return None\n")
    monkeypatch.setattr(app, "deliver_text", lambda file, **kw: delivered.append((file.read(), kw)))
    async with app.run_test(size=SIZE) as pilot:
        assert footer_keys(app)["ctrl+o"] == "Download"
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert delivered == [("def two_sum(nums, target):\n    return None\n",
                          {"save_filename": "two_sum.py", "mime_type": "text/x-python"})]
