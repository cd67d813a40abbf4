"""`protokoll serve`: the live view as a web page, for a projector or a shared screen.

Starlette and uvicorn do the HTTP (no parsing of our own); this module
decides what is reachable, which is little: under a random token, the page,
its script and style, and the stream of updates (server-sent events). Any
other path, and any path with another token, is 404, the same answer, so a
guess learns nothing. Nothing is read from a path a request names: the five
routes are fixed, the meeting is the one named at start, read through
`store.live` (no lock, no write).

The user's text is data here too: the page is made with `html.escape`, the
updates are JSON that the script puts in with `textContent`, and the
Content-Security-Policy allows only our own script and style.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import html
import json
import secrets
import socket
import sys
from collections.abc import AsyncIterator
from importlib import resources
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from protokoll.store.errors import StoreError, os_detail
from protokoll.store.live import POLL, Reader, View, Watch
from protokoll.store.render import paragraph_mark
from protokoll.store.safe_text import safe
from protokoll.store.words import Both, say

from .output import emit

KEEPALIVE = 15.0  # seconds between comments on a quiet stream, so proxies keep it open

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the token is in the URL: it goes nowhere else
    "Cache-Control": "no-store",
}
ASSETS = {
    "live.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
}


def _asset(name: str) -> bytes:
    return resources.files("protokoll.tui").joinpath("web", name).read_bytes()


def payload(view: View, lang: str, saved: str) -> dict:
    """What the page shows of `view`: its lines, which changed, where the current § is."""
    m = view.meeting
    label = ""
    if view.current is not None:
        label = say(
            "ui.follow_current", lang, paragraph=paragraph_mark(m, m.paragraphs[view.current])
        )
    if m.status in ("closed", "adjusted"):  # not a meeting going on
        status = say(f"ui.status_{m.status}", lang)
        label = f"{status} · {label}" if label else status
    return {
        "title": safe(f"{m.organ}, {m.organisation} · {m.date}"),
        "current_label": safe(label),
        "saved": say("ui.follow_saved", lang, time=saved),
        "lines": [safe(line).replace("\n", " ") for line in view.lines],
        "changed": sorted(view.changed),
        "current": view.current_lines,
    }


def page(data: dict, token: str, lang: str) -> str:
    """The page as first sent: everything in it escaped; the script keeps it up to date."""
    e = html.escape
    first, last = data["current"] or (-1, -1)
    live, lost = say("cli.serve_live", lang), say("cli.serve_lost", lang)
    lines = "\n".join(
        f'<div class="line{" current" if first <= i <= last else ""}">{e(line) or " "}</div>'
        for i, line in enumerate(data["lines"])
    )
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{e(data["title"])}</title>
<link rel="stylesheet" href="/{e(token)}/style.css">
<link rel="icon" href="/{e(token)}/icon.svg" type="image/svg+xml">
<script src="/{e(token)}/live.js" defer></script>
</head>
<body>
<header>
<h1 id="title">{e(data["title"])}</h1>
<p><span id="current">{e(data["current_label"])}</span>
<span id="saved">{e(data["saved"])}</span>
<span id="state" data-lost="{e(lost)}">{e(live)}</span>
</p>
</header>
<main id="protocol">
{lines}
</main>
</body>
</html>
"""


class Server(uvicorn.Server):
    """uvicorn's server, which also ends the event streams when asked to stop:
    otherwise a page left open would keep Ctrl+C waiting."""

    def __init__(self, config: uvicorn.Config, lang: str = "sv") -> None:
        super().__init__(config)
        self.stopping = asyncio.Event()
        self.lang = lang

    def handle_exit(self, sig: int, frame: object) -> None:
        if not self.stopping.is_set():
            # Said at once: the open pages are let go within two seconds, which
            # had passed in silence (a trial).
            emit(say("cli.serve_stopping", self.lang), err=True)
        self.stopping.set()
        super().handle_exit(sig, frame)  # type: ignore[arg-type]


