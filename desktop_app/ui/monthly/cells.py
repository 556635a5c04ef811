"""Reading what is typed or pasted into the monthly grid: amounts, percentages, text, and
Excel's copied blocks (tabs and newlines, quoted cells)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain.money import AmountError, parse_amount
from ...domain.text import clean_text


class PasteError(ValueError):
    """Cells of a pasted block that cannot be read; ``problems`` names each row and column."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def parse_percent(text: str) -> float | None:
    """'45', '45%', '４５％', '45.5 %' → 45.0; empty → None.  Raises ValueError in Chinese."""
    s = text.strip().translate(str.maketrans("０１２３４５６７８９．％", "0123456789.%"))
    if not s or s in {"-", "—", "/"}:
        return None
    s = s.removesuffix("%").strip()
    try:
        value = float(s)
    except ValueError as exc:
        raise ValueError(
            QCoreApplication.translate("MonthlyGrid", "“{text}”不是有效的百分比").format(
                text=text.strip()
            )
        ) from exc
    if not 0 <= value <= 100:
        raise ValueError(QCoreApplication.translate("MonthlyGrid", "形象进度应在 0% 到 100% 之间"))
    return value


def parse_cell(key: str, text: str) -> Any:
    """A typed or pasted cell → the report's value (raises ValueError in plain Chinese).
    Text is kept as the ledger keeps it: control, direction and invisible characters go."""
    text = clean_text(text, multiline=key)
    if key == "month_investment":
        try:
            value = parse_amount(text)
        except AmountError as exc:
            raise ValueError(str(exc)) from exc
        if value is not None and value < 0:
            raise ValueError(QCoreApplication.translate("MonthlyGrid", "本月完成投资不能为负数"))
        return value
    if key == "progress_pct":
        return parse_percent(text)
    return text or None


def split_clipboard(text: str) -> list[list[str]]:
    """Excel's copied cells: rows by newline, cells by tab; quoted cells may hold newlines."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cell.append(ch)
        elif ch == '"' and not cell:
            quoted = True
        elif ch == "\t":
            row.append("".join(cell))
            cell = []
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows
