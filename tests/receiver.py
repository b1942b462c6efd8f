"""A real HTTP receiver on loopback for webhook tests: scripted answers, every request kept."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import http.server
import threading
from collections import deque
from collections.abc import Callable, Iterator

from standardwebhooks import Webhook


@dataclasses.dataclass(frozen=True)
class Answer:
    status: int = 200
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    hang: bool = False  # hold the request until ``Receiver.release`` (or 30 s)
    body: bytes = b""


@dataclasses.dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    peer: int = 0  # the client's port: requests on one connection share it

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    def verify(self, secret: str) -> object:
        """The payload, if ``standardwebhooks`` accepts the signature with ``secret``."""
        return Webhook(secret).verify(self.body, self.headers)


class Receiver:
    """Answers each request with the next scripted ``Answer`` (then 200s); with ``keep_alive``
    it speaks HTTP/1.1 and serves many requests per connection, as hosts do."""

    def __init__(self, *answers: Answer, keep_alive: bool = False) -> None:
        self.answers = deque(answers)
        self.received: list[Received] = []
        self.finished = 0  # requests answered (a hung one counts once released)
        self.release = threading.Event()
        self._lock = threading.Lock()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                with owner._lock:
                    peer = self.client_address[1]
                    owner.received.append(Received(self.path, headers, body, peer))
                    answer = owner.answers.popleft() if owner.answers else Answer()
                if answer.hang:
                    owner.release.wait(30)
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("content-length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except OSError:
                    pass  # the deliverer gave up on us
                with owner._lock:
                    owner.finished += 1

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"

    def types(self) -> list[str]:
        import json

        return [json.loads(r.body)["type"] for r in self.received]


@contextlib.contextmanager
def receiving(*answers: Answer, keep_alive: bool = False) -> Iterator[Receiver]:
    receiver = Receiver(*answers, keep_alive=keep_alive)
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.release.set()
        receiver.server.shutdown()
        receiver.server.server_close()
        thread.join()


async def until(condition: Callable[[], bool], step: Callable[[], object] | None = None) -> None:
    """Wait (bounded by the test timeout) until ``condition`` holds, running ``step`` between."""
    while not condition():
        if step is not None:
            result = step()
            if asyncio.iscoroutine(result):
                await result
        await asyncio.sleep(0.01)