def make_app(
    reader: Reader,
    meeting_id: str,
    token: str,
    lang: str,
    stopping: asyncio.Event,
    publish: bool = False,
    in_progress: bool = False,
) -> Starlette:
    """The web application: five fixed paths under `/<token>/`, 404 for everything else.

    `publish`: the publication copy; `in_progress`: the meeting in progress,
    and the next once it is closed (as `Watch` has them)."""
    shown = {"id": meeting_id}  # the meeting the page shows, moved on with the watches

    def watch() -> Watch:
        return Watch(reader, shown["id"], lang=lang, publish=publish, in_progress=in_progress)

    def saved(view: View) -> str:
        # When the meeting file was written, not when the page asked: a page
        # opened a minute after a save had said "sparat" of that minute (a trial).
        return dt.datetime.fromtimestamp(view.saved).strftime("%H:%M:%S")

    def not_found() -> Response:
        return PlainTextResponse("404", status_code=404, headers=HEADERS)

    async def events(request: Request) -> AsyncIterator[str]:
        # A watch per reader: "changed" is what changed since this page last heard.
        watching = watch()
        quiet = 0.0
        while not stopping.is_set() and not await request.is_disconnected():
            view = await asyncio.to_thread(watching.poll)
            if view is not None:
                shown["id"] = view.meeting.id
                yield f"event: view\ndata: {json.dumps(payload(view, lang, saved(view)))}\n\n"
                quiet = 0.0
            elif quiet >= KEEPALIVE:
                yield ": \n\n"
                quiet = 0.0
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), POLL)
            quiet += POLL

    async def handle(request: Request) -> Response:
        # HEAD answers as GET does, headers only (uvicorn leaves the body out):
        # `curl -I` and link checkers ask so, and a 404 told them the page was gone.
        if request.method not in ("GET", "HEAD"):
            return not_found()
        given, _, rest = request.url.path.lstrip("/").partition("/")
        if not secrets.compare_digest(given.encode(), token.encode()):
            return not_found()
        if rest == "":
            watching = watch()
            view = await asyncio.to_thread(watching.poll)
            if view is not None and in_progress and view.meeting.status != "open":
                # The meeting shown was closed since: the page opens on the one
                # in progress, not on the closed one until the stream moved on.
                view = await asyncio.to_thread(watching.poll) or view
                shown["id"] = view.meeting.id
            if view is None:
                error = watching.error or StoreError("unknown_meeting", meeting=shown["id"])
                return PlainTextResponse(error.text(lang), status_code=503, headers=HEADERS)
            body = page(payload(view, lang, saved(view)), token, lang)
            return Response(body, media_type="text/html; charset=utf-8", headers=HEADERS)
        if rest == "events":
            if request.method == "HEAD":  # a stream's headers, without holding it open
                return Response(b"", media_type="text/event-stream", headers=HEADERS)
            return StreamingResponse(
                events(request), media_type="text/event-stream", headers=HEADERS
            )
        if rest in ASSETS:
            return Response(_asset(rest), media_type=ASSETS[rest], headers=HEADERS)
        return not_found()

    methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
    routes = [Route("/{path:path}", handle, methods=methods)]
    return Starlette(routes=routes)


def run_serve(
    store_path: Path,
    meeting: str | None,
    address: tuple[str, int],
    lang: str,
    publish: bool = False,
) -> int:
    """Serve `meeting` (None: the one in progress, and the next) until Ctrl+C;
    `publish`: the publication copy."""
    reader = Reader(store_path)
    meeting_id = reader.resolve(meeting) if meeting else reader.in_progress()
    reader.read(meeting_id)  # a damaged file is said now, as one line
    token = secrets.token_urlsafe(24)
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    try:
        sock = socket.create_server(address, family=family)
    except OSError as exc:
        where = f"{address[0]}:{address[1]}"
        # In the interface's words, not the C library's ("Address already in use
        # (while attempting to bind on address …)" in a Swedish line: a trial).
        if isinstance(exc, socket.gaierror) or (exc.errno or 0) < 0:  # getaddrinfo's (EAI_*)
            detail = Both.of(lambda lang: say("messages.git_no_host", lang, host=address[0]))
        else:
            detail = os_detail(exc)
        raise StoreError("serve_address", address=where, detail=detail) from None
    host, port = sock.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    emit(say("cli.serve_url", lang, url=f"http://{shown_host}:{port}/{token}/"))
    emit(say("cli.serve_stop", lang), err=True)
    sys.stdout.flush()  # the address, now: a script or a test waits for it
    config = uvicorn.Config(
        "protokoll.tui.serve:unused",  # replaced below, once the server's stop event exists
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
        lifespan="off",
    )
    server = Server(config, lang)
    config.app = make_app(
        reader, meeting_id, token, lang, server.stopping, publish, in_progress=meeting is None
    )
    server.run(sockets=[sock])
    return 0
