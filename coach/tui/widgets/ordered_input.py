"""An Input that applies every key in the order it arrived, however fast the keys come."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class OrderedInput(Input):
    """Textual's Input inserts a printable key as soon as it takes it from its own queue, but a key
    it has a binding for (backspace, delete, enter, ctrl+w...) bubbles up to the app and runs from
    the app's queue. In a burst (a paste without bracketed paste, a fast typist, tmux send-keys)
    ``async`` + backspace x5 + ``lru`` then reads ``asy``: the letters land before the backspaces
    typed ahead of them, and enter submits that. Here the Input's own bindings run where the key
    is taken, in order; priority bindings were already handled by the app before forwarding.
    """

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input's own handler (next in the MRO) inserts it
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return
