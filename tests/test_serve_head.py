"""HEAD on `protokoll serve` answers as GET does, without a body (`curl -I`)."""

from __future__ import annotations

from protokoll.tui.serve import ASSETS

from .terminal.stores import meeting_in_progress
from .test_serve import serve


def test_head_answers_as_get_for_the_page_its_files_and_the_event_stream(tmp_path):
    path = tmp_path / "store"
    meeting_in_progress(path, text="Förbundschefen redogör för läget.")
    with serve(path) as s:
        for rest in ["", *ASSETS]:
            got, got_headers, body = s.get(f"/{s.token}/{rest}")
            status, headers, empty = s.get(f"/{s.token}/{rest}", method="HEAD")
            assert (status, empty) == (200, b""), rest
            assert got == 200 and body
            assert headers["content-type"] == got_headers["content-type"]
            assert headers["content-security-policy"] == got_headers["content-security-policy"]
            if rest in ASSETS:  # the page carries the time it was made: its length may differ
                assert headers["content-length"] == str(len(body))
        # The stream's headers, answered at once rather than held open.
        status, headers, empty = s.get(f"/{s.token}/events", method="HEAD")
        assert status == 200 and empty == b""
        assert headers["content-type"].startswith("text/event-stream")


def test_head_without_the_token_or_on_another_path_is_404_as_get_is(tmp_path):
    path = tmp_path / "store"
    meeting_in_progress(path)
    with serve(path) as s:
        for request in ["/", "/wrongtoken/", f"/{s.token}/../etc/passwd", f"/{s.token}/x"]:
            assert s.get(request, method="HEAD")[0] == s.get(request)[0] == 404
        assert s.get(f"/{s.token}/", method="POST")[0] == 404
