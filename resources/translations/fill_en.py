"""Fill keyprojects_en.ts with the English texts below (run after pyside6-lupdate).

    uv run pyside6-lupdate desktop_app/ui/{app,commands,filter_bar,fonts,labels,main_window,\
monthly_grid,project_dialog,project_model,settings_dialog}.py \
        -ts resources/translations/keyprojects_en.ts -source-language zh_CN -target-language en
    uv run python resources/translations/fill_en.py
    uv run pyside6-lrelease resources/translations/keyprojects_en.ts
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

EN = {
    "项目编号": "Code",
    "项目名称": "Project",
    "建设单位": "Owner",
    "所属县区": "District",
    "产业类别": "Sector",
    "产业链": "Industrial chain",
    "建设性质": "Nature",
    "项目清单": "Lists",
    "建设内容及规模": "Scope",
    "总投资": "Total investment",
    "年度计划投资": "Annual plan",
    "计划开工": "Planned start",
    "计划竣工": "Planned end",
    "实际开工": "Actual start",
    "实际竣工": "Actual end",
    "项目状态": "Status",
    "包保市级领导": "City leader",
    "责任单位": "Responsible unit",
    "项目秘书": "Secretary",
    "存在问题": "Problems",
    "解决措施": "Measures",
    "数据来源": "Source",
    "本月完成投资": "Invested this month",
    "形象进度(%)": "Progress (%)",
    "形象进度": "Progress",
    "进展情况": "Progress notes",
    "填报人": "Reporter",
    "填报日期": "Report date",
    "状态灯": "Light",
    "本月完成": "This month",
    "本年累计完成": "Year to date",
    "年度计划完成率": "Plan completion",
    "上报状态": "Reported",
    "(万元)": " (10k CNY)",
    "包保领导": "Leader",
    "搜索名称、业主、内容、领导、责任单位（支持拼音首字母、全拼、繁体）": "Search name, owner, scope, leader, unit (pinyin initials, full pinyin, traditional)",
    "清除筛选": "Clear filters",
    "（无可选值）": "(no values)",
    "重做：": "Redo: ",
    "撤销：": "Undo: ",
    "新增项目：": "New project: ",
    "编辑项目：": "Edit project: ",
    "删除项目：": "Delete project: ",
    "关键节点": "Key nodes",
    "问题": "Problems",
    "新增": "Add ",
    "编辑": "Edit ",
    "删除": "Delete",
    "绿灯": "Green",
    "黄灯": "Yellow",
    "红灯": "Red",
    "无计划": "No plan",
    "项目台账": "Ledger",
    "月度调度": "Monthly update",
    "刷新": "Refresh",
    "退出": "Quit",
    "撤销": "Undo",
    "重做": "Redo",
    "新增项目…": "New project…",
    "编辑项目…": "Edit project…",
    "复制为新项目…": "Duplicate project…",
    "删除项目": "Delete project",
    "查找": "Find",
    "保存当前视图…": "Save current view…",
    "恢复默认列": "Default columns",
    "设置…": "Settings…",
    "关于": "About",
    "文件(&F)": "&File",
    "编辑(&E)": "&Edit",
    "视图(&V)": "&View",
    "显示的列": "Columns",
    "打开视图": "Open view",
    "删除视图": "Delete view",
    "报表(&R)": "&Reports",
    "工具(&T)": "&Tools",
    "帮助(&H)": "&Help",
    "常用": "Main",
    " 调度期间 ": " Period ",
    "台账：{file}\u3000修改人：{user}": "Ledger: {file}   User: {user}",
    "正在载入台账…": "Loading the ledger…",
    "载入失败：{msg}": "Loading failed: {msg}",
    "正在载入月度调度…": "Loading the monthly reports…",
    "显示 {shown} / {total} 个项目\u3000总投资 {ti} 亿元\u3000年度计划投资 {ap} 亿元\u3000{period}本年累计完成 {ytd} 亿元\u3000完成率 {rate}": "Showing {shown} of {total} projects   total investment {ti} 100M CNY   annual plan {ap} 100M CNY   year to date ({period}) {ytd} 100M CNY   completion {rate}",
    "请先在台账中选择一个项目": "Select a project in the ledger first",
    "（复制）": " (copy)",
    "已删除“{name}”（Ctrl+Z 可撤销）": "Deleted “{name}” (Ctrl+Z undoes)",
    "确定删除项目“{name}”及其月报、关键节点和问题吗？\n删除后可用“撤销”恢复。": "Delete the project “{name}” with its monthly reports, key nodes and problems?\nUndo brings it back.",
    "已打开视图“{name}”": "Opened view “{name}”",
    "保存视图": "Save view",
    "视图名称：": "View name:",
    "（尚无保存的视图）": "(no saved views)",
    "关于 {app}": "About {app}",
    "<h3>{app} {version}</h3><p>辽源市重点项目台账、月度调度与调度会报表的离线桌面程序。</p><p>台账文件：{path}<br>数据结构版本：v{schema}</p><p>中文字体：Noto Sans CJK SC（SIL Open Font License 1.1）</p>": "<h3>{app} {version}</h3><p>Offline desk for Liaoyuan's key-project ledger, the monthly scheduling cycle and meeting reports.</p><p>Ledger file: {path}<br>Schema version: v{schema}</p><p>Chinese font: Noto Sans CJK SC (SIL Open Font License 1.1)</p>",
    "“{text}”不是有效的百分比": "“{text}” is not a percentage",
    "形象进度应在 0% 到 100% 之间": "Progress must lie between 0% and 100%",
    "本月完成投资不能为负数": "This month's investment cannot be negative",
    "填报月度调度：{name}": "Monthly report: {name}",
    "第{row}行（{name}）“{column}”：": "Row {row} ({name}) “{column}”: ",
    "粘贴的内容超出表格：第{row}行之后没有项目": "The pasted block runs past the table: no project after row {row}",
    "此列不能填写，请从可填写的列开始粘贴": "this column is not input; paste starting from an input column",
    "粘贴月度调度（{n}个项目）": "Paste monthly reports ({n} projects)",
    "清除月度调度内容（{n}个项目）": "Clear monthly reports ({n} projects)",
    "直接输入即可修改；回车保存并下移，Tab 跳到下一个可填写单元格；可从 Excel 复制一块单元格后按 Ctrl+V 粘贴；Delete 清除。": "Type to change a cell; Enter saves and moves down, Tab moves to the next input cell; copy cells in Excel and press Ctrl+V to paste; Delete clears.",
    "粘贴未保存，以下单元格有误：": "Nothing was pasted; these cells are wrong:",
    "……另有 {n} 处": "… and {n} more",
    "粘贴未保存": "Nothing pasted",
    "正在载入…": "Loading…",
    "{period}：共 {n} 个项目，已上报 {r} 个，未上报 {u} 个；本月完成投资 {m} 万元；黄灯、红灯 {lag} 个": "{period}: {n} projects, {r} reported, {u} not reported; invested this month {m} (10k CNY); yellow or red {lag}",
    "新增项目": "New project",
    "编辑项目 — {name}": "Edit project — {name}",
    "基本信息": "Project",
    "保存": "Save",
    "取消": "Cancel",
    "万元，可写 1.2亿": "10k CNY; 1.2亿 works too",
    "如 2022-03、2022年3月、2022/4/1": "e.g. 2022-03, 2022年3月, 2022/4/1",
    "未保存：": "Not saved: ",
    "保存失败：": "Saving failed: ",
    "未保存的修改": "Unsaved changes",
    "项目有尚未保存的修改。": "The project has unsaved changes.",
    "放弃修改": "Discard",
    "期间": "Period",
    "月度调度记录": "Monthly history",
    "节点名称": "Key node",
    "计划完成": "Planned",
    "实际完成": "Done",
    "状态": "State",
    "备注": "Note",
    "已解决": "Solved",
    "未解决": "Open",
    "办结时限": "Deadline",
    "解决情况": "Solution",
    "提出日期": "Raised",
    "解决日期": "Solved on",
    "时间": "Time",
    "修改人": "User",
    "操作": "Action",
    "字段": "Field",
    "原值": "Old value",
    "新值": "New value",
    "修改记录": "Change history",
    "新增…": "Add…",
    "编辑…": "Edit…",
    "已完成": "Done",
    "已逾期": "Overdue",
    "未完成": "Not done",
    "月报": "Report",
    "节点": "Node",
    "确定": "OK",
    "节点名称不能为空": "A key node needs a name",
    "问题内容不能为空": "A problem needs a text",
    "本年累计完成投资 ÷ 年度计划投资": "Year-to-date investment ÷ annual plan",
    "已上报": "Reported",
    "未上报": "Not reported",
    "设置": "Settings",
    "修改人（写入修改记录）": "User name (in the change history)",
    " 个百分点": " points",
    " 个月": " months",
    "黄灯：落后时序进度至少": "Yellow: behind schedule by at least",
    "红灯：落后时序进度超过": "Red: behind schedule by more than",
    "红灯：计划开工后未开工满": "Red: not started this long after the planned start",
    "台账报表默认分组": "Ledger reports group by",
    "界面语言（重新启动后生效）": "Language (after a restart)",
}


def fill(path: Path) -> list[str]:
    """Write the translations into ``path``; returns the sources still untranslated."""
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    missing = fill(Path(__file__).with_name("keyprojects_en.ts"))
    for source in missing:
        print("untranslated:", source)
    sys.exit(1 if missing else 0)
