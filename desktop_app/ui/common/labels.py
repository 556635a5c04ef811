"""Translatable labels of the domain's fields and lights (the domain itself stays Qt-free).

The Chinese labels in domain/fields.py are the source text; the ``QT_TRANSLATE_NOOP`` table
below lets pyside6-lupdate collect them into the translation files.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.derived import Light
from ...domain.fields import FIELD_BY_NAME, MONTHLY_FIELDS
from ...domain.periods import Period

_SOURCE = (
    QT_TRANSLATE_NOOP("Field", "项目编号"),
    QT_TRANSLATE_NOOP("Field", "项目名称"),
    QT_TRANSLATE_NOOP("Field", "建设单位"),
    QT_TRANSLATE_NOOP("Field", "所属县区"),
    QT_TRANSLATE_NOOP("Field", "产业类别"),
    QT_TRANSLATE_NOOP("Field", "产业链"),
    QT_TRANSLATE_NOOP("Field", "建设性质"),
    QT_TRANSLATE_NOOP("Field", "项目清单"),
    QT_TRANSLATE_NOOP("Field", "建设内容及规模"),
    QT_TRANSLATE_NOOP("Field", "总投资"),
    QT_TRANSLATE_NOOP("Field", "年度计划投资"),
    QT_TRANSLATE_NOOP("Field", "计划开工"),
    QT_TRANSLATE_NOOP("Field", "计划竣工"),
    QT_TRANSLATE_NOOP("Field", "实际开工"),
    QT_TRANSLATE_NOOP("Field", "实际竣工"),
    QT_TRANSLATE_NOOP("Field", "项目状态"),
    QT_TRANSLATE_NOOP("Field", "包保市级领导"),
    QT_TRANSLATE_NOOP("Field", "责任单位"),
    QT_TRANSLATE_NOOP("Field", "项目秘书"),
    QT_TRANSLATE_NOOP("Field", "存在问题"),
    QT_TRANSLATE_NOOP("Field", "解决措施"),
    QT_TRANSLATE_NOOP("Field", "数据来源"),
    QT_TRANSLATE_NOOP("Field", "本月完成投资"),
    QT_TRANSLATE_NOOP("Field", "形象进度(%)"),
    QT_TRANSLATE_NOOP("Field", "形象进度"),
    QT_TRANSLATE_NOOP("Field", "进展情况"),
    QT_TRANSLATE_NOOP("Field", "填报人"),
    QT_TRANSLATE_NOOP("Field", "填报日期"),
    QT_TRANSLATE_NOOP("Field", "状态灯"),
    QT_TRANSLATE_NOOP("Field", "本月完成"),
    QT_TRANSLATE_NOOP("Field", "本年累计完成"),
    QT_TRANSLATE_NOOP("Field", "年度计划完成率"),
    QT_TRANSLATE_NOOP("Field", "上报状态"),
    QT_TRANSLATE_NOOP("Field", "(万元)"),
    QT_TRANSLATE_NOOP("Light", "绿灯"),
    QT_TRANSLATE_NOOP("Light", "黄灯"),
    QT_TRANSLATE_NOOP("Light", "红灯"),
    QT_TRANSLATE_NOOP("Light", "无计划"),
    QT_TRANSLATE_NOOP("Report", "已上报"),
    QT_TRANSLATE_NOOP("Report", "未上报"),
)

_MONTHLY_LABELS = {f.name: f.label for f in MONTHLY_FIELDS}


def tr_field(label: str) -> str:
    """A field label in the interface language."""
    return QCoreApplication.translate("Field", label)


def field_label(name: str, *, unit: bool = False) -> str:
    """The label of a ledger field (``unit``: add (万元) to amounts)."""
    field = FIELD_BY_NAME[name]
    text = tr_field(field.label)
    if unit and field.kind == "amount":
        text += tr_field("(万元)")
    return text


def monthly_label(name: str) -> str:
    """The label of a monthly report field."""
    return tr_field(_MONTHLY_LABELS[name])


def light_label(light: Light | str) -> str:
    return QCoreApplication.translate("Light", Light(light).label)


def reported_label(reported: bool) -> str:
    return QCoreApplication.translate("Report", "已上报" if reported else "未上报")


def review_label(state: str) -> str:
    """A unit's report waiting for review: 待审核, or 退回 (returned to the unit)."""
    text = "退回" if state == "returned" else "待审核"
    return QCoreApplication.translate("Report", text)


def period_label(period: Period) -> str:
    """A period as the interface says it: 2022年6月 (the domain's label), 6/2022 in English."""
    template = QCoreApplication.translate("Period", "{year}年{month}月")
    return template.format(year=period.year, month=period.month)
