"""The workbench in a browser tab: ctrl+o downloads the draft instead of suspending for $EDITOR,
and f8 resets the draft as ctrl+t does (a browser keeps ctrl+t for a new tab)."""

from __future__ import annotations

from tests.tui.test_flows import SIZE, workbench_app


def active_keys(app) -> dict[str, str]:
    return {key: active.binding.action for key, active in app.screen.active_bindings.items()}


async def test_in_a_terminal_ctrl_o_is_the_external_editor(monkeypatch):
    monkeypatch.delenv("COACH_WEB", raising=False)
    app, _ = workbench_app()
    async with app.run_test(size=SIZE):
        assert active_keys(app)["ctrl+o"] == "external_editor"


async def test_in_a_browser_ctrl_o_downloads_the_draft(monkeypatch):
    monkeypatch.setenv("COACH_WEB", "1")
    monkeypatch.setenv("EDITOR", "false")
    delivered = []
    app, _ = workbench_app(draft="def two_sum(nums, target):\n    return None\n")
    monkeypatch.setattr(app, "deliver_text", lambda file, **kw: delivered.append((file.read(), kw)))
    async with app.run_test(size=SIZE) as pilot:
        assert active_keys(app)["ctrl+o"] == "download"
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert delivered == [("def two_sum(nums, target):\n    return None\n",
                          {"save_filename": "two_sum.py", "mime_type": "text/x-python"})]


async def test_f8_resets_the_draft(monkeypatch):
    monkeypatch.setenv("COACH_WEB", "1")
    app, kata = workbench_app(draft="def two_sum(nums, target):\n    return None\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.editor.text == kata.starter()
