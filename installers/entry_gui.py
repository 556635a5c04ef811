"""Frozen entry point of ``keyprojects-gui`` (Windows: no console window; macOS: the .app)."""

from desktop_app.gui import main

main()
