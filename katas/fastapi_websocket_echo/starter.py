"""A WebSocket echo endpoint that ends every connection cleanly. See README.md."""

from fastapi import FastAPI, WebSocket

app = FastAPI(title="Echo")

# The connections currently open.
connections: set[WebSocket] = set()


@app.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    """Echo each text message as "echo: <message>"; "/quit" says "bye" and closes."""
    await websocket.accept()
    raise NotImplementedError("write the echo loop")
