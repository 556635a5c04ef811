"""``python -m desktop_app.cli``: the command line only (``python -m desktop_app`` opens the
window straight away when only a ledger is given)."""

from . import main

main()
