"""protokoll sync between three machines and one bare repository."""

from __future__ import annotations

from pathlib import Path

from .sync_machines import git_out, machines, new_meeting, remote  # noqa: F401


def test_meetings_taken_on_each_machine_reach_every_other(machines) -> None:
    a, b, c = machines
    made = [new_meeting(a, "2026-02-01", 2), new_meeting(b, "2027-03-01", 1)]
    for m in (a, b, c, a, b):
        m.sync()
    for m in (a, b, c):
        assert {*made} <= set(m.store().by_id())


def test_numbering_collision_is_refused_before_anything_is_pushed(machines, remote) -> None:
    a, b, _ = machines
    first = new_meeting(a, "2026-02-01", 2)
    assert a.sync().pushed
    second = new_meeting(b, "2026-03-01", 1)  # offline: its § 1 is a's § 1 too
    before = git_out(remote, "rev-parse", "main")
    report = b.sync()
    assert not report.pushed
    assert git_out(remote, "rev-parse", "main") == before
    [hit] = report.collisions
    assert (hit.here, hit.there, hit.number, hit.fix) == (second, first, 1, second)
