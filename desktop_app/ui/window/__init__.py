"""The main window's frame (:mod:`.main_window`), its declared actions and menus
(:mod:`.actions`) and the dashboard tab's glue (:mod:`.dashboard_tab`).

Kept light: importing this package must not load the store or the pages (first paint)."""
