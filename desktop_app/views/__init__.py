"""Qt-free view data: what the ledger table, the monthly grid and the dashboard show, as plain
Python over the store.  Nothing here imports Qt (a test checks it), so all of it runs in a
worker thread and is tested without a display.

* :mod:`.ledger` — the compact rows of the ledger table and the monthly grid, their figures
  and search keys;
* :mod:`.portfolio` — a period's :class:`~.portfolio.PortfolioSnapshot` for the charts;
* :mod:`.dashboard` — every dashboard chart from a snapshot and the ledger's filter;
* :mod:`.project` — one project's monthly bars, cumulative line and progress;
* :mod:`.units` — how chart values are written (万元 or 亿元 by size, percentages).

This package's ``__init__`` imports none of them: the ledger's rows are on the way to the
window's first paint and must not pull in numpy.
"""
