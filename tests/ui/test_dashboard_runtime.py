"""The Qt binding the charts run on must not drop references to None.

PySide6 6.12.0 released one reference to None on every call of a method that returns
nothing; on Python 3.11 (None not immortal) a chart repaint makes hundreds of such calls and
the process dies with "deallocating None" within seconds.  pyproject pins PySide6 below 6.12.
"""

import sys

from PySide6.QtCore import QObject, QRectF


def test_void_qt_calls_keep_none_alive():
    obj, rect = QObject(), QRectF()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("图表")
        rect.setWidth(3.0)
    assert abs(sys.getrefcount(None) - before) < 100
