"""The monthly grid (月度调度): one editable row per project for one period."""
