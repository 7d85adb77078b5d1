"""Collaboration figures on the solved Paris demo: invitations, replies, a local Radicale.

Radicale runs in-process on 127.0.0.1 (a free port, plain htpasswd, a temporary
folder), as in the tests.
"""

from __future__ import annotations

import tempfile
import threading
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from visitplanner.domain.visit import Coordinator
from visitplanner.io.caldav_sync import publish, read_busy
from visitplanner.io.itip_invite import build_invitations
from visitplanner.io.itip_replies import match_replies, read_reply_file
from visitplanner.io.project import load_project
from visitplanner.solver.result import SolveOptions
from visitplanner.solver.solve import solve

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "visitplanner" / "resources" / "demo" / "paris-pb-visit.json"
REPLIES = ROOT / "tests" / "io" / "replies"


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def measure() -> list[tuple[str, float, str]]:
    """Invitations for everyone, 300 replies read and matched, publish twice, read busy time."""
    import caldav
    import radicale
    import radicale.config

    project = load_project(DEMO)
    result = solve(project.visit, SolveOptions(time_limit=30))
    assert result.schedule is not None
    project = replace(
        project,
        schedule=result.schedule,
        visit=replace(project.visit, coordinator=Coordinator("Fiona Grant", "fg@wws.example")),
    )
    started = time.perf_counter()
    _, invitations = build_invitations(project)
    invite_s = time.perf_counter() - started
    files = sorted(p for p in REPLIES.iterdir() if p.suffix in (".ics", ".eml")) * 100
    started = time.perf_counter()
    answers = [a for f in files for a in read_reply_file(f)]
    match_replies(project, answers)
    replies_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "users").write_text("coord:pw\n", encoding="utf-8")
        (folder / "conf").write_text(
            f"[auth]\ntype = htpasswd\nhtpasswd_filename = {folder / 'users'}\n"
            f"htpasswd_encryption = plain\n[storage]\nfilesystem_folder = {folder / 's'}\n"
            "[logging]\nlevel = error\n",
            encoding="utf-8",
        )
        app = radicale.Application(radicale.config.load([(str(folder / "conf"), False)]))
        server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_Quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/coord/"
        caldav.DAVClient(url=base, username="coord", password="pw").principal().make_calendar(
            name="Visit", cal_id="visit"
        )
        url = base + "visit/"
        started = time.perf_counter()
        first = publish(project, url, "coord", "pw")
        publish_s = time.perf_counter() - started
        started = time.perf_counter()
        second = publish(project, url, "coord", "pw")
        again_s = time.perf_counter() - started
        assert second.changed == 0
        started = time.perf_counter()
        days = project.visit.dates
        read_busy(url, "coord", "pw", "Europe/Paris", days[0], days[-1] + timedelta(days=1))
        read_s = time.perf_counter() - started
        server.shutdown()
        server.server_close()
    return [
        ("invitations-paris", invite_s * 1000, f"ms ({len(invitations)} e-mails)"),
        ("replies-300-files", replies_s * 1000, "ms"),
        ("caldav-publish-first", publish_s, f"s ({len(first.created)} events)"),
        ("caldav-publish-unchanged", again_s, "s"),
        ("caldav-read-busy", read_s * 1000, "ms"),
    ]


if __name__ == "__main__":
    for name, value, unit in measure():
        print(f"{name}: {value:.3f} {unit}")
