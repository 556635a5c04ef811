"""Frozen entry point of ``keyprojects``: the command line, and the window when run without a command."""

from desktop_app.cli import main

main()
