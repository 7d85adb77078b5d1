"""``invite``, ``replies``, ``publish``, ``import-caldav`` and ``--lang`` from the command line."""

from __future__ import annotations

import email
import email.policy
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.io.collab_project import planned_project
from tests.servers import (  # noqa: F401 - fixtures
    PASSWORD,
    USER,
    Mailbox,
    Radicale,
    free_port,
    radicale,
    smtp_server,
)
from visitplanner.cli.main import main
from visitplanner.domain.visit import Coordinator
from visitplanner.io.ics_export import person_file_names
from visitplanner.io.project import load_project, save_project

REPLIES = Path(__file__).parents[1] / "io" / "replies"


@pytest.fixture
def project_file(demo_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "visit.json"
    save_project(planned_project(demo_path), path)
    return path


def test_invite_writes_one_eml_per_person_and_remembers(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mail"
    assert main(["invite", str(project_file), "--out", str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    names = {
        pid: Path(n).stem + ".eml"
        for pid, n in person_file_names(load_project(project_file)).items()
    }
    assert names["gla-pb"] in files and names["paris-lead"] in files
    msg = email.message_from_bytes(
        (out / names["gla-pb"]).read_bytes(), policy=email.policy.default
    )
    assert any(p.get_content_type() == "text/calendar" for p in msg.walk())
    assert "mainstreaming" in load_project(project_file).invited
    assert "invitation" in capsys.readouterr().out


def test_invite_needs_a_coordinator_and_takes_one(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = planned_project(demo_path)
    path = tmp_path / "bare.json"
    save_project(replace(project, visit=replace(project.visit, coordinator=Coordinator())), path)
    assert main(["invite", str(path), "--out", str(tmp_path / "m")]) == 2
    assert "coordinator" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()
    code = main(
        [
            "invite",
            str(path),
            "--out",
            str(tmp_path / "m"),
            "--coordinator",
            "Ann Lee <ann@wws.example>",
        ]
    )
    assert code == 0
    assert load_project(path).visit.coordinator == Coordinator("Ann Lee", "ann@wws.example")


def test_invite_sends_through_smtp(
    project_file: Path,
    tmp_path: Path,
    smtp_server: tuple[str, int, Mailbox],  # noqa: F811
) -> None:
    host, port, mailbox = smtp_server
    code = main(
        ["invite", str(project_file), "--out", str(tmp_path / "m"), "--smtp", f"{host}:{port}"]
    )
    assert code == 0
    assert len(mailbox.messages) == len(list((tmp_path / "m").iterdir()))


def test_invite_smtp_down_is_exit_2(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "invite",
            str(project_file),
            "--out",
            str(tmp_path / "m"),
            "--smtp",
            f"127.0.0.1:{free_port()}",
        ]
    )
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_replies_json_shape_and_unmatched(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        str(REPLIES / n)
        for n in ("thunderbird-accept.ics", "outlook-decline.eml", "google-tentative.ics")
    ]
    assert main(["replies", str(project_file), *files, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"replies", "unmatched"}
    got = {(r["activity"], r["person"], r["status"]) for r in data["replies"]}
    assert got == {
        ("lunch", "paris-planning", "accepted"),
        ("mainstreaming", "paris-implementation", "declined"),
        ("dinner", "gla-pb", "tentative"),
    }
    assert all(r["uid"].endswith("@visitplanner") for r in data["replies"])
    assert [u["uid"] for u in data["unmatched"]] == ["5t3bq8lbd0l2mj1b4m3nnmdc0s@google.com"]


def test_replies_refuses_a_file_that_is_not_a_calendar(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = project_file.read_bytes()
    code = main(
        [
            "replies",
            str(project_file),
            str(REPLIES / "thunderbird-accept.ics"),
            str(REPLIES / "not-a-calendar.txt"),
            "--out",
            str(project_file),
        ]
    )
    assert code == 2
    assert "not-a-calendar.txt" in capsys.readouterr().err
    assert project_file.read_bytes() == before


def test_stored_decline_makes_check_fail_until_blocked_and_replanned(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decline = str(REPLIES / "outlook-decline.eml")
    assert main(["replies", str(project_file), decline, "--out", str(project_file)]) == 0
    stored = load_project(project_file)
    assert [r.status.value for r in stored.replies] == ["declined"]
    capsys.readouterr()
    assert main(["check", str(project_file)]) == 1
    assert "Karim Benali declined" in capsys.readouterr().out
    blocked = tmp_path / "blocked.json"
    assert (
        main(["replies", str(project_file), decline, "--block-declined", "--out", str(blocked)])
        == 0
    )
    replanned = tmp_path / "replanned.json"
    code = main(["solve", str(blocked), "--out", str(replanned), "--time-limit", "60"])
    assert code == 0
    after = load_project(replanned)
    meeting = after.schedule.get("mainstreaming")
    assert meeting is not None and (meeting.day, meeting.start) != (1, 540)
    capsys.readouterr()
    main(["check", str(replanned)])
    assert "declined" not in capsys.readouterr().out


def test_publish_twice_and_import_caldav(
    project_file: Path,
    radicale: Radicale,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("VISITPLANNER_CALDAV_PASSWORD", PASSWORD)
    args = ["publish", str(project_file), "--caldav", radicale.calendar, "--user", USER]
    assert main(args) == 0
    assert "3 events created" in capsys.readouterr().out
    assert main(args) == 0
    assert "0 updated, 0 deleted, 3 unchanged" in capsys.readouterr().out
    code = main(
        [
            "import-caldav",
            radicale.calendar,
            "--user",
            USER,
            "--zone",
            "Europe/Paris",
            "--window",
            "2027-03-22",
            "2027-03-24",
            "--json",
        ]
    )
    assert code == 0
    intervals = json.loads(capsys.readouterr().out)["intervals"]
    assert [iv["start"] for iv in intervals] == [
        "2027-03-23T09:00:00+01:00",
        "2027-03-23T12:00:00+01:00",
        "2027-03-23T19:30:00+01:00",
    ]
    assert PASSWORD not in project_file.read_text(encoding="utf-8")


def test_publish_wrong_password_is_exit_2_without_traceback(
    project_file: Path,
    radicale: Radicale,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("VISITPLANNER_CALDAV_PASSWORD", "nope")
    assert main(["publish", str(project_file), "--caldav", radicale.calendar, "--user", USER]) == 2
    err = capsys.readouterr().err
    assert "password" in err and "Traceback" not in err


def test_import_caldav_server_down_is_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VISITPLANNER_CALDAV_PASSWORD", PASSWORD)
    url = f"http://127.0.0.1:{free_port()}/{USER}/visit/"
    code = main(
        [
            "import-caldav",
            url,
            "--user",
            USER,
            "--zone",
            "UTC",
            "--window",
            "2027-03-22",
            "2027-03-24",
        ]
    )
    assert code == 2
    assert "Could not reach" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        "solve",
        "check",
        "export",
        "import-ics",
        "dates",
        "invite",
        "replies",
        "publish",
        "import-caldav",
    ],
)
def test_every_command_accepts_lang(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help", "--lang", "fr"])
    assert done.value.code == 0
    assert "--lang" in capsys.readouterr().out


def test_lang_fr_speaks_french(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["replies", str(project_file), str(REPLIES / "outlook-decline.eml"), "--lang", "fr"])
    out = capsys.readouterr().out
    assert "Réponses" in out and "mardi 23 mars 2027" in out
    answer = next(line for line in out.splitlines() if "mardi 23 mars 2027" in line)
    assert "a refusé : " in answer  # French puts a space before the colon


def test_french_costs_and_problems_put_a_space_before_the_colon(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    main(["--lang", "fr", "check", str(demo_path)])
    lines = capsys.readouterr().out.splitlines()
    costs = [ln for ln in lines if re.fullmatch(r"  \S.*: \d+", ln)]
    problems = [ln for ln in lines if ln.startswith("  - ")]
    assert costs and problems
    assert all(ln.endswith(f" : {ln.split()[-1]}") for ln in costs)
    assert all(" : " in ln for ln in problems)


def test_lang_before_the_command(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    assert main(["--lang", "fr", "check", str(demo_path)]) == 1
    assert "Jour 1" in capsys.readouterr().out
