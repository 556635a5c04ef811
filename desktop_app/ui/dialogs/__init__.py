"""The dialogs: the project form and its child records, export, import, templates, backups and
settings.  Each opens over the window and talks to the store (or the undo stack) itself."""
