"""The table models: :class:`~.base.SpecTableModel`, one base driven by column specs, and the
models on it (the ledger table in :mod:`.project`, child records in :mod:`.records`)."""
