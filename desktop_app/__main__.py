"""``python -m desktop_app`` is the ``keyprojects`` command."""

from .cli import main

main()
