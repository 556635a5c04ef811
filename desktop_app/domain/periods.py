"""Reporting periods (YYYY-MM) and the dates offices write."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PERIOD_RE = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*月?\s*$")


class PeriodError(ValueError):
    """A period or date that cannot be read; the message is plain Chinese."""


@dataclass(frozen=True, order=True)
class Period:
    """One reporting month."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not (1900 <= self.year <= 2200 and 1 <= self.month <= 12):
            raise PeriodError(f"期间 {self.year}-{self.month:02d} 不存在")

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2022-06', '2022/6', '2022.06', '2022年6月' → Period(2022, 6)."""
        m = _PERIOD_RE.match(str(text))
        if not m:
            raise PeriodError(f"“{text}”不是有效的期间，应写作 2022-06")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Period:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def shift(self, months: int) -> Period:
        index = self.year * 12 + self.month - 1 + months
        return Period(index // 12, index % 12 + 1)

    def year_months(self) -> list[Period]:
        """January of this period's year up to and including this period."""
        return [Period(self.year, m) for m in range(1, self.month + 1)]


_DATE_PATTERNS = [
    (re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$"), 3),
    (re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$"), 2),
    (re.compile(r"^(\d{4})\s*年?$"), 1),
]


def parse_office_date(value: object) -> str | None:
    """Dates as offices write them → ISO text at the precision given.

    '2022年3月' → '2022-03'; '2022.12' → '2022-12'; '2022/4/1' → '2022-04-01';
    '2021-09' → '2021-09'; '2021年' → '2021'; a ``date``/``datetime`` → 'YYYY-MM-DD'.
    Empty → None.  Raises :class:`PeriodError` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if not 1900 <= value.year <= 2200:
            raise PeriodError(f"“{value.isoformat()}”不是有效的日期（年份应在1900到2200之间）")
        return value.isoformat()
    text = str(value).strip().translate(_FULLWIDTH)
    if not text:
        return None
    for pattern, parts in _DATE_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        year = int(m.group(1))
        if not 1900 <= year <= 2200:
            break
        if parts == 1:
            return f"{year:04d}"
        month = int(m.group(2))
        if not 1 <= month <= 12:
            break
        if parts == 2:
            return f"{year:04d}-{month:02d}"
        day = int(m.group(3))
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            break
    raise PeriodError(f"“{value}”不是有效的日期，可写作 2022-03、2022年3月 或 2022/4/1")


def date_start(iso: str | None) -> dt.date | None:
    """The first day an ISO date of any precision can mean ('2022-03' → 2022-03-01)."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def date_end(iso: str | None) -> dt.date | None:
    """The last day an ISO date of any precision can mean ('2022-03' → 2022-03-31)."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return Period(parts[0], parts[1]).last_day
    return dt.date(*parts)


_FULLWIDTH = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")
