"""A round of returns for the tests (issue 17): the fixture script that fills real templates as
a unit would (:mod:`tests/fixtures/returns/make_round.py`, loaded once), the round's period, a
day before its deadline and the three units of the test round."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from desktop_app.domain.periods import Period

PERIOD = Period(2022, 7)
ON_TIME = dt.date(2022, 8, 3)  # the deadline is 2022-08-05
MR_PATH = Path(__file__).parent / "fixtures" / "returns" / "make_round.py"


def _script():
    spec = importlib.util.spec_from_file_location("make_round", MR_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MR = _script()
GONGXIN, ZHUJIAN, DONGFENG = MR.UNITS
