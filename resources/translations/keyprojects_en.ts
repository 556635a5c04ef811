<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Field</name>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="15" />
        <source>项目编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="16" />
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="17" />
        <source>建设单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="18" />
        <source>所属县区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="19" />
        <source>产业类别</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="20" />
        <source>产业链</source>
        <translation>Industrial chain</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="21" />
        <source>建设性质</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="22" />
        <source>项目清单</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="23" />
        <source>建设内容及规模</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="24" />
        <source>总投资</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="25" />
        <source>年度计划投资</source>
        <translation>Annual plan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="26" />
        <source>计划开工</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="27" />
        <source>计划竣工</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="28" />
        <source>实际开工</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="29" />
        <source>实际竣工</source>
        <translation>Actual end</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="30" />
        <source>项目状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="31" />
        <source>包保市级领导</source>
        <translation>City leader</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="32" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="33" />
        <source>项目秘书</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="34" />
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="35" />
        <source>解决措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="36" />
        <source>数据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="37" />
        <source>本月完成投资</source>
        <translation>Invested this month</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="38" />
        <source>形象进度(%)</source>
        <translation>Progress (%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="39" />
        <source>形象进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="40" />
        <source>进展情况</source>
        <translation>Progress notes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="41" />
        <source>填报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="42" />
        <source>填报日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="43" />
        <source>状态灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="44" />
        <source>本月完成</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="45" />
        <source>本年累计完成</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="46" />
        <source>年度计划完成率</source>
        <translation>Plan completion</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="47" />
        <source>上报状态</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="48" />
        <source>(万元)</source>
        <translation> (10k CNY)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="17" />
        <source>所属县区</source>
        <extracomment>Filter buttons in order: field → label. "lights" filters by status light.</extracomment>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="18" />
        <source>产业类别</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="19" />
        <source>产业链</source>
        <translation>Industrial chain</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="20" />
        <source>项目状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="21" />
        <source>建设性质</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="22" />
        <source>项目清单</source>
        <translation>Lists</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="23" />
        <source>包保领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="24" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="25" />
        <source>状态灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="55" />
        <source>搜索名称、业主、内容、领导、责任单位（支持拼音首字母、全拼、繁体）</source>
        <translation>Search name, owner, scope, leader, unit (pinyin initials, full pinyin, traditional)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="82" />
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="103" />
        <source>（无可选值）</source>
        <translation>(no values)</translation>
    </message>
</context>
<context>
    <name>LedgerEditor</name>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="52" />
        <location filename="../../desktop_app/ui/commands.py" line="81" />
        <location filename="../../desktop_app/ui/commands.py" line="101" />
        <location filename="../../desktop_app/ui/commands.py" line="121" />
        <location filename="../../desktop_app/ui/commands.py" line="194" />
        <source>重做：</source>
        <translation>Redo: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="60" />
        <location filename="../../desktop_app/ui/commands.py" line="73" />
        <location filename="../../desktop_app/ui/commands.py" line="95" />
        <location filename="../../desktop_app/ui/commands.py" line="127" />
        <location filename="../../desktop_app/ui/commands.py" line="201" />
        <source>撤销：</source>
        <translation>Undo: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="240" />
        <source>新增项目：</source>
        <translation>New project: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="256" />
        <source>编辑项目：</source>
        <translation>Edit project: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="262" />
        <source>删除项目：</source>
        <translation>Delete project: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="308" />
        <location filename="../../desktop_app/ui/commands.py" line="326" />
        <source>关键节点</source>
        <translation>Key nodes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="310" />
        <location filename="../../desktop_app/ui/commands.py" line="328" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="313" />
        <source>新增</source>
        <translation>Add </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="315" />
        <source>编辑</source>
        <translation>Edit </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="332" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="49" />
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="50" />
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="51" />
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="52" />
        <source>无计划</source>
        <translation>No plan</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="144" />
        <location filename="../../desktop_app/ui/main_window.py" line="215" />
        <source>项目台账</source>
        <extracomment>Ledgers with more projects than this load in a background thread.</extracomment>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="145" />
        <location filename="../../desktop_app/ui/main_window.py" line="218" />
        <source>月度调度</source>
        <translation>Monthly update</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="183" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="185" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="186" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="189" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="193" />
        <source>新增项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="196" />
        <source>编辑项目…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="199" />
        <source>复制为新项目…</source>
        <translation>Duplicate project…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="202" />
        <location filename="../../desktop_app/ui/main_window.py" line="613" />
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="204" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="206" />
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="209" />
        <source>保存当前视图…</source>
        <translation>Save current view…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="212" />
        <source>恢复默认列</source>
        <translation>Default columns</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="221" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="225" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="235" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="239" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="244" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="248" />
        <source>显示的列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="254" />
        <source>打开视图</source>
        <translation>Open view</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="257" />
        <source>删除视图</source>
        <translation>Delete view</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="260" />
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="261" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="263" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="267" />
        <source>常用</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="273" />
        <source> 调度期间 </source>
        <translation> Period </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="295" />
        <source>台账：{file}　修改人：{user}</source>
        <translation>Ledger: {file}   User: {user}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="379" />
        <source>正在载入台账…</source>
        <translation>Loading the ledger…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="400" />
        <source>载入失败：{msg}</source>
        <translation>Loading failed: {msg}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="449" />
        <source>正在载入月度调度…</source>
        <translation>Loading the monthly reports…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="499" />
        <source>显示 {shown} / {total} 个项目　总投资 {ti} 亿元　年度计划投资 {ap} 亿元　{period}本年累计完成 {ytd} 亿元　完成率 {rate}</source>
        <translation>Showing {shown} of {total} projects   total investment {ti} 100M CNY   annual plan {ap} 100M CNY   year to date ({period}) {ytd} 100M CNY   completion {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="562" />
        <location filename="../../desktop_app/ui/main_window.py" line="580" />
        <location filename="../../desktop_app/ui/main_window.py" line="590" />
        <source>请先在台账中选择一个项目</source>
        <translation>Select a project in the ledger first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="584" />
        <source>（复制）</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="605" />
        <source>已删除“{name}”（Ctrl+Z 可撤销）</source>
        <translation>Deleted “{name}” (Ctrl+Z undoes)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="615" />
        <source>确定删除项目“{name}”及其月报、关键节点和问题吗？
删除后可用“撤销”恢复。</source>
        <translation>Delete the project “{name}” with its monthly reports, key nodes and problems?
Undo brings it back.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="726" />
        <source>已打开视图“{name}”</source>
        <translation>Opened view “{name}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="730" />
        <source>保存视图</source>
        <translation>Save view</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="730" />
        <source>视图名称：</source>
        <translation>View name:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="742" />
        <source>（尚无保存的视图）</source>
        <translation>(no saved views)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="768" />
        <source>关于 {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="770" />
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;辽源市重点项目台账、月度调度与调度会报表的离线桌面程序。&lt;/p&gt;&lt;p&gt;台账文件：{path}&lt;br&gt;数据结构版本：v{schema}&lt;/p&gt;&lt;p&gt;中文字体：Noto Sans CJK SC（SIL Open Font License 1.1）&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Offline desk for Liaoyuan's key-project ledger, the monthly scheduling cycle and meeting reports.&lt;/p&gt;&lt;p&gt;Ledger file: {path}&lt;br&gt;Schema version: v{schema}&lt;/p&gt;&lt;p&gt;Chinese font: Noto Sans CJK SC (SIL Open Font License 1.1)&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MonthlyGrid</name>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="103" />
        <source>“{text}”不是有效的百分比</source>
        <translation>“{text}” is not a percentage</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="108" />
        <source>形象进度应在 0% 到 100% 之间</source>
        <translation>Progress must lie between 0% and 100%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="120" />
        <source>本月完成投资不能为负数</source>
        <translation>This month's investment cannot be negative</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="332" />
        <source>填报月度调度：{name}</source>
        <translation>Monthly report: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="339" />
        <source>第{row}行（{name}）“{column}”：</source>
        <translation>Row {row} ({name}) “{column}”: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="383" />
        <source>粘贴的内容超出表格：第{row}行之后没有项目</source>
        <translation>The pasted block runs past the table: no project after row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="397" />
        <source>此列不能填写，请从可填写的列开始粘贴</source>
        <translation>this column is not input; paste starting from an input column</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="413" />
        <source>粘贴月度调度（{n}个项目）</source>
        <translation>Paste monthly reports ({n} projects)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="434" />
        <source>清除月度调度内容（{n}个项目）</source>
        <translation>Clear monthly reports ({n} projects)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="581" />
        <source>直接输入即可修改；回车保存并下移，Tab 跳到下一个可填写单元格；可从 Excel 复制一块单元格后按 Ctrl+V 粘贴；Delete 清除。</source>
        <translation>Type to change a cell; Enter saves and moves down, Tab moves to the next input cell; copy cells in Excel and press Ctrl+V to paste; Delete clears.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="616" />
        <source>粘贴未保存，以下单元格有误：</source>
        <translation>Nothing was pasted; these cells are wrong:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="621" />
        <source>……另有 {n} 处</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="624" />
        <source>粘贴未保存</source>
        <translation>Nothing pasted</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="633" />
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="643" />
        <source>{period}：共 {n} 个项目，已上报 {r} 个，未上报 {u} 个；本月完成投资 {m} 万元；黄灯、红灯 {lag} 个</source>
        <translation>{period}: {n} projects, {r} reported, {u} not reported; invested this month {m} (10k CNY); yellow or red {lag}</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="107" />
        <source>新增项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="109" />
        <source>编辑项目 — {name}</source>
        <translation>Edit project — {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="118" />
        <source>基本信息</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="131" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="387" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="134" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="394" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="678" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="249" />
        <source>万元，可写 1.2亿</source>
        <translation>10k CNY; 1.2亿 works too</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="253" />
        <source>如 2022-03、2022年3月、2022/4/1</source>
        <translation>e.g. 2022-03, 2022年3月, 2022/4/1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="341" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="353" />
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="359" />
        <source>保存失败：</source>
        <translation>Saving failed: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="384" />
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="385" />
        <source>项目有尚未保存的修改。</source>
        <translation>The project has unsaved changes.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="390" />
        <source>放弃修改</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="418" />
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="441" />
        <source>月度调度记录</source>
        <translation>Monthly history</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="447" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="636" />
        <source>节点名称</source>
        <translation>Key node</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="448" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="637" />
        <source>计划完成</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="449" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="638" />
        <source>实际完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="450" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="469" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="645" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="451" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="476" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="639" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="646" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="452" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="640" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="461" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="628" />
        <source>关键节点</source>
        <translation>Key nodes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="467" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="489" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="567" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="630" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="644" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="471" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="661" />
        <source>已解决</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="473" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="660" />
        <source>未解决</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="477" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="647" />
        <source>办结时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="478" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="648" />
        <source>解决情况</source>
        <translation>Solution</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="479" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="649" />
        <source>提出日期</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="480" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="650" />
        <source>解决日期</source>
        <translation>Solved on</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="496" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="499" />
        <source>修改人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="500" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="501" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="502" />
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="503" />
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="509" />
        <source>修改记录</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="519" />
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="523" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="527" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="554" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="556" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="558" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="565" />
        <source>月报</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="566" />
        <source>节点</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="675" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="707" />
        <source>节点名称不能为空</source>
        <translation>A key node needs a name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="709" />
        <source>问题内容不能为空</source>
        <translation>A problem needs a text</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/project_model.py" line="405" />
        <source>本年累计完成投资 ÷ 年度计划投资</source>
        <extracomment>Columns hidden until the user shows them with the column chooser.</extracomment>
        <translation>Year-to-date investment ÷ annual plan</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="53" />
        <source>已上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="54" />
        <source>未上报</source>
        <translation>Not reported</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="30" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="37" />
        <source>修改人（写入修改记录）</source>
        <translation>User name (in the change history)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="48" />
        <source> 个百分点</source>
        <translation> points</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="53" />
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="56" />
        <source>黄灯：落后时序进度至少</source>
        <translation>Yellow: behind schedule by at least</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="59" />
        <source>红灯：落后时序进度超过</source>
        <translation>Red: behind schedule by more than</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="62" />
        <source>红灯：计划开工后未开工满</source>
        <translation>Red: not started this long after the planned start</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="70" />
        <source>台账报表默认分组</source>
        <translation>Ledger reports group by</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="78" />
        <source>界面语言（重新启动后生效）</source>
        <translation>Language (after a restart)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="89" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="92" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>