"""``python -m desktop_app`` is the ``keyprojects`` command."""

import sys

from .gui import window_args

_window = window_args(sys.argv[1:])
if _window is not None:  # just the window: start it without loading the command line (click)
    from .gui import run

    sys.exit(run(_window[0], sys.argv[:1], smoke=_window[1]))

from .cli import main  # noqa: E402

main()
