# Wrong: sends each echo to every open connection instead of only the sender
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
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return  # the client left: nothing to send, nothing to close
            text = message.get("text")
            if text is None:
                await websocket.close(code=status.WS_1003_UNSUPPORTED_DATA, reason="text frames only")
                return
            if text == "/quit":
                await websocket.send_text("bye")
                await websocket.close(code=status.WS_1000_NORMAL_CLOSURE)
                return
            for other in list(connections):
                await other.send_text(f"echo: {text}")
    finally:
        connections.discard(websocket)
