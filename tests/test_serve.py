"""`protokoll serve`: one meeting as a live web page, behind a token, and nothing else.

The real command in a subprocess, asked over real HTTP (http.client sends a
path exactly as written, `..` and all). Without the token, with a wrong
one, or for any path but the page, its script, its style and its event
stream, the answer is 404. The user's text is escaped; a save is pushed to
an open event stream; Ctrl+C stops it, open stream or not; it writes nothing.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from protokoll.store import Store

from .terminal.harness import ROOT, WAIT
from .terminal.stores import meeting_in_progress
from .test_follow import cli, files

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


class Served:
    def __init__(self, proc: subprocess.Popen, url: str) -> None:
        self.proc = proc
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.token = parts.path.strip("/")

    def get(self, path: str, method: str = "GET") -> tuple[int, dict, bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=WAIT)
        try:
            conn.putrequest(method, path, skip_accept_encoding=True)  # the path as written
            conn.endheaders()
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()


@contextmanager
def serve(path: Path, *extra: str) -> Iterator[Served]:
    argv = [sys.executable, "-m", "protokoll.tui.cli", "serve", "--store", str(path)]
    argv += ["--address", "127.0.0.1:0", *extra]
    proc = subprocess.Popen(
        argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline()
        found = re.search(r"http://\S+", line)
        assert found, f"no address printed: {line!r} {proc.stderr.read() if proc.poll() else ''}"
        yield Served(proc, found.group(0))
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(WAIT)


def two_meetings(tmp_path: Path) -> tuple[Path, str, str]:
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path, text=HOSTILE)
    store = Store(path)
    other = store.create_meeting(store.organs()[0].id, "2025-12-01")
    other.add_paragraph("Hemligt ärende i ett annat möte")
    other.close()
    # Both are open: the one in progress is the one written last (the secretary's).
    later = time.time_ns() + 10**9
    os.utime(path / "meetings" / f"{meeting_id}.json", ns=(later, later))
    return path, meeting_id, other.meeting.id


def test_the_page_is_served_under_its_token_with_the_text_escaped(tmp_path):
    path, _meeting_id, _other = two_meetings(tmp_path)
    with serve(path) as s:
        status, headers, body = s.get(f"/{s.token}/")
        page = body.decode()
        assert status == 200
        assert "§ 1  Information" in page
        assert HOSTILE not in page and "<script>alert" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in page
        # Only our own script, from its own route; the policy forbids any inline one.
        assert re.findall(r"<script[^>]*>", page) == [f'<script src="/{s.token}/live.js" defer>']
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "default-src 'none'" in policy
        assert s.get(f"/{s.token}/live.js")[0] == 200
        assert s.get(f"/{s.token}/style.css")[0] == 200


def test_without_the_token_or_with_a_wrong_one_nothing_is_served(tmp_path):
    path, _meeting_id, _other = two_meetings(tmp_path)
    with serve(path) as s:
        wrong = s.token[:-1] + ("A" if s.token[-1] != "A" else "B")
        for request in (
            "/",
            "/events",
            "/live.js",
            f"/{wrong}/",
            f"/{wrong}/events",
            f"/{s.token[:8]}/",
            f"/{s.token}x/",
        ):
            status, _headers, body = s.get(request)
            assert status == 404, request
            assert b"Information" not in body


def test_nothing_of_the_store_but_the_one_meeting_is_reachable(tmp_path):
    path, meeting_id, other = two_meetings(tmp_path)
    t = None
    with serve(path, meeting_id) as s:
        t = s.token
        for request in (
            f"/{t}/../",
            f"/{t}/../catalogue.json",
            f"/{t}/%2e%2e/catalogue.json",
            f"/{t}/meetings/",
            f"/{t}/meetings/{meeting_id}.json",
            f"/{t}/{other}",
            f"/{t}/{other}/",
            f"/{t}/index/",
            f"/{t}/locks/",
            f"/{t}/web/",
            f"/{t}/web/live.js",
            f"/{t}/events/../../catalogue.json",
            "/meetings/",
            "/../",
        ):
            status, _headers, body = s.get(request)
            assert status == 404, request
            assert b"Hemligt" not in body and b"Information" not in body, request
        for method in ("POST", "PUT", "DELETE"):
            assert s.get(f"/{t}/", method=method)[0] == 404, method
        assert b"Hemligt" not in s.get(f"/{t}/")[2]


def _views(s: Served) -> Iterator[dict]:
    """The updates the event stream pushes, as they come."""
    conn = http.client.HTTPConnection(s.host, s.port, timeout=WAIT)
    conn.request("GET", f"/{s.token}/events")
    response = conn.getresponse()
    assert response.status == 200
    assert response.getheader("content-type").startswith("text/event-stream")
    event = ""
    try:
        while True:
            line = response.readline().decode()
            assert line, "the stream ended"
            if line.startswith("event: "):
                event = line[len("event: ") :].strip()
            elif line.startswith("data: ") and event == "view":
                yield json.loads(line[len("data: ") :])
    finally:
        conn.close()


def test_a_save_is_pushed_to_an_open_page(tmp_path):
    path, meeting_id, _other = two_meetings(tmp_path)
    with serve(path) as s:
        views = _views(s)
        first = next(views)
        assert "§ 1  Information" in first["lines"]
        assert first["current_label"] == "aktuell § 1"
        assert HOSTILE in first["lines"]  # as data: the page's script sets it as text
        cli(path, "decide", meeting_id, "1", "att lägga informationen till handlingarna")
        pushed = next(views)
        text = "\n".join(pushed["lines"])
        assert "att lägga informationen till handlingarna" in text
        assert any("att lägga informationen" in pushed["lines"][i] for i in pushed["changed"])


def test_serve_writes_nothing_and_takes_no_lock(tmp_path):
    path, meeting_id, _other = two_meetings(tmp_path)
    before = files(path)
    with serve(path) as s:
        views = _views(s)
        next(views)
        assert s.get(f"/{s.token}/")[0] == 200
        assert files(path) == before
        session = Store(path).open(meeting_id)
        try:
            assert not session.read_only, "serve holds the meeting's lock"
        finally:
            session.close()


def test_ctrl_c_stops_it_also_with_a_page_open(tmp_path):
    path, _meeting_id, _other = two_meetings(tmp_path)
    with serve(path) as s:
        views = _views(s)
        next(views)
        s.proc.send_signal(signal.SIGINT)
        status = s.proc.wait(WAIT)
        assert status in (0, 130)  # 130: stopped by Ctrl+C, as a shell reports it
        said = s.proc.stderr.read()
        assert "Traceback" not in said
        assert "Stoppar: de öppna sidorna släpps inom två sekunder" in said  # not in silence


def test_an_address_that_is_not_one_is_a_usage_error(tmp_path):
    path, _meeting_id, _other = two_meetings(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "protokoll.tui.cli",
            "serve",
            "--store",
            str(path),
            "--address",
            "nowhere",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "VÄRD:PORT" in done.stderr and "Traceback" not in done.stderr


def test_an_address_is_host_and_port():
    from protokoll.tui.serve_address import parse_address

    assert parse_address("127.0.0.1:8765") == ("127.0.0.1", 8765)
    assert parse_address(":9000") == ("127.0.0.1", 9000)  # this computer unless named
    assert parse_address("0.0.0.0:80") == ("0.0.0.0", 80)
    assert parse_address("[::1]:8000") == ("::1", 8000)
    for bad in ("nowhere", "host:", "host:port", "1.2.3.4:70000", "[::1:80"):
        with pytest.raises(ValueError):
            parse_address(bad)


def test_the_publication_copy_and_the_next_meeting_are_served(tmp_path):
    """A masked § had been on the projector in full, and the page had stayed on
    a closed meeting while the next was written (trial 5)."""
    from protokoll.store import verbs

    path, meeting_id, _other = two_meetings(tmp_path)
    session = Store(path).open(meeting_id)
    ed = session.editor(history=False)
    ed.do(verbs.set_masked, session.meeting.paragraphs[0].id, "Sekretess enligt OSL 26:1")
    session.close()
    with serve(path, "--publish") as s:
        page = s.get(f"/{s.token}/")[2].decode()
        assert "§ 1 — Sekretess enligt OSL 26:1" in page
        assert "alert" not in page  # the masked §'s text, HOSTILE, is not sent at all
        views = _views(s)
        assert "§ 1 — Sekretess enligt OSL 26:1" in next(views)["lines"]
        cli(path, "close", meeting_id, "--end", "15.00")
        assert next(views)["current_label"] == "avslutat · aktuell § 1"
        store = Store(path)
        nxt = store.create_meeting(store.organs()[0].id, "2026-02-12", start="13:00")
        nxt.editor(history=False).do(verbs.open_meeting)
        nxt.add_paragraph("Nästa mötes första ärende")
        nxt.add_paragraph("Ärende som skrivs")  # the § being written: held back
        nxt.close()
        view = next(views)
        assert "§ 2  Nästa mötes första ärende" in view["lines"]
        assert "§ 3 — skrivs; visas när sekreteraren går vidare" in view["lines"]
        assert not any("Ärende som skrivs" in line for line in view["lines"])
        assert view["current_label"] == "aktuell § 3"
    # A page opened after the meeting shown was closed and the next begun, with no
    # stream open meanwhile, shows the next at once, not the closed one (trial 8).
    with serve(path, "--publish") as s:
        cli(path, "close", nxt.meeting.id, "--end", "15.00")
        third = store.create_meeting(store.organs()[0].id, "2026-03-12", start="13:00")
        third.editor(history=False).do(verbs.open_meeting)
        third.add_paragraph("Tredje mötets ärende")
        third.add_paragraph("Och ett till")
        third.close()
        assert "Tredje mötets ärende" in s.get(f"/{s.token}/")[2].decode()


def test_the_page_says_when_the_meeting_was_saved_not_when_it_was_asked_for(tmp_path):
    path, meeting_id, _other = two_meetings(tmp_path)
    written = 1_800_000_000  # 2027-01-15, whatever the clock says now
    os.utime(path / "meetings" / f"{meeting_id}.json", (written, written))
    with serve(path) as s:
        page = s.get(f"/{s.token}/")[2].decode()
    at = dt.datetime.fromtimestamp(written).strftime("%H:%M:%S")
    assert f'<span id="saved">sparat {at}</span>' in page


def test_an_address_in_use_or_unknown_is_said_in_the_interfaces_words(tmp_path, capsys):
    """A trial read "Address already in use (while attempting to bind on address
    ('127.0.0.1', 22))" inside a Swedish line."""
    import socket

    from protokoll.tui.cli import main

    path = tmp_path / "store"
    meeting_in_progress(path)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        for lang, said in (
            ("sv", "adressen används redan, av ett annat program eller en annan protokoll serve"),
            ("en", "the address is already in use, by another program or another protokoll"),
        ):
            argv = ["--lang", lang, "serve", "--address", f"127.0.0.1:{port}", "--store", str(path)]
            assert main(argv) == 1
            [line] = capsys.readouterr().err.splitlines()
            assert said in line and "while attempting" not in line
    # A name no resolver knows: what getaddrinfo says, without asking a network.
    from protokoll.tui import serve as served

    def unknown(*_args, **_kwargs):
        raise OSError(socket.EAI_NONAME, "Name or service not known (while attempting …)")

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(served.socket, "create_server", unknown)
        assert main(["serve", "--address", "nosuchhost.invalid:8765", "--store", str(path)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith("kan inte lyssna på nosuchhost.invalid:8765: datorn nosuchhost.invalid "
                         "hittades inte")
