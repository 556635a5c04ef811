"""Fill keyprojects_en.ts with the English texts below (run after pyside6-lupdate and extract.py).

The interface is in subpackages (desktop_app/ui/**/*.py); the contexts are class names (or
the context given to ``QCoreApplication.translate``), so moving a file changes no message.
lupdate misses the texts passed to a module's own wrapper (``_tr("…")`` calling
``QCoreApplication.translate("Ctx", text)``, the ledger's ``tr``, the actions' ``_t``) and files
some under a wrong or empty context; extract.py scans the code with ``ast`` and makes the .ts
hold exactly the (context, text) pairs the code asks for.  Then this script writes the English
(``EN`` by source text, ``EN_IN_CONTEXT`` where one text reads differently in one context) and
lrelease builds the .qm.  tests/ui/test_translations_complete.py checks nothing is left out.

    uv run pyside6-lupdate $(find desktop_app/ui -name '*.py' ! -name __init__.py | sort) \
        -ts resources/translations/keyprojects_en.ts -source-language zh_CN -target-language en \
        -no-obsolete
    uv run python resources/translations/extract.py
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
    "{year}年计划投资(万元)": "{year} plan (10k CNY)",
    "{year}年{month}月": "{month}/{year}",
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
    "正在打开台账“{name}”…": "Opening the ledger “{name}”…",
    "大台账要先检查文件；新版本第一次打开时还要升级数据结构，请稍候。": (
        "A large ledger is checked first; the first time a new version opens it, its data "
        "structure is upgraded too. Please wait."
    ),
    "载入失败：{msg}": "Loading failed: {msg}",
    "正在载入月度调度…": "Loading the monthly reports…",
    "显示 {shown} / {total} 个项目\u3000总投资 {ti} 亿元\u3000年度计划投资 {ap} 亿元\u3000{period}本年累计完成 {ytd} 亿元\u3000完成率 {rate}": "Showing {shown} of {total} projects   total investment {ti} 100M CNY   annual plan {ap} 100M CNY   year to date ({period}) {ytd} 100M CNY   completion {rate}",
    "请先在台账中选择一个项目": "Select a project in the ledger first",
    "（复制）": " (copy)",
    "已删除“{name}”（Ctrl+Z 可撤销）": "Deleted “{name}” (Ctrl+Z undoes)",
    "确定删除项目“{name}”吗？\n它的月报、关键节点和问题会一并删除；删除后可用“撤销”（Ctrl+Z）恢复。": "Delete the project “{name}”?\nIts monthly reports, key nodes and problems go with it; Undo (Ctrl+Z) brings them back.",
    "已清除筛选，显示全部项目": "Filters cleared: all projects shown",
    "没有符合条件的项目": "No project matches",
    "打开所在文件夹": "Open containing folder",
    "此类": "this kind of",
    "没有能打开 {kind} 文件的程序，文件已保存在：{path}": "No program can open {kind} files; the file was saved as: {path}",
    "没有能打开文件夹的程序，文件已保存在：{path}": "No program can show folders; the file was saved as: {path}",
    "没有能打开文件夹的程序，文件夹在：{folder}": "No program can show folders; the folder is: {folder}",
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
    # backups (backup_dialog.py)
    "备份时间": "Backed up",
    "原因": "Reason",
    "项目数": "Projects",
    "大小": "Size",
    "校验": "Check",
    "完好": "Intact",
    "已损坏": "Damaged",
    "未校验": "Not checked",
    "备份与恢复": "Backup and restore",
    " 个": " backups",
    "立即备份": "Back up now",
    "恢复所选备份…": "Restore selected backup…",
    "打开备份文件夹": "Open backup folder",
    "保留最近": "Keep the latest",
    "台账：{db}\n备份位置：{folder}\n打开台账、每次导入、升级数据结构和恢复之前都会自动备份（SQLite 备份接口写出的一致快照）；共 {n} 个备份。": "Ledger: {db}\nBackups: {folder}\nA backup is made automatically when the ledger is opened and before every import, schema upgrade and restore (a consistent snapshot written by SQLite's backup API); {n} backups in all.",
    "手动备份": "Manual backup",
    "备份失败：{reason}": "Backup failed: {reason}",
    "用 {when} 的备份（{reason}，{projects} 个项目）替换当前台账的全部内容？\n\n当前台账会先自动备份，恢复后仍可从备份列表中找回。": "Replace the whole ledger with the backup of {when} ({reason}, {projects} projects)?\n\nThe current ledger is backed up first and stays in the backup list.",
    "恢复失败，台账未改变：{reason}": "Restore failed, the ledger is unchanged: {reason}",
    "已恢复 {when} 的备份。恢复前的台账已备份到：\n{path}": "Restored the backup of {when}. The ledger before the restore was saved to:\n{path}",
    "恢复备份": "Restore backup",
    "台账“{name}”已损坏，无法打开：\n{error}": "The ledger “{name}” is damaged and cannot be opened:\n{error}",
    "没有找到可用的备份。请不要再写入这个文件，把它复制一份后联系技术人员。": "No usable backup was found. Do not write to this file any more; copy it and contact technical support.",
    "是否用最近一个完好的备份恢复？\n备份时间：{when}（{reason}，{projects} 个项目）\n损坏的文件会改名保留在原文件夹中。": "Restore the latest intact backup?\nBacked up: {when} ({reason}, {projects} projects)\nThe damaged file is kept under a new name in its folder.",
    "恢复失败：{reason}": "Restore failed: {reason}",
    "已用 {when} 的备份恢复台账。": "The ledger was restored from the backup of {when}.",
    "损坏的文件已改名保留为：\n{path}": "The damaged file was kept as:\n{path}",
    "关闭": "Close",
    "不恢复，退出": "Quit without restoring",
    "后台检查发现台账已损坏：{problem}\n\n请不要继续编辑。关闭程序后重新打开，按提示用最近的完好备份恢复（或在命令行运行 keyprojects restore --latest）。": "A background check found the ledger damaged: {problem}\n\nPlease stop editing. Close the program, open it again and restore the latest intact backup when asked (or run keyprojects restore --latest).",
    # charts (charts.py)
    "{m}月": "M{m}",
    "幻灯片 16:9（1920×1080）": "Slide 16:9 (1920×1080)",
    "幻灯片 16:9（1280×720）": "Slide 16:9 (1280×720)",
    "幻灯片 4:3（1600×1200）": "Slide 4:3 (1600×1200)",
    "A4 横向（2339×1654）": "A4 landscape (2339×1654)",
    "无法保存图片：{path}": "Cannot save the image: {path}",
    "复制图片": "Copy image",
    "另存为 PNG 图片…": "Save as PNG…",
    "年度计划与本年累计完成": "Annual plan and year to date",
    "分组": "Group",
    "按{group}：年度计划与本年累计完成": "By {group}: annual plan and year to date",
    "年度计划": "Annual plan",
    "按时序进度应完成（{tp}）": "Due by schedule ({tp})",
    "金额（{unit}）": "Amount ({unit})",
    "{label}（{n} 个项目）": "{label} ({n} projects)",
    "年度计划：{v}": "Annual plan: {v}",
    "本年累计完成：{v}": "Year to date: {v}",
    "完成率：{rate}（{light}）": "Completion: {rate} ({light})",
    "按时序进度（{tp}）应完成：{v}": "Due by schedule ({tp}): {v}",
    "单击可筛选台账": "Click to filter the ledger",
    "全年投资进度：累计完成与时序进度计划": "Investment over the year: done against schedule",
    "{year}年投资进度：累计完成与时序进度计划": "Investment in {year}: done against schedule",
    "按时序进度应完成（年度计划×月数/12）": "Due by schedule (annual plan × months / 12)",
    "{m}月累计 {v}\n完成率 {rate}": "To M{m}: {v}\ncompletion {rate}",
    "年度计划 {v}": "Annual plan {v}",
    "累计金额（{unit}）": "Cumulative amount ({unit})",
    "{year}年{m}月": "{year}-{m:02}",
    "（本月尚无完成投资填报）": "(no investment reported this month yet)",
    "按时序进度应完成：{v}": "Due by schedule: {v}",
    "完成率：{rate}（时序进度 {tp}）": "Completion: {rate} (schedule {tp})",
    "项目个数": "Projects",
    "项目个数（个）": "Projects",
    "{label}：{n} 个项目（占 {share}）": "{label}: {n} projects ({share})",
    "项目状态灯": "Status lights",
    "月度完成投资": "Monthly investment",
    "{name}：{year}年月度完成投资": "{name}: monthly investment {year}",
    "按时序进度应完成": "Due by schedule",
    "累计 {v}": "Cumulative {v}",
    "，完成率 {rate}": ", completion {rate}",
    "本月完成：{v}": "This month: {v}",
    "本月未填报完成投资": "No investment reported this month",
    "年度计划：未填写": "Annual plan: not filled in",
    "{name}：形象进度": "{name}: progress",
    "尚无形象进度填报": "No progress reported yet",
    "形象进度（%）": "Progress (%)",
    "形象进度：{pct}%": "Progress: {pct}%",
    "把这张图复制到剪贴板，可直接粘贴到幻灯片": "Copy this chart to the clipboard to paste it into slides",
    "保存图片…": "Save image…",
    "把这张图按选定的尺寸保存为 PNG 图片": "Save this chart as a PNG image of a chosen size",
    "保存图片": "Save image",
    "当前大小（{w}×{h}）": "Current size ({w}×{h})",
    " 像素": " px",
    "尺寸：": "Size:",
    "宽度：": "Width:",
    "高度：": "Height:",
    "保存…": "Save…",
    "PNG 图片 (*.png)": "PNG image (*.png)",
    # import wizard (import_wizard.py)
    "列": "Column",
    "表头": "Header",
    "导入为": "Import as",
    "单位": "Unit",
    "示例": "Examples",
    "行号": "Row",
    "结果": "Result",
    "说明": "Details",
    "选择要导入的 Excel 文件": "Choose the Excel file to import",
    "浏览…": "Browse…",
    "自动识别": "Detect",
    "月报（填报模板）": "Monthly reports (template)",
    "文件：": "File:",
    "内容：": "Contents:",
    "导入 Excel": "Import Excel",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "下一步": "Next",
    "上一步": "Back",
    "完成": "Finish",
    "核对列的对应关系": "Check the column mapping",
    "程序已按表头文字识别各列；如有不对，点“导入为”一格改正。": "Columns were matched by their header text; if one is wrong, click its “Import as” cell to correct it.",
    "月报期间：": "Report period:",
    "本月数据期间：": "Period of the month's figures:",
    "报送情况与审核…": "Returns and review…",
    "收取各单位月报…": "Receive the units' returns…",
    "打包成一个 .zip 文件（便于一次发给各单位）": "Pack them into one .zip (to send them all at once)",
    "报送截止日期：": "Due:",
    "{d}（印在模板上；在“工具 ▸ 责任单位通讯录”中修改）": (
        "{d} (printed on the templates; change it in “Tools ▸ Responsible units”)"
    ),
    "多份文件都填报了该项目：{names}（点“采用哪份文件”选定）": (
        "Reported in more than one file: {names} (choose one with “Which file”)"
    ),
    "收取月报": "Receive returns",
    "添加文件(&F)…": "Add &files…",
    "添加文件夹(&D)…": "Add a fol&der…",
    "移除": "Remove",
    "预览(&P)": "&Preview",
    "采用哪份文件(&C)…": "Whi&ch file…",
    "移出所选文件": "Leave the selected files out",
    "跳过有问题的行，收取其余各行": "Skip the rows with problems, take the others",
    "收取(&A)": "T&ake in",
    "收到日期：": "Received on:",
    "选择各单位报回的填报文件": "Choose the returned templates",
    "填报文件 (*.xlsx *.xlsm *.xls *.ods *.zip)": "Returns (*.xlsx *.xlsm *.xls *.ods *.zip)",
    "选择存放填报文件的文件夹": "Choose the folder of the returns",
    "截止日期：{d}": "Due: {d}",
    "添加各单位报回的文件、文件夹或 .zip 压缩包，再点“预览”。": (
        "Add the returned files, folders or .zip archives, then click “Preview”."
    ),
    "点“预览”查看收取后会怎样。": "Click “Preview” to see what taking them in would do.",
    "请先添加要收取的文件": "Add the files to take in first",
    "正在读取第 %v / %m 个文件": "Reading file %v of %m",
    "。{p}已关账，不能收取": ". {p} is closed: nothing can be taken in",
    "全部": "All",
    "采用哪份文件": "Which file",
    "{code} {name} 在多份文件中填报，采用：": "{code} {name} is in more than one file; take:",
    "正在备份并收取…": "Backing up and taking in…",
    "。请在“报送情况与审核”中审核。": ". Review them in “Returns and review”.",
    "还有 {n} 条月报未审核：{units}。关账后它们按现在的数字定稿；如要先审核，请取消，在“报送情况与审核”中处理。": (
        "{n} reports are not reviewed yet: {units}. Closing freezes them as they are; to review "
        "them first, cancel and use “Returns and review”."
    ),
    "报送情况与审核": "Returns and review",
    "待审核": "To review",
    "退回": "Returned",
    "部分上报": "Partly reported",
    "逾期上报": "Reported late",
    "逾期未报": "Overdue",
    "项目办录入": "Entered by the office",
    "已审核": "Reviewed",
    "逾期": "Late",
    "上报单位": "Reported by",
    "审核": "Review",
    "提示": "Warnings",
    "文件": "File",
    "报送次数": "Returns",
    "按时": "On time",
    "报送及时率": "On-time rate",
    "逾期的月份": "Late months",
    "报送情况(&B)": "&Board",
    "待审核月报(&R)": "To &review",
    "报送及时率(&T)": "On-&time rate",
    "所选单位审核通过": "Accept the selected units",
    "退回所选单位…": "Return the selected units…",
    "退回通知…": "Return notice…",
    "复制催报名单": "Copy the reminder list",
    "导出催报名单…": "Export the reminder list…",
    "所选通过": "Accept the selected",
    "退回所选…": "Return the selected…",
    "没有提示的全部通过": "Accept all without warnings",
    "年度：": "Year:",
    "导出报送及时率…": "Export the on-time rates…",
    "{p}：{n} 个单位，已上报 {a}、待审核 {b}、退回 {c}、未上报 {d} 个项目；截止日期 {due}。": (
        "{p}: {n} units; projects reported {a}, to review {b}, returned {c}, missing {d}; "
        "due {due}."
    ),
    "待审核月报（{n}）(&R)": "To &review ({n})",
    "退回{what}的原因（会写入退回通知）：": "Why {what} is returned (written into the notice):",
    "所选 {n} 条月报": "the {n} selected reports",
    "{p}月报催报名单（截止日期 {due}）": "Reports of {p} still missing (due {due})",
    "无联系人": "no contact",
    "催报名单已复制，可粘贴到通知或消息中。": "The reminder list is copied; paste it into a notice or a message.",
    "已导出：{path}": "Exported: {path}",
    "导出催报名单": "Export the reminder list",
    "请选中一个单位，再生成它的退回通知": "Select one unit to write its return notice",
    "保存退回通知": "Save the return notice",
    "导出报送及时率": "Export the on-time rates",
    "责任单位通讯录…": "Responsible units…",
    "责任单位通讯录": "Responsible units",
    "单位名称": "Unit",
    "简称": "Short name",
    "联系人": "Contact",
    "电话": "Phone",
    "项目数": "Projects",
    "状态": "Status",
    "未登记": "Not listed",
    "项目中填写了该单位，通讯录中还没有；填写联系人等即加入通讯录": (
        "Projects name this unit but the directory has not got it yet; fill in a contact to add it"
    ),
    "请先填写该单位的联系人等把它加入通讯录，再改名": (
        "Fill in the unit's contact first to add it to the directory, then rename it"
    ),
    " 日": " (day)",
    "如：规划科 张三": "e.g. Planning section, Zhang San",
    "如：0437-3300000": "e.g. 0437-3300000",
    "月报截止日（次月）(&D)：": "Returns due (day of next month):",
    "项目办联系人(&C)：": "Office contact:",
    "项目办电话(&P)：": "Office phone:",
    "新增单位(&N)…": "&New unit…",
    "删除单位": "Delete unit",
    "从 Excel 导入(&I)…": "&Import from Excel…",
    "关闭": "Close",
    "双击或直接输入修改单元格，每处修改即时保存并记入修改历史。": (
        "Double-click or type to change a cell; each change is saved at once and recorded in the history."
    ),
    "新增单位": "New unit",
    "单位名称：": "Unit name:",
    "导入责任单位通讯录": "Import the units' address list",
    "Excel 工作簿 (*.xlsx *.xlsm *.xls *.xlsb *.ods)": "Excel workbooks (*.xlsx *.xlsm *.xls *.xlsb *.ods)",
    "已从“{file}”导入：新增 {a} 个，补全 {c} 个。": "Imported from “{file}”: {a} added, {c} completed.",
    "共 {n} 个单位": "{n} units",
    "，其中 {m} 个未登记（项目中填写了、通讯录中还没有）": ", {m} not listed yet (named by projects only)",
    "有月报数据（{n}）": "With month figures ({n})",
    "{p} 月报（{s}）：": "Report of {p} ({s}):",
    "表中本月完成、1-N月累计、形象进度等列记入这个月的月度调度；留空则按文件中写明的期间": (
        "The sheet's figures of the month (this month, year to date, progress) go into this "
        "month's reports; leave it empty to use the period the file names"
    ),
    "表中本月数据记入 {p} 月度调度 {n} 条。": "The sheet's month figures: {n} reports of {p}.",
    "文件“{file}”，工作表“{sheet}”，识别为{kind}；表头在第 {rows} 行，金额默认单位：{unit}。": "File “{file}”, sheet “{sheet}”, read as {kind}; header in row(s) {rows}, default amount unit: {unit}.",
    "预览：导入后会怎样": "Preview: what the import will do",
    "核对无误后点“导入”，全部写入或全部不写入，并记入修改历史。": "When it looks right click “Import”: everything is written or nothing, and it goes into the change history.",
    "显示：": "Show:",
    "导入": "Import",
    "{period} 月报：": "{period} reports: ",
    "。没有需要写入的内容。": ". Nothing to write.",
    "全部（{n}）": "All ({n})",
    "跳过有问题的 {n} 行，只导入其余各行": "Skip the {n} rows with problems and import the rest",
    "导入失败": "Import failed",
    "未导入任何内容：{msg}": "Nothing was imported: {msg}",
    "导入完成": "Import finished",
    "个项目": "projects",
    "条月报": "monthly reports",
    "已导入：新增 {a} {u}，修改 {c} {u}。": "Imported: {a} new {u}, {c} changed {u}.",
    "已记入修改历史，来源：{src}。": "Recorded in the change history, source: {src}.",
    "{p} 已报齐 {d}/{n} 个单位。": "{p}: {d} of {n} units have reported.",
    "尚未报齐：": "Not yet reported:",
    "工作表(&S)：": "&Sheet:",
    "各单位报来的项目台账（.xlsx、.xls、.ods 等，可有多个工作表），或填好的月度调度填报模板。写入前会先预览。": "A project ledger sent in by a unit (.xlsx, .xls, .ods and others, on one sheet or many), or a filled-in monthly report template. You see a preview before anything is written.",
    "电子表格 (*.xlsx *.xlsm *.xls *.xlsb *.ods);;所有文件 (*)": "Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods);;All files (*)",
    "共读取 {n} 个工作表：{names}；在“工作表”中切换查看各表的列。": " {n} sheets read: {names}; choose one under “Sheet” to see its columns.",
    "导入的工作表：": "Sheets to import:",
    "{sheet}（{n} 行）": "{sheet} ({n} rows)",
    "工作表": "Sheet",
    # export dialog (export_dialog.py)
    "导出 Excel 报表": "Export Excel report",
    "全部项目（{n} 个）": "All projects ({n})",
    "当前筛选的项目": "Filtered projects",
    "当前筛选的项目（{n} 个）": "Filtered projects ({n})",
    "报表：": "Report:",
    "期间：": "Period:",
    "分组：": "Group by:",
    "范围：": "Projects:",
    "保存到：": "Save to:",
    "导出": "Export",
    "打开文件": "Open file",
    "按{label}": "By {label}",
    "不分组": "No grouping",
    "保存报表": "Save report",
    "请先选择保存位置": "Choose where to save first",
    "正在导出…": "Exporting…",
    "正在导出… {done}/{total}": "Exporting… {done}/{total}",
    "已导出：{path}（{n} 项，用时 {s:.1f} 秒）": "Exported: {path} ({n} items, {s:.1f} s)",
    "导出失败：{msg}": "Export failed: {msg}",
    "正在取消…": "Cancelling…",
    "已取消，未生成文件": "Cancelled, no file written",
    # crash reporter (crash.py)
    "位置不明": "unknown place",
    "{file} 第 {line} 行（{function}）": "{file} line {line} ({function})",
    "台账数据库文件已损坏。请在“工具 → 备份与恢复”中用最近的完好备份恢复。": "The ledger database file is damaged. Restore the latest intact backup in “Tools → Backup and restore”.",
    "磁盘空间已满，刚才的操作没有保存。请清理磁盘后重试。": "The disk is full; the last action was not saved. Free some space and try again.",
    "内存不足，刚才的操作没有完成。请关闭其他程序后重试。": "Out of memory; the last action did not finish. Close other programs and try again.",
    "没有权限访问文件：{name}": "No permission to access the file: {name}",
    "文件操作失败：{reason}": "File operation failed: {reason}",
    "程序内部错误（{detail}）": "Internal error ({detail})",
    "出错位置：{where}": "Where: {where}",
    "{app} 出错了": "{app}: an error occurred",
    "程序遇到了一个错误，但没有退出：您正在编辑的内容仍在窗口中，可以继续保存。": "The program hit an error but is still running: what you were editing is still in the window and can be saved.",
    "日志文件：{path}": "Log file: {path}",
    "未能写入日志": "the log could not be written",
    "复制错误信息": "Copy error details",
    "打开日志文件夹": "Open log folder",
    "继续": "Continue",
    # dashboard (dashboard.py)
    "{n}亿元": "{n} 100M CNY",
    "{n}万元": "{n} 10k CNY",
    "序号": "No.",
    "年度计划(万元)": "Annual plan (10k CNY)",
    "完成率": "Completion",
    "滞后(百分点)": "Behind (points)",
    "{code} {name}\n年度计划 {plan} 万元，本年累计完成 {ytd} 万元\n{light}：完成率 {rate}，落后时序进度 {behind} 个百分点\n按时序进度还差 {short} 万元\n双击打开项目": "{code} {name}\nAnnual plan {plan} (10k CNY), year to date {ytd} (10k CNY)\n{light}: completion {rate}, {behind} points behind schedule\nShort of schedule by {short} (10k CNY)\nDouble-click to open the project",
    "看板统计的调度期间": "The period the dashboard shows",
    "柱状图按所属县区、产业链或产业类别分组": "Group the bar chart by district, industrial chain or sector",
    "调度期间：": "Period:",
    "滞后项目前十": "Ten most lagging projects",
    "正在统计 {period} …": "Counting {period} …",
    "统计失败：{msg}": "Counting failed: {msg}",
    "{period}\u3000时序进度 {tp}\u3000项目 {n} 个\u3000年度计划 {plan}\u3000本年累计完成 {ytd}\u3000完成率 {rate}": "{period}   schedule {tp}   {n} projects   annual plan {plan}   year to date {ytd}   completion {rate}",
    "{period}\u3000没有符合筛选条件的项目": "{period}   no project matches the filter",
    "滞后项目前十（共 {n} 个滞后）": "Ten most lagging projects ({n} lagging in all)",
    "滞后：年度计划完成率低于时序进度。按落后时序进度的百分点排序，相同时按差额排序；无年度计划的项目不参与。": "Lagging: plan completion below the schedule. Sorted by points behind schedule, then by the shortfall; projects without an annual plan are left out.",
    "关键词“{text}”": "keyword “{text}”",
    "图表只统计台账当前筛选的项目 — ": "The charts count only the ledger's filtered projects — ",
    # instance guard (instance_guard.py)
    "另一个窗口或另一台电脑": "another window or another computer",
    "本机的另一个窗口（进程 {pid}）": "another window on this computer (process {pid})",
    "计算机“{host}”（进程 {pid}）": "the computer “{host}” (process {pid})",
    "台账“{name}”已在{where}中打开。\n\n可以继续打开：两边保存同一个项目时，后保存的一方会看到双方的数值并被拒绝，不会悄悄覆盖对方的修改。但建议同一时间只在一处编辑。": "The ledger “{name}” is already open in {where}.\n\nYou can open it anyway: when both sides save the same project, the later one sees both values and is refused, so nobody silently overwrites the other. Still, edit in one place at a time.",
    "继续打开": "Open anyway",
    # main window extensions (window_extensions.py)
    "调度看板": "Dashboard",
    "导出报表…": "Export report…",
    "导出当前视图的台账…": "Export the current ledger view…",
    "生成月度填报模板…": "Monthly report templates…",
    "导入 Excel（台账或月报）…": "Import Excel (ledger or reports)…",
    "备份与恢复…": "Backup and restore…",
    # project dialog, templates (project_dialog.py, template_dialog.py)
    "进度图表": "Progress charts",
    "生成月度调度填报模板": "Monthly report templates",
    "全选": "Select all",
    "全不选": "Select none",
    "生成模板": "Create templates",
    "打开文件夹": "Open folder",
    "填报期间：": "Period:",
    "保存到文件夹：": "Save to folder:",
    "责任单位（括号内为本期报送情况）：": "Responsible units (this period's reporting in brackets):",
    "保存模板的文件夹": "Folder for the templates",
    "请至少选择一个责任单位": "Select at least one responsible unit",
    "生成失败：{msg}": "Creating failed: {msg}",
    "已生成 {n} 份{p}填报模板，保存在 {f}": "Created {n} report templates for {p} in {f}",
    "{u}（{n} 个项目，{s}）": "{u} ({n} projects, {s})",
    # dashboard: what to do next on a ledger without amounts (issue 14, item 12)
    "录入年度计划…": "Enter annual plans…",
    "在项目台账中打开项目，填写年度计划投资": "Open a project in the ledger and enter its annual plan",
    "填报月度调度": "Fill in monthly returns",
    "在月度调度表中逐个项目填写本月完成投资": "Enter each project's investment of the month in the monthly grid",
    "导入台账…": "Import a ledger…",
    "导入各单位的 Excel 项目台账或填好的月报模板": "Import the units' Excel ledgers or filled-in monthly templates",
    "打开示例台账": "Open the sample ledger",
    "在数据文件夹中生成一份示例台账（300 个项目，标记为示例数据）并打开": (
        "Write a sample ledger (300 projects, marked as sample data) into the data folder and open it"
    ),
    "想先看看填好数据的看板：在命令行运行 keyprojects demo --projects 300 {file} 生成示例台账，再用 keyprojects --db {file} 打开。": (
        "To see a dashboard with data first: run keyprojects demo --projects 300 {file} to write "
        "the sample ledger, then open it with keyprojects --db {file}."
    ),
    "{period}：台账中的 {n} 个项目都还没有年度计划投资，{year}年也没有填报完成投资，图表暂无金额可统计。": (
        "{period}: none of the {n} projects in the ledger has an annual plan, and no investment "
        "has been reported for {year}, so the charts have no amounts to show."
    ),
    "台账中还没有项目，看板无可统计：可以导入已有的 Excel 台账，或逐个新增项目。": (
        "The ledger has no projects yet, so the dashboard has nothing to show: import an Excel "
        "ledger, or add projects one by one."
    ),
    # texts passed to a module's own wrapper (_tr/tr), found by extract.py
    # first launch (dialogs/first_launch.py)
    "欢迎使用{app}": "Welcome to {app}",
    "请先告诉程序是谁在填报。两项以后都可以在“工具 ▸ 设置”中修改。": (
        "First tell the program who is reporting. You can change both later in “Tools ▸ Settings”."
    ),
    "填报单位（印在报表表头）：": "Reporting unit (printed in report headers):",
    "如：张三": "e.g. Zhang San",
    "您的姓名（写入修改记录）：": "Your name (written into the change history):",
    "填报单位保存在台账文件中，命令行导出的报表也用它；姓名只保存在本机。": (
        "The reporting unit is stored in the ledger file and used by reports exported from the "
        "command line too; your name is kept on this computer only."
    ),
    "以后再说": "Later",
    "请填写您的姓名：它会写进每一条修改记录。": "Please enter your name: it goes into every entry of the change history.",
    "修改人暂用本机登录名“{user}”；请在“工具 ▸ 设置”中填写您的姓名。": (
        "Changes are recorded under the login name “{user}” for now; enter your name in “Tools ▸ Settings”."
    ),
    "填报单位（印在报表表头，存于台账）": "Reporting unit (printed in report headers, stored in the ledger)",
    "对象": "Item",
    # ledger files: new, open, recent, save as (window/ledger_files.py)
    "新建台账…": "New ledger…",
    "打开台账…": "Open ledger…",
    "最近打开": "Open recent",
    "另存为（复制台账）…": "Save as (copy the ledger)…",
    "台账文件 (*.sqlite *.sqlite3 *.db);;所有文件 (*)": "Ledger files (*.sqlite *.sqlite3 *.db);;All files (*)",
    "打开台账": "Open ledger",
    "（没有最近打开的台账）": "(no recent ledgers)",
    "（当前）": " (current)",
    "清除列表": "Clear list",
    "找不到台账“{name}”（{folder}），它可能已被移动、改名或删除。\n\n已从“最近打开”列表中移除。": (
        "The ledger “{name}” ({folder}) cannot be found; it may have been moved, renamed or "
        "deleted.\n\nIt has been removed from the “Open recent” list."
    ),
    "另存为（复制台账）": "Save as (copy the ledger)",
    "正在复制台账…": "Copying the ledger…",
    "“{name}”已经打开": "“{name}” is already open",
    "程序内部错误（{error}），详见日志": "Internal error ({error}); see the log",
    "无法打开“{name}”：\n{reason}\n\n当前台账“{current}”仍然打开。": (
        "Cannot open “{name}”:\n{reason}\n\nThe current ledger “{current}” stays open."
    ),
    "不打开，留在当前台账": "Don't open; stay in the current ledger",
    "已把台账复制为“{name}”（{folder}）。\n\n要切换到这份副本吗？当前台账将关闭，以后在副本中修改。": (
        "The ledger was copied to “{name}” ({folder}).\n\nSwitch to the copy? The current "
        "ledger closes and further changes go into the copy."
    ),
    "已复制为 {path}；可在“文件 ▸ 最近打开”中打开": "Copied to {path}; open it from “File ▸ Open recent”",
    "未能复制为“{name}”：\n{reason}\n\n当前台账未受影响。": (
        "Could not copy to “{name}”:\n{reason}\n\nThe current ledger is unaffected."
    ),
    "请稍候：上一个操作还没有完成": "Please wait: the previous operation has not finished",
    "“{name}”是当前打开的台账，不能覆盖。请换一个文件名。": (
        "“{name}” is the ledger now open and cannot be overwritten. Choose another file name."
    ),
    "文件“{name}”已存在，不会覆盖。请换一个文件名；要打开它请用“打开台账”。": (
        "The file “{name}” already exists and will not be overwritten. Choose another file "
        "name; to open it use “Open ledger”."
    ),
    "文件夹“{folder}”不存在。": "The folder “{folder}” does not exist.",
    "新建台账": "New ledger",
    "新台账": "New ledger",
    "空台账（只含县区、产业链、状态等代码表）": "Empty ledger (only the code tables: districts, industrial chains, statuses…)",
    "含2022年政府工作报告中的51个重点项目": "With the 51 key projects of the 2022 government work report",
    "新建并打开": "Create and open",
    "新台账保存到": "Save the new ledger in",
    "请填写新台账的文件名": "Enter a file name for the new ledger",
    # monthly grid finder (monthly/finder.py)
    "搜索“{text}”": "search “{text}”",
    "已按台账筛选：{filters}（显示 {shown} / {total} 个项目）": "Filtered as in the ledger: {filters} ({shown} / {total} projects shown)",
    "在本表中查找：项目编号、名称、责任单位（支持拼音首字母、全拼、繁体）": (
        "Find in this grid: code, name, responsible unit (pinyin initials, full pinyin, traditional)"
    ),
    "清除台账的筛选和搜索（台账与本表共用）": "Clear the ledger's filters and search (shared by the ledger and this grid)",
    "找到 {n} 个": "{n} found",
    "没有找到": "Not found",
    # 年度切换 (ui/dialogs/new_year.py)
    "年度切换…": "New year…",
    "上年建设性质": "Nature last year",
    "下一步：填报{year}年计划投资——导入表头为“{year}年计划投资”的台账，或在项目表单中填写。": "Next: enter the {year} plans — import a ledger whose header says “{year}年计划投资”, or fill them in the project form.",
    "不再列入": "Dropped",
    "不列": "Off",
    "储备项目": "Reserve",
    "储备项目（谋划、前期）也列入新年度名单": "Also put reserve projects (谋划, 前期) on the new year's list",
    "全部不选": "Untick all",
    "全部勾选": "Tick all",
    "写入前的备份：{path}": "Backup made before writing: {path}",
    "列入": "On list",
    "台账当前年度：{year}年，名单内 {n} 个项目。以上两项是预览中各行的默认选择，预览时还可以逐个勾选。": "The ledger's current year: {year}, {n} projects on its list. The two choices above are the defaults of the preview's lines; each can still be ticked there.",
    "已建立{year}年重点项目名单：{n} 个项目（结转续建 {c}，建成达产达效 {f}，储备 {r}），当前年度改为{year}年，已记入修改历史。": "The {year} key-project list is made: {n} projects ({c} carried over, {f} finished and in full output, {r} from the reserve); the current year is now {year}, recorded in the change history.",
    "年度切换": "New year",
    "年度切换：建立新一年的重点项目名单": "New year: make the next year's key-project list",
    "建立名单": "Make the list",
    "必列": "Carried",
    "按当前年度的名单提出新年度名单：未完工的项目结转为续建，竣工投产的项目可列入建成达产达效项目，储备项目可列入。下一步先预览，不会修改台账。": "The new year's list is proposed from the current year's: unfinished projects are carried over as 续建, finished ones may go to the 建成达产达效 list, reserve projects may be added. The next step is a preview; the ledger is not changed.",
    "新年度名单已建立": "The new year's list is made",
    "新年度建设性质": "Nature in the new year",
    "新年度：": "New year:",
    "核对后点“建立名单”：先备份台账，再一次写入，并记入修改历史。": "Check the lines, then click “Make the list”: the ledger is backed up, then written in one step and recorded in the change history.",
    "正在备份台账并建立{year}年名单…": "Backing up the ledger and making the {year} list…",
    "正在生成{year}年名单的预览…": "Preparing the preview of the {year} list…",
    "竣工、投产的项目列入建成达产达效项目清单": "Put finished projects (竣工, 投产) on the 建成达产达效 list",
    "竣工投产": "Finished",
    "类别": "Kind",
    "结转续建": "Carried over",
    "预览：新年度名单": "Preview: the new year's list",
    # 关账 / 重新开账 (ui/window/rounds.py, ui/monthly/model.py)
    "关账…": "Close the month…",
    "重新开账…": "Reopen the month…",
    "关账": "Close the month",
    "重新开账": "Reopen",
    "{period}（已关账）": "{period} (closed)",
    "关账 {period}？\n\n本期 {n} 个项目，已填报 {reported} 个，未填报 {missing} 个。\n关账后该月月报不能再修改（表格、表单和导入都会拒绝），该月的报表、图表和数字保持关账时的样子；关账前自动备份台账。": (
        "Close {period}?\n\n{n} projects this month, {reported} reported, {missing} not reported.\n"
        "Once closed, the month's reports can no longer be changed (the grid, the form and "
        "imports refuse), and its reports, charts and figures stay as they are at the close; "
        "the ledger is backed up first."
    ),
    "{period}已经关账（{who}，{when}）。": "{period} is already closed ({who}, {when}).",
    "{period}没有关账，无需重新开账。": "{period} is not closed; there is nothing to reopen.",
    "{period}已关账：{n} 个项目的月度调度已定稿": "{period} is closed: the reports of {n} projects are final",
    "正在备份台账并关账{period}…": "Backing up the ledger and closing {period}…",
    "{period}已重新开账（原因：{reason}）": "{period} is reopened (reason: {reason})",
    "重新开账后，{period}的月报可以再修改，报表和图表改按台账现状生成。\n请写明重新开账的原因（记入修改记录）：": (
        "Once reopened, the reports of {period} can be changed again and its reports and charts "
        "follow the ledger as it is.\nGive the reason for reopening (kept in the change history):"
    ),
    "例如：东丰县6月数据报错，需更正": "e.g. 东丰县's June figures were wrong and need correcting",
    "{period}已关账（{who}，{when}），本月调度只能查看，不能修改": (
        "{period} is closed ({who}, {when}): this month's reports can be viewed, not changed"
    ),
    "{period}已关账，不能再修改；如需更正请先重新开账（工具 ▸ 重新开账…）": (
        "{period} is closed and cannot be changed; to correct it, reopen it first "
        "(Tools ▸ Reopen the month…)"
    ),
    # 两期对比 (ui/dialogs/compare.py, ui/dashboard/compare.py)
    "两期对比…": "Compare two rounds…",
    "两期对比": "Compare two rounds",
    "保存两期对比": "Save the comparison",
    "前期：": "Earlier:",
    "后期：": "Later:",
    "项目": "Item",
    "个数": "Count",
    "正在对比…": "Comparing…",
    "请选择两个不同的期间": "Choose two different periods",
    "失败：{msg}": "Failed: {msg}",
    "已导出：{path}（用时 {s:.1f} 秒）": "Exported: {path} ({s:.1f} s)",
    "{before}与{after}：新增滞后 {new} 个，滞后转正常 {back} 个。": (
        "{before} against {after}: {new} newly lagging, {back} back on schedule."
    ),
    "对比上期": "Compare with the previous month",
    "在滞后项目下方列出上一期的本年累计完成和状态灯，与本期并列（按所属县区）": (
        "Show the previous month's year-to-date and lights beside this month's, by district, "
        "under the lagging projects"
    ),
    "与上期对比": "Against the previous month",
    "{before}与{after}对比": "{before} against {after}",
    "亿元": "100m CNY",
    "上期累计({unit})": "Previous YTD ({unit})",
    "本期累计({unit})": "This YTD ({unit})",
    "增减({unit})": "Change ({unit})",
    "红灯(上期→本期)": "Red (previous→this)",
    "上期：{before}\n本期：{after}": "Previous: {before}\nThis month: {after}",
    "合计": "Total",
    "正在对比 {period} …": "Comparing with {period}…",
    "对比失败：{msg}": "Comparison failed: {msg}",
    "新增滞后 {new} 个，滞后转正常 {back} 个，状态灯变化 {lights} 个；滞后项目由 {lag0} 个到 {lag1} 个。统计名单上的全部项目，不随台账筛选。": (
        "{new} newly lagging, {back} back on schedule, {lights} lights changed; lagging "
        "projects {lag0} → {lag1}. Counts every project on the list, whatever the ledger's "
        "filter."
    ),
    # the project form's year line (dialogs/project.py) and the schedule rules of domain/derived.py
    "年度计划投资、建设性质、项目清单为 {year} 年的数值{off}。{rule}。": (
        "Annual plan, nature and lists are the values for {year}{off}. {rule}."
    ),
    "（本项目不在该年重点项目名单中）": " (this project is not on that year's key-project list)",
    "序时进度按时间计算（月数÷12）": "The schedule follows time (months ÷ 12)",
    "序时进度按月度计划分解计算（截至本月计划累计÷年度计划）": (
        "The schedule follows the monthly plan (planned to date ÷ annual plan)"
    ),
    # the project form's year part (dialogs/project_year.py)
    "列入{year}年重点项目名单": "On the {year} key-project list",
    "建设目标（{year}年）": "Target ({year})",
    "本年形象进度目标，如：主体结构封顶，完成投资80%": (
        "This year's progress target, e.g. main structure topped out, 80% invested"
    ),
    "月度计划分解（{year}年）": "Monthly plan ({year})",
    "{month}月": "M{month}",
    "万元": "10k CNY",
    "{month}月计划：": "Plan of month {month}: ",
    "{month}月计划不能为负数": "The plan of month {month} cannot be negative",
    "月度计划合计 {total} 万元与年度计划投资 {plan} 万元不一致": (
        "The monthly plans add up to {total} (10k CNY), not the annual plan of {plan}"
    ),
    "合计：{total} 万元": "Total: {total} (10k CNY)",
    "未分解（序时进度按月数÷12）": "No monthly plan (the schedule follows months ÷ 12)",
}

#: Where one source text reads differently in one context: (context, source) -> English.
EN_IN_CONTEXT = {
    # the import preview's row results (importers/preview.py STATUS_LABELS)
    **{
        (ctx, src): en
        for ctx in ("PreviewModel", "PreviewPage")
        for src, en in (
            ("新增", "New"),
            ("修改", "Changed"),
            ("未变", "Unchanged"),
            ("拒绝", "Rejected"),
        )
    },
}


def fill(path: Path) -> list[str]:
    """Write the translations into ``path``; returns the sources still untranslated."""
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.find("source").text or ""
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue  # lupdate keeps texts no longer in the code; they stay as they are
            english = EN_IN_CONTEXT.get((name, source), EN.get(source))
            if english is not None:
                translation.text = english
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
