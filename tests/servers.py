"""Real servers for collaboration tests: Radicale (CalDAV) and aiosmtpd (mail), on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

USER, PASSWORD = "coordinator", "s3cret-pass"


@dataclass(frozen=True)
class Radicale:
    """A running Radicale: its base URL and a calendar collection URL of the test user."""

    base: str
    calendar: str
    storage: Path


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _without_freebusy(app: Any) -> Any:
    """``app`` refusing free-busy-query REPORTs, as some servers do (403)."""
    import io

    def wrapped(environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("REQUEST_METHOD") == "REPORT":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)
            if b"free-busy-query" in body:
                start_response("403 Forbidden", [("Content-Type", "text/plain")])
                return [b"free-busy queries are not allowed here"]
        return app(environ, start_response)

    return wrapped


def _full_after(app: Any, puts: int) -> Any:
    """``app`` answering 507 (storage full) to every PUT after the first ``puts``."""
    count = [0]

    def wrapped(environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("REQUEST_METHOD") == "PUT":
            count[0] += 1
            if count[0] > puts:
                start_response("507 Insufficient Storage", [("Content-Type", "text/plain")])
                return [b"the calendar is full"]
        return app(environ, start_response)

    return wrapped


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Radicale]:
    """Radicale with plain htpasswd auth and a temporary storage folder; one empty calendar."""
    yield from _serve(tmp_path, freebusy=True)


@pytest.fixture
def radicale_without_freebusy(tmp_path: Path) -> Iterator[Radicale]:
    """Like ``radicale``, but free-busy queries are refused: clients must read events."""
    yield from _serve(tmp_path, freebusy=False)


@pytest.fixture
def radicale_full_after_one(tmp_path: Path) -> Iterator[Radicale]:
    """Like ``radicale``, but the storage is full after one event is written."""
    yield from _serve(tmp_path, freebusy=True, puts=1)


def _serve(tmp_path: Path, freebusy: bool, puts: int | None = None) -> Iterator[Radicale]:
    import caldav
    import radicale as radicale_pkg
    import radicale.config

    users = tmp_path / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    storage = tmp_path / "storage"
    config_file = tmp_path / "radicale.conf"
    config_file.write_text(
        "[auth]\ntype = htpasswd\n"
        f"htpasswd_filename = {users}\nhtpasswd_encryption = plain\n"
        f"[storage]\nfilesystem_folder = {storage}\n"
        "[rights]\ntype = owner_only\n[logging]\nlevel = error\n",
        encoding="utf-8",
    )
    configuration = radicale.config.load([(str(config_file), False)])
    app = radicale_pkg.Application(configuration)
    if not freebusy:
        app = _without_freebusy(app)
    if puts is not None:
        app = _full_after(app, puts)
    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/{USER}/"
    try:
        client = caldav.DAVClient(url=base, username=USER, password=PASSWORD)
        client.principal().make_calendar(name="Visit", cal_id="visit")
        yield Radicale(base, base + "visit/", storage)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Mailbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        import email

        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server() -> Iterator[tuple[str, int, Mailbox]]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield "127.0.0.1", controller.port, mailbox
    finally:
        controller.stop()
