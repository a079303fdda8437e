# Wrong: reads with receive_text(), which raises on a binary frame instead of closing with 1003
"""A WebSocket echo endpoint that ends every connection cleanly.

The loop reads raw ASGI messages with websocket.receive() rather than
receive_text(), so it can tell a text frame from a binary one and notice the
client leaving without an exception. The finally block keeps `connections`
right whichever way the connection ends.
"""

from fastapi import FastAPI, WebSocket, status

app = FastAPI(title="Echo")

# The connections currently open (a broadcast would iterate over this).
connections: set[WebSocket] = set()


@app.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    connections.add(websocket)
    try:
        while True:
            text = await websocket.receive_text()
            if text == "/quit":
                await websocket.send_text("bye")
                await websocket.close(code=status.WS_1000_NORMAL_CLOSURE)
                return
            await websocket.send_text(f"echo: {text}")
    finally:
        connections.discard(websocket)
