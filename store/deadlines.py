"""The dates with legal effect: when the protocol must be adjusted and posted, and appeal ends.

- Justering within 14 days of the meeting (kommunallagen 5 kap. 69 §, for
  nämnder through 6 kap. 35 §).
- Anslag within 2 days of the adjustment (KL 8 kap. 12 §), for organs that
  post notices.
- Laglighetsprövning: three weeks from the day the anslag went up
  (KL 13 kap. 5 §).

A last day that falls on a Saturday, Sunday or other public holiday,
midsommarafton, julafton or nyårsafton moves to the next weekday (lag
1930:173 om beräkning av lagstadgad tid).

A date is computed only from the dates it rests on: the posting limit needs
the adjustment date, the last day of appeal needs the day of posting. An
unknown date stays None, and is shown blank; none is invented.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import SA, relativedelta

from .model import Meeting

ADJUST_DAYS = 14
POST_DAYS = 2
APPEAL_WEEKS = 3


@functools.cache
def holidays(year: int) -> frozenset[dt.date]:
    """Swedish public holidays and the eves the 1930 law counts with them."""
    e = easter(year)
    midsommar = dt.date(year, 6, 20) + relativedelta(weekday=SA)

    def day(m: int, d: int) -> dt.date:
        return dt.date(year, m, d)

    return frozenset(
        {
            day(1, 1),  # nyårsdagen
            day(1, 6),  # trettondedag jul
            e - dt.timedelta(days=2),  # långfredagen
            e,  # påskdagen
            e + dt.timedelta(days=1),  # annandag påsk
            day(5, 1),  # första maj
            e + dt.timedelta(days=39),  # Kristi himmelsfärds dag
            e + dt.timedelta(days=49),  # pingstdagen
            day(6, 6),  # nationaldagen
            midsommar - dt.timedelta(days=1),  # midsommarafton
            midsommar,  # midsommardagen
            day(10, 31) + relativedelta(weekday=SA),  # alla helgons dag
            day(12, 24),  # julafton
            day(12, 25),  # juldagen
            day(12, 26),  # annandag jul
            day(12, 31),  # nyårsafton
        }
    )


def is_workday(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in holidays(d.year)


def last_day(start: dt.date, days: int) -> dt.date:
    """`days` after `start`, moved on to the next weekday if it is a holiday."""
    d = start + dt.timedelta(days=days)
    while not is_workday(d):
        d += dt.timedelta(days=1)
    return d


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # "" or a period such as "Hösten 2024"
        return None


@dataclass(frozen=True)
class Deadlines:
    meeting: dt.date | None
    adjust_by: dt.date | None  # latest adjustment
    adjusted: dt.date | None
    post_by: dt.date | None  # latest anslag, once adjusted
    posted: dt.date | None
    appeal_until: dt.date | None  # last day of appeal, once posted
    take_down: dt.date | None  # the anslag may come down: the day after

    @property
    def late_adjustment(self) -> bool:
        return bool(self.adjusted and self.adjust_by and self.adjusted > self.adjust_by)

    @property
    def late_posting(self) -> bool:
        return bool(self.posted and self.post_by and self.posted > self.post_by)


def computes(meeting: Meeting) -> bool:
    """Whether the legal deadlines apply to this meeting at all.

    A meeting taken in the program: when its organ is a public body's (not a
    förening's, whose stadgar say when). An imported one only when its
    organ posts notices (its profile, or anslag lines in the source say so)
    and its source does not say it is adjusted without saying when: a
    förening's stämma has no kommunallag deadline, and a protocol that says
    only "Protokollet är justerat" is past it, on a day nobody knows.
    """
    if not meeting.imported:
        return meeting.rules.public_body
    return meeting.rules.posts_notices and (
        meeting.adjustment is not None or not meeting.said_adjusted
    )


def immediate_deadlines(meeting: Meeting) -> Deadlines | None:
    """The dates of the §§ adjusted at once, or None if there are none: adjusted
    at the meeting, their anslag within two days of it, their appeal three
    weeks from their own anslag (L8, L10, L11), not the rest's."""
    if not any(p.immediate for p in meeting.paragraphs):
        return None
    held = None if meeting.period else _day(meeting.date)
    return _counted(meeting, held, held, held, _day(meeting.immediate_posted))


def deadlines(meeting: Meeting) -> Deadlines:
    held = None if meeting.period else _day(meeting.date)
    adjusted = _day(meeting.adjustment.date) if meeting.adjustment else None
    adjust_by = last_day(held, ADJUST_DAYS) if held else None
    return _counted(meeting, held, adjust_by, adjusted, _day(meeting.posted))


def _counted(
    meeting: Meeting,
    held: dt.date | None,
    adjust_by: dt.date | None,
    adjusted: dt.date | None,
    posted: dt.date | None,
) -> Deadlines:
    """The dates that follow from an adjustment and its anslag: the anslag due
    within two days of the adjustment, the appeal three weeks from the anslag;
    none of them where the legal deadlines do not apply (`computes`)."""
    if not computes(meeting):
        return Deadlines(held, None, adjusted, None, posted, None, None)
    posts = meeting.rules.posts_notices or posted is not None
    appeal = last_day(posted, 7 * APPEAL_WEEKS) if posted else None
    return Deadlines(
        meeting=held,
        adjust_by=adjust_by,
        adjusted=adjusted,
        post_by=last_day(adjusted, POST_DAYS) if adjusted and posts else None,
        posted=posted,
        appeal_until=appeal,
        take_down=appeal + dt.timedelta(days=1) if appeal else None,
    )
