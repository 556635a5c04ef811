<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="94" />
            <source>备份时间</source>
            <translation>Backed up</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="98" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="100" />
            <source>项目数</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="106" />
            <source>大小</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="109" />
            <source>校验</source>
            <translation>Check</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="78" />
            <source>完好</source>
            <translation>Intact</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="79" />
            <source>已损坏</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="80" />
            <source>未校验</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="138" />
            <source>备份与恢复</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="157" />
            <source> 个</source>
            <translation> backups</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="159" />
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="163" />
            <source>恢复所选备份…</source>
            <translation>Restore selected backup…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="168" />
            <source>打开备份文件夹</source>
            <translation>Open backup folder</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="173" />
            <source>保留最近</source>
            <translation>Keep the latest</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="201" />
            <source>台账：{db}
备份位置：{folder}
打开台账、每次导入、升级数据结构和恢复之前都会自动备份（SQLite 备份接口写出的一致快照）；共 {n} 个备份。</source>
            <translation>Ledger: {db}
Backups: {folder}
A backup is made automatically when the ledger is opened and before every import, schema upgrade and restore (a consistent snapshot written by SQLite's backup API); {n} backups in all.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="223" />
            <source>手动备份</source>
            <translation>Manual backup</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="227" />
            <source>备份失败：{reason}</source>
            <translation>Backup failed: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="238" />
            <source>用 {when} 的备份（{reason}，{projects} 个项目）替换当前台账的全部内容？

当前台账会先自动备份，恢复后仍可从备份列表中找回。</source>
            <translation>Replace the whole ledger with the backup of {when} ({reason}, {projects} projects)?

The current ledger is backed up first and stays in the backup list.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="250" />
            <source>恢复失败，台账未改变：{reason}</source>
            <translation>Restore failed, the ledger is unchanged: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="258" />
            <source>已恢复 {when} 的备份。恢复前的台账已备份到：
{path}</source>
            <translation>Restored the backup of {when}. The ledger before the restore was saved to:
{path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="287" />
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="378" />
            <source>恢复备份</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="304" />
            <source>台账“{name}”已损坏，无法打开：
{error}</source>
            <translation>The ledger “{name}” is damaged and cannot be opened:
{error}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="311" />
            <source>没有找到可用的备份。请不要再写入这个文件，把它复制一份后联系技术人员。</source>
            <translation>No usable backup was found. Do not write to this file any more; copy it and contact technical support.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="319" />
            <source>是否用最近一个完好的备份恢复？
备份时间：{when}（{reason}，{projects} 个项目）
损坏的文件会改名保留在原文件夹中。</source>
            <translation>Restore the latest intact backup?
Backed up: {when} ({reason}, {projects} projects)
The damaged file is kept under a new name in its folder.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="351" />
            <source>恢复失败：{reason}</source>
            <translation>Restore failed: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="353" />
            <source>已用 {when} 的备份恢复台账。</source>
            <translation>The ledger was restored from the backup of {when}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="357" />
            <source>损坏的文件已改名保留为：
{path}</source>
            <translation>The damaged file was kept as:
{path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="372" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="379" />
            <source>不恢复，退出</source>
            <translation>Quit without restoring</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/backup.py" line="421" />
            <source>后台检查发现台账已损坏：{problem}

请不要继续编辑。关闭程序后重新打开，按提示用最近的完好备份恢复（或在命令行运行 keyprojects restore --latest）。</source>
            <translation>A background check found the ledger damaged: {problem}

Please stop editing. Close the program, open it again and restore the latest intact backup when asked (or run keyprojects restore --latest).</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="60" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="216" />
            <source>{m}月</source>
            <translation>M{m}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="65" />
            <source>幻灯片 16:9（1920×1080）</source>
            <extracomment>Sizes offered when saving a chart for slides.</extracomment>
            <translation>Slide 16:9 (1920×1080)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="66" />
            <source>幻灯片 16:9（1280×720）</source>
            <translation>Slide 16:9 (1280×720)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="67" />
            <source>幻灯片 4:3（1600×1200）</source>
            <translation>Slide 4:3 (1600×1200)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="68" />
            <source>A4 横向（2339×1654）</source>
            <translation>A4 landscape (2339×1654)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="348" />
            <source>无法保存图片：{path}</source>
            <extracomment>Pixels kept free between a value label and the edge of the plot. A bar was clicked: (field, value) — e.g. ("region", "龙山区"), ("light", "red"). The left axis's class (count charts count on it). The plot items drawn for the data, by role ("plan", "done", "bars", ...). The value labels written on the plot. The data ranges the chart asked for, before room is made for its labels.</extracomment>
            <translation>Cannot save the image: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="360" />
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="381" />
            <source>复制图片</source>
            <translation>Copy image</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="362" />
            <source>另存为 PNG 图片…</source>
            <translation>Save as PNG…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="65" />
            <source>年度计划与本年累计完成</source>
            <translation>Annual plan and year to date</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="69" />
            <source>分组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="83" />
            <source>按{group}：年度计划与本年累计完成</source>
            <translation>By {group}: annual plan and year to date</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="111" />
            <source>年度计划</source>
            <translation>Annual plan</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="112" />
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="215" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="73" />
            <source>本年累计完成</source>
            <translation>Year to date</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="126" />
            <source>按时序进度应完成（{tp}）</source>
            <translation>Due by schedule ({tp})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="136" />
            <source>无计划</source>
            <translation>No plan</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="145" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="109" />
            <source>金额（{unit}）</source>
            <translation>Amount ({unit})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="170" />
            <source>{label}（{n} 个项目）</source>
            <translation>{label} ({n} projects)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="173" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="133" />
            <source>年度计划：{v}</source>
            <translation>Annual plan: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="174" />
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="260" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="127" />
            <source>本年累计完成：{v}</source>
            <translation>Year to date: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="175" />
            <source>完成率：{rate}（{light}）</source>
            <translation>Completion: {rate} ({light})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="181" />
            <source>按时序进度（{tp}）应完成：{v}</source>
            <translation>Due by schedule ({tp}): {v}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="186" />
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="336" />
            <source>单击可筛选台账</source>
            <translation>Click to filter the ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="193" />
            <source>全年投资进度：累计完成与时序进度计划</source>
            <translation>Investment over the year: done against schedule</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="202" />
            <source>{year}年投资进度：累计完成与时序进度计划</source>
            <translation>Investment in {year}: done against schedule</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="217" />
            <source>按时序进度应完成（年度计划×月数/12）</source>
            <translation>Due by schedule (annual plan × months / 12)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="222" />
            <source>{m}月累计 {v}
完成率 {rate}</source>
            <translation>To M{m}: {v}
completion {rate}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="229" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="82" />
            <source>年度计划 {v}</source>
            <translation>Annual plan {v}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="242" />
            <source>累计金额（{unit}）</source>
            <translation>Cumulative amount ({unit})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="253" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="120" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="214" />
            <source>{year}年{m}月</source>
            <translation>{year}-{m:02}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="265" />
            <source>（本月尚无完成投资填报）</source>
            <translation>(no investment reported this month yet)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="267" />
            <location filename="../../desktop_app/ui/dashboard/project.py" line="138" />
            <source>按时序进度应完成：{v}</source>
            <translation>Due by schedule: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="274" />
            <source>完成率：{rate}（时序进度 {tp}）</source>
            <translation>Completion: {rate} (schedule {tp})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="284" />
            <source>项目个数</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="309" />
            <source>项目个数（个）</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="332" />
            <source>{label}：{n} 个项目（占 {share}）</source>
            <translation>{label}: {n} projects ({share})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="343" />
            <source>项目状态灯</source>
            <translation>Status lights</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/charts.py" line="347" />
            <source>项目状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="41" />
            <source>月度完成投资</source>
            <translation>Monthly investment</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="50" />
            <source>{name}：{year}年月度完成投资</source>
            <translation>{name}: monthly investment {year}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="69" />
            <source>本月完成</source>
            <translation>This month</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="92" />
            <source>按时序进度应完成</source>
            <translation>Due by schedule</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="95" />
            <source>累计 {v}</source>
            <translation>Cumulative {v}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="99" />
            <source>，完成率 {rate}</source>
            <translation>, completion {rate}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="121" />
            <source>本月完成：{v}</source>
            <translation>This month: {v}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="123" />
            <source>本月未填报完成投资</source>
            <translation>No investment reported this month</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="143" />
            <source>年度计划：未填写</source>
            <translation>Annual plan: not filled in</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="150" />
            <source>形象进度</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="159" />
            <source>{name}：形象进度</source>
            <translation>{name}: progress</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="180" />
            <source>尚无形象进度填报</source>
            <translation>No progress reported yet</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="188" />
            <source>形象进度（%）</source>
            <translation>Progress (%)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/project.py" line="198" />
            <source>形象进度：{pct}%</source>
            <translation>Progress: {pct}%</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="383" />
            <source>把这张图复制到剪贴板，可直接粘贴到幻灯片</source>
            <translation>Copy this chart to the clipboard to paste it into slides</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="387" />
            <source>保存图片…</source>
            <translation>Save image…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="389" />
            <source>把这张图按选定的尺寸保存为 PNG 图片</source>
            <translation>Save this chart as a PNG image of a chosen size</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="404" />
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="450" />
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="459" />
            <source>保存图片</source>
            <translation>Save image</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="407" />
            <source>当前大小（{w}×{h}）</source>
            <translation>Current size ({w}×{h})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="419" />
            <source> 像素</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="423" />
            <source>尺寸：</source>
            <translation>Size:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="424" />
            <source>宽度：</source>
            <translation>Width:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="425" />
            <source>高度：</source>
            <translation>Height:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="428" />
            <source>保存…</source>
            <translation>Save…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="429" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/plot.py" line="452" />
            <source>PNG 图片 (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
    </context>
    <context>
        <name>ColumnMappingModel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="62" />
            <source>列</source>
            <translation>Column</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="63" />
            <source>表头</source>
            <translation>Header</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="65" />
            <source>导入为</source>
            <translation>Import as</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="70" />
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="71" />
            <source>示例</source>
            <translation>Examples</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="61" />
            <source>两期对比</source>
            <translation>Compare two rounds</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="77" />
            <source>{period}（已关账）</source>
            <translation>{period} (closed)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="82" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="88" />
            <source>前期：</source>
            <translation>Earlier:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="89" />
            <source>后期：</source>
            <translation>Later:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="90" />
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="94" />
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="94" />
            <source>个数</source>
            <translation>Count</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="103" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="106" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="144" />
            <source>保存两期对比</source>
            <translation>Save the comparison</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="144" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="155" />
            <source>请选择两个不同的期间</source>
            <translation>Choose two different periods</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="175" />
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="175" />
            <source>正在对比…</source>
            <translation>Comparing…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="217" />
            <source>{before}与{after}：新增滞后 {new} 个，滞后转正常 {back} 个。</source>
            <translation>{before} against {after}: {new} newly lagging, {back} back on schedule.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="230" />
            <source>已导出：{path}（用时 {s:.1f} 秒）</source>
            <translation>Exported: {path} ({s:.1f} s)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="240" />
            <source>失败：{msg}</source>
            <translation>Failed: {msg}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/compare.py" line="246" />
            <source>请先选择保存位置</source>
            <translation>Choose where to save first</translation>
        </message>
    </context>
    <context>
        <name>CrashReporter</name>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="122" />
            <source>位置不明</source>
            <translation>unknown place</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="126" />
            <source>{file} 第 {line} 行（{function}）</source>
            <translation>{file} line {line} ({function})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="139" />
            <source>台账数据库文件已损坏。请在“工具 → 备份与恢复”中用最近的完好备份恢复。</source>
            <translation>The ledger database file is damaged. Restore the latest intact backup in “Tools → Backup and restore”.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="143" />
            <source>磁盘空间已满，刚才的操作没有保存。请清理磁盘后重试。</source>
            <translation>The disk is full; the last action was not saved. Free some space and try again.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="147" />
            <source>内存不足，刚才的操作没有完成。请关闭其他程序后重试。</source>
            <translation>Out of memory; the last action did not finish. Close other programs and try again.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="151" />
            <source>没有权限访问文件：{name}</source>
            <translation>No permission to access the file: {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="155" />
            <source>文件操作失败：{reason}</source>
            <translation>File operation failed: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="159" />
            <source>程序内部错误（{detail}）</source>
            <translation>Internal error ({detail})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="217" />
            <source>出错位置：{where}</source>
            <translation>Where: {where}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="236" />
            <source>{app} 出错了</source>
            <translation>{app}: an error occurred</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="239" />
            <source>程序遇到了一个错误，但没有退出：您正在编辑的内容仍在窗口中，可以继续保存。</source>
            <translation>The program hit an error but is still running: what you were editing is still in the window and can be saved.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="245" />
            <source>日志文件：{path}</source>
            <translation>Log file: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="247" />
            <source>未能写入日志</source>
            <translation>the log could not be written</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="252" />
            <source>复制错误信息</source>
            <translation>Copy error details</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="256" />
            <source>打开日志文件夹</source>
            <translation>Open log folder</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/crash.py" line="260" />
            <source>继续</source>
            <translation>Continue</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="70" />
            <source>{n}亿元</source>
            <translation>{n} 100M CNY</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="71" />
            <source>{n}万元</source>
            <translation>{n} 10k CNY</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="86" />
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="88" />
            <source>项目名称</source>
            <translation>Project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="91" />
            <source>所属县区</source>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="94" />
            <source>年度计划(万元)</source>
            <translation>Annual plan (10k CNY)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="100" />
            <source>完成率</source>
            <translation>Completion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="107" />
            <source>滞后(百分点)</source>
            <translation>Behind (points)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="130" />
            <source>{code} {name}
年度计划 {plan} 万元，本年累计完成 {ytd} 万元
{light}：完成率 {rate}，落后时序进度 {behind} 个百分点
按时序进度还差 {short} 万元
双击打开项目</source>
            <translation>{code} {name}
Annual plan {plan} (10k CNY), year to date {ytd} (10k CNY)
{light}: completion {rate}, {behind} points behind schedule
Short of schedule by {short} (10k CNY)
Double-click to open the project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="209" />
            <source>看板统计的调度期间</source>
            <extracomment>A bar was clicked: filter the ledger to ``field`` = ``value`` — a group ("region", "chain", "sector"), a status ("status", "在建") or a light ("light", "red"). A lagging project was double-clicked. The period was changed in the dashboard's own selector (a Period). Charts were redrawn (after data arrived or the filter / grouping changed). A way on was chosen in the hint of a ledger without amounts ("plans", "monthly", "import", "demo"; see :class:`~.hint.NextSteps`).</extracomment>
            <translation>The period the dashboard shows</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="216" />
            <source>柱状图按所属县区、产业链或产业类别分组</source>
            <translation>Group the bar chart by district, industrial chain or sector</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="233" />
            <source>调度期间：</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="237" />
            <source>分组：</source>
            <translation>Group by:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="263" />
            <source>滞后项目前十</source>
            <translation>Ten most lagging projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="415" />
            <source>正在统计 {period} …</source>
            <translation>Counting {period} …</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="445" />
            <source>统计失败：{msg}</source>
            <translation>Counting failed: {msg}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="496" />
            <source>{period}　时序进度 {tp}　项目 {n} 个　年度计划 {plan}　本年累计完成 {ytd}　完成率 {rate}</source>
            <translation>{period}   schedule {tp}   {n} projects   annual plan {plan}   year to date {ytd}   completion {rate}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="510" />
            <source>{period}　没有符合筛选条件的项目</source>
            <translation>{period}   no project matches the filter</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="515" />
            <source>滞后项目前十（共 {n} 个滞后）</source>
            <translation>Ten most lagging projects ({n} lagging in all)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="518" />
            <source>滞后：年度计划完成率低于时序进度。按落后时序进度的百分点排序，相同时按差额排序；无年度计划的项目不参与。</source>
            <translation>Lagging: plan completion below the schedule. Sorted by points behind schedule, then by the shortfall; projects without an annual plan are left out.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="549" />
            <source>关键词“{text}”</source>
            <translation>keyword “{text}”</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/board.py" line="563" />
            <source>图表只统计台账当前筛选的项目 — </source>
            <translation>The charts count only the ledger's filtered projects — </translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="478" />
            <source>导入完成</source>
            <translation>Import finished</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="487" />
            <source>个项目</source>
            <translation>projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="487" />
            <source>条月报</source>
            <translation>monthly reports</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="489" />
            <source>已导入：新增 {a} {u}，修改 {c} {u}。</source>
            <translation>Imported: {a} new {u}, {c} changed {u}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="492" />
            <source>已记入修改历史，来源：{src}。</source>
            <translation>Recorded in the change history, source: {src}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="497" />
            <source>表中本月数据记入 {p} 月度调度 {n} 条。</source>
            <translation>The sheet's month figures: {n} reports of {p}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="506" />
            <source>{p} 已报齐 {d}/{n} 个单位。</source>
            <translation>{p}: {d} of {n} units have reported.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="511" />
            <source>尚未报齐：</source>
            <translation>Not yet reported:</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="122" />
            <source>导出 Excel 报表</source>
            <translation>Export Excel report</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="149" />
            <source>全部项目（{n} 个）</source>
            <translation>All projects ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="151" />
            <source>当前筛选的项目</source>
            <translation>Filtered projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="156" />
            <source>当前筛选的项目（{n} 个）</source>
            <translation>Filtered projects ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="165" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="172" />
            <source>报表：</source>
            <translation>Report:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="173" />
            <source>期间：</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="174" />
            <source>分组：</source>
            <translation>Group by:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="175" />
            <source>范围：</source>
            <translation>Projects:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="176" />
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="186" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="189" />
            <source>打开文件</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="192" />
            <source>打开所在文件夹</source>
            <translation>Open containing folder</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="195" />
            <location filename="../../desktop_app/ui/dialogs/export.py" line="335" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="237" />
            <source>按{label}</source>
            <translation>By {label}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="238" />
            <source>不分组</source>
            <translation>No grouping</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="255" />
            <source>保存报表</source>
            <translation>Save report</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="255" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="282" />
            <source>请先选择保存位置</source>
            <translation>Choose where to save first</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="299" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="300" />
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="312" />
            <source>正在导出… {done}/{total}</source>
            <translation>Exporting… {done}/{total}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="319" />
            <source>已导出：{path}（{n} 项，用时 {s:.1f} 秒）</source>
            <translation>Exported: {path} ({n} items, {s:.1f} s)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="330" />
            <source>导出失败：{msg}</source>
            <translation>Export failed: {msg}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="344" />
            <source>正在取消…</source>
            <translation>Cancelling…</translation>
        </message>
    </context>
    <context>
        <name>ExportWorker</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/export.py" line="98" />
            <source>已取消，未生成文件</source>
            <translation>Cancelled, no file written</translation>
        </message>
    </context>
    <context>
        <name>Field</name>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="16" />
            <source>项目编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="17" />
            <source>项目名称</source>
            <translation>Project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="18" />
            <source>建设单位</source>
            <translation>Owner</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="19" />
            <source>所属县区</source>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="20" />
            <source>产业类别</source>
            <translation>Sector</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="21" />
            <source>产业链</source>
            <translation>Industrial chain</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="22" />
            <source>建设性质</source>
            <translation>Nature</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="23" />
            <source>项目清单</source>
            <translation>Lists</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="24" />
            <source>建设内容及规模</source>
            <translation>Scope</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="25" />
            <source>总投资</source>
            <translation>Total investment</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="26" />
            <source>年度计划投资</source>
            <translation>Annual plan</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="27" />
            <source>计划开工</source>
            <translation>Planned start</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="28" />
            <source>计划竣工</source>
            <translation>Planned end</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="29" />
            <source>实际开工</source>
            <translation>Actual start</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="30" />
            <source>实际竣工</source>
            <translation>Actual end</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="31" />
            <source>项目状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="32" />
            <source>包保市级领导</source>
            <translation>City leader</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="33" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="34" />
            <source>项目秘书</source>
            <translation>Secretary</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="35" />
            <source>存在问题</source>
            <translation>Problems</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="36" />
            <source>解决措施</source>
            <translation>Measures</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="37" />
            <source>数据来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="38" />
            <source>本月完成投资</source>
            <translation>Invested this month</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="39" />
            <source>形象进度(%)</source>
            <translation>Progress (%)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="40" />
            <source>形象进度</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="41" />
            <source>进展情况</source>
            <translation>Progress notes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="42" />
            <source>填报人</source>
            <translation>Reporter</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="43" />
            <source>填报日期</source>
            <translation>Report date</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="44" />
            <location filename="../../desktop_app/ui/dashboard/board.py" line="559" />
            <source>状态灯</source>
            <translation>Light</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="45" />
            <source>本月完成</source>
            <translation>This month</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="46" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="76" />
            <source>本年累计完成</source>
            <translation>Year to date</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="47" />
            <source>年度计划完成率</source>
            <translation>Plan completion</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="48" />
            <source>上报状态</source>
            <translation>Reported</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="49" />
            <location filename="../../desktop_app/ui/common/labels.py" line="71" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="72" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="76" />
            <location filename="../../desktop_app/ui/models/project.py" line="524" />
            <location filename="../../desktop_app/ui/monthly/model.py" line="340" />
            <source>(万元)</source>
            <translation> (10k CNY)</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="81" />
            <source>选择要导入的 Excel 文件</source>
            <translation>Choose the Excel file to import</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="82" />
            <source>各单位报来的项目台账（.xlsx、.xls、.ods 等，可有多个工作表），或填好的月度调度填报模板。写入前会先预览。</source>
            <translation>A project ledger sent in by a unit (.xlsx, .xls, .ods and others, on one sheet or many), or a filled-in monthly report template. You see a preview before anything is written.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="90" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="93" />
            <source>自动识别</source>
            <translation>Detect</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="94" />
            <source>项目台账</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="95" />
            <source>月报（填报模板）</source>
            <translation>Monthly reports (template)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="101" />
            <source>文件：</source>
            <translation>File:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="102" />
            <source>内容：</source>
            <translation>Contents:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="109" />
            <source>导入 Excel</source>
            <translation>Import Excel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="111" />
            <source>电子表格 (*.xlsx *.xlsm *.xls *.xlsb *.ods);;所有文件 (*)</source>
            <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.xlsb *.ods);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="18" />
            <source>所属县区</source>
            <extracomment>Filter buttons in order: field → label. "lights" filters by status light.</extracomment>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="19" />
            <source>产业类别</source>
            <translation>Sector</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="20" />
            <source>产业链</source>
            <translation>Industrial chain</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="21" />
            <source>项目状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="22" />
            <source>建设性质</source>
            <translation>Nature</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="23" />
            <source>项目清单</source>
            <translation>Lists</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="24" />
            <source>包保领导</source>
            <translation>Leader</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="25" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="26" />
            <source>状态灯</source>
            <translation>Light</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="57" />
            <source>搜索名称、业主、内容、领导、责任单位（支持拼音首字母、全拼、繁体）</source>
            <translation>Search name, owner, scope, leader, unit (pinyin initials, full pinyin, traditional)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="83" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/filter_bar.py" line="118" />
            <source>（无可选值）</source>
            <translation>(no values)</translation>
        </message>
    </context>
    <context>
        <name>FirstLaunchDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="33" />
            <source>欢迎使用{app}</source>
            <translation>Welcome to {app}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="37" />
            <source>请先告诉程序是谁在填报。两项以后都可以在“工具 ▸ 设置”中修改。</source>
            <translation>First tell the program who is reporting. You can change both later in “Tools ▸ Settings”.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="44" />
            <source>填报单位（印在报表表头）：</source>
            <translation>Reporting unit (printed in report headers):</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="47" />
            <source>如：张三</source>
            <translation>e.g. Zhang San</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="48" />
            <source>您的姓名（写入修改记录）：</source>
            <translation>Your name (written into the change history):</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="49" />
            <source>填报单位保存在台账文件中，命令行导出的报表也用它；姓名只保存在本机。</source>
            <translation>The reporting unit is stored in the ledger file and used by reports exported from the command line too; your name is kept on this computer only.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="53" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="53" />
            <source>以后再说</source>
            <translation>Later</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="62" />
            <source>请填写您的姓名：它会写进每一条修改记录。</source>
            <translation>Please enter your name: it goes into every entry of the change history.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/first_launch.py" line="87" />
            <source>修改人暂用本机登录名“{user}”；请在“工具 ▸ 设置”中填写您的姓名。</source>
            <translation>Changes are recorded under the login name “{user}” for now; enter your name in “Tools ▸ Settings”.</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="530" />
            <source>导入 Excel</source>
            <translation>Import Excel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="548" />
            <source>下一步</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="549" />
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="550" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="551" />
            <source>完成</source>
            <translation>Finish</translation>
        </message>
    </context>
    <context>
        <name>InstanceGuard</name>
        <message>
            <location filename="../../desktop_app/ui/common/instance_guard.py" line="79" />
            <source>另一个窗口或另一台电脑</source>
            <translation>another window or another computer</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/instance_guard.py" line="81" />
            <source>本机的另一个窗口（进程 {pid}）</source>
            <translation>another window on this computer (process {pid})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/instance_guard.py" line="85" />
            <source>计算机“{host}”（进程 {pid}）</source>
            <translation>the computer “{host}” (process {pid})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/instance_guard.py" line="88" />
            <source>台账“{name}”已在{where}中打开。

可以继续打开：两边保存同一个项目时，后保存的一方会看到双方的数值并被拒绝，不会悄悄覆盖对方的修改。但建议同一时间只在一处编辑。</source>
            <translation>The ledger “{name}” is already open in {where}.

You can open it anyway: when both sides save the same project, the later one sees both values and is refused, so nobody silently overwrites the other. Still, edit in one place at a time.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/instance_guard.py" line="124" />
            <source>继续打开</source>
            <translation>Open anyway</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/instance_guard.py" line="125" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>LedgerEditor</name>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="63" />
            <location filename="../../desktop_app/ui/commands.py" line="127" />
            <location filename="../../desktop_app/ui/commands.py" line="147" />
            <location filename="../../desktop_app/ui/commands.py" line="167" />
            <location filename="../../desktop_app/ui/commands.py" line="240" />
            <source>重做：</source>
            <translation>Redo: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="68" />
            <location filename="../../desktop_app/ui/commands.py" line="119" />
            <location filename="../../desktop_app/ui/commands.py" line="141" />
            <location filename="../../desktop_app/ui/commands.py" line="173" />
            <location filename="../../desktop_app/ui/commands.py" line="247" />
            <source>撤销：</source>
            <extracomment>What the project form saves of the year besides the fields (see dialogs/project_year.py).</extracomment>
            <translation>Undo: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="287" />
            <location filename="../../desktop_app/ui/commands.py" line="299" />
            <source>新增项目：</source>
            <translation>New project: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="320" />
            <location filename="../../desktop_app/ui/commands.py" line="334" />
            <source>编辑项目：</source>
            <translation>Edit project: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="344" />
            <source>删除项目：</source>
            <translation>Delete project: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="400" />
            <location filename="../../desktop_app/ui/commands.py" line="418" />
            <source>关键节点</source>
            <translation>Key nodes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="402" />
            <location filename="../../desktop_app/ui/commands.py" line="420" />
            <source>问题</source>
            <translation>Problems</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="405" />
            <source>新增</source>
            <translation>Add </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="407" />
            <source>编辑</source>
            <translation>Edit </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/commands.py" line="424" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>LedgerFiles</name>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="61" />
            <source>台账文件 (*.sqlite *.sqlite3 *.db);;所有文件 (*)</source>
            <translation>Ledger files (*.sqlite *.sqlite3 *.db);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="89" />
            <source>打开台账</source>
            <translation>Open ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="101" />
            <source>（没有最近打开的台账）</source>
            <translation>(no recent ledgers)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="112" />
            <source>（当前）</source>
            <translation> (current)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="116" />
            <source>清除列表</source>
            <translation>Clear list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="128" />
            <source>找不到台账“{name}”（{folder}），它可能已被移动、改名或删除。

已从“最近打开”列表中移除。</source>
            <translation>The ledger “{name}” ({folder}) cannot be found; it may have been moved, renamed or deleted.

It has been removed from the “Open recent” list.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="148" />
            <source>另存为（复制台账）</source>
            <translation>Save as (copy the ledger)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="170" />
            <source>正在复制台账…</source>
            <translation>Copying the ledger…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="182" />
            <source>“{name}”已经打开</source>
            <translation>“{name}” is already open</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="200" />
            <source>正在打开台账“{name}”…</source>
            <translation>Opening the ledger “{name}”…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="261" />
            <source>程序内部错误（{error}），详见日志</source>
            <translation>Internal error ({error}); see the log</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="265" />
            <source>无法打开“{name}”：
{reason}

当前台账“{current}”仍然打开。</source>
            <translation>Cannot open “{name}”:
{reason}

The current ledger “{current}” stays open.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="277" />
            <source>继续打开</source>
            <translation>Open anyway</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="277" />
            <source>不打开，留在当前台账</source>
            <translation>Don't open; stay in the current ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="296" />
            <source>已把台账复制为“{name}”（{folder}）。

要切换到这份副本吗？当前台账将关闭，以后在副本中修改。</source>
            <translation>The ledger was copied to “{name}” ({folder}).

Switch to the copy? The current ledger closes and further changes go into the copy.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="303" />
            <source>已复制为 {path}；可在“文件 ▸ 最近打开”中打开</source>
            <translation>Copied to {path}; open it from “File ▸ Open recent”</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="311" />
            <source>未能复制为“{name}”：
{reason}

当前台账未受影响。</source>
            <translation>Could not copy to “{name}”:
{reason}

The current ledger is unaffected.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="322" />
            <source>请稍候：上一个操作还没有完成</source>
            <translation>Please wait: the previous operation has not finished</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="334" />
            <source>“{name}”是当前打开的台账，不能覆盖。请换一个文件名。</source>
            <translation>“{name}” is the ledger now open and cannot be overwritten. Choose another file name.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="338" />
            <source>文件“{name}”已存在，不会覆盖。请换一个文件名；要打开它请用“打开台账”。</source>
            <translation>The file “{name}” already exists and will not be overwritten. Choose another file name; to open it use “Open ledger”.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="342" />
            <source>文件夹“{folder}”不存在。</source>
            <translation>The folder “{folder}” does not exist.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="376" />
            <source>新建台账</source>
            <translation>New ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="379" />
            <source>新台账</source>
            <translation>New ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="382" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="388" />
            <source>文件：</source>
            <translation>File:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="389" />
            <source>空台账（只含县区、产业链、状态等代码表）</source>
            <translation>Empty ledger (only the code tables: districts, industrial chains, statuses…)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="392" />
            <source>含2022年政府工作报告中的51个重点项目</source>
            <translation>With the 51 key projects of the 2022 government work report</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="399" />
            <source>内容：</source>
            <translation>Contents:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="400" />
            <source>新建并打开</source>
            <translation>Create and open</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="400" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="406" />
            <source>新台账保存到</source>
            <translation>Save the new ledger in</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/ledger_files.py" line="417" />
            <source>请填写新台账的文件名</source>
            <translation>Enter a file name for the new ledger</translation>
        </message>
    </context>
    <context>
        <name>Light</name>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="50" />
            <source>绿灯</source>
            <translation>Green</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="51" />
            <source>黄灯</source>
            <translation>Yellow</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="52" />
            <source>红灯</source>
            <translation>Red</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="53" />
            <source>无计划</source>
            <translation>No plan</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop_app/ui/window/main_window.py" line="152" />
            <source>大台账要先检查文件；新版本第一次打开时还要升级数据结构，请稍候。</source>
            <translation>A large ledger is checked first; the first time a new version opens it, its data structure is upgraded too. Please wait.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="115" />
            <location filename="../../desktop_app/ui/window/main_window.py" line="200" />
            <source>项目台账</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="116" />
            <location filename="../../desktop_app/ui/window/main_window.py" line="201" />
            <source>月度调度</source>
            <translation>Monthly update</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/main_window.py" line="211" />
            <source> 调度期间 </source>
            <translation> Period </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/main_window.py" line="248" />
            <source>台账：{file}　修改人：{user}</source>
            <translation>Ledger: {file}   User: {user}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/main_window.py" line="544" />
            <source>关于 {app}</source>
            <translation>About {app}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/main_window.py" line="545" />
            <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;辽源市重点项目台账、月度调度与调度会报表的离线桌面程序。&lt;/p&gt;&lt;p&gt;台账文件：{path}&lt;br&gt;数据结构版本：v{schema}&lt;/p&gt;&lt;p&gt;中文字体：Noto Sans CJK SC（SIL Open Font License 1.1）&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Offline desk for Liaoyuan's key-project ledger, the monthly scheduling cycle and meeting reports.&lt;/p&gt;&lt;p&gt;Ledger file: {path}&lt;br&gt;Schema version: v{schema}&lt;/p&gt;&lt;p&gt;Chinese font: Noto Sans CJK SC (SIL Open Font License 1.1)&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="117" />
            <location filename="../../desktop_app/ui/window/main_window.py" line="202" />
            <source>调度看板</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/loading.py" line="81" />
            <source>正在载入台账…</source>
            <translation>Loading the ledger…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/loading.py" line="95" />
            <source>正在载入月度调度…</source>
            <translation>Loading the monthly reports…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/loading.py" line="112" />
            <source>载入失败：{msg}</source>
            <translation>Loading failed: {msg}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="70" />
            <source>已清除筛选，显示全部项目</source>
            <translation>Filters cleared: all projects shown</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="130" />
            <source>显示 {shown} / {total} 个项目　总投资 {ti} 亿元　年度计划投资 {ap} 亿元　{period}本年累计完成 {ytd} 亿元　完成率 {rate}</source>
            <translation>Showing {shown} of {total} projects   total investment {ti} 100M CNY   annual plan {ap} 100M CNY   year to date ({period}) {ytd} 100M CNY   completion {rate}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="173" />
            <source>没有符合条件的项目</source>
            <translation>No project matches</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="209" />
            <source>请先在台账中选择一个项目</source>
            <translation>Select a project in the ledger first</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="277" />
            <source>（复制）</source>
            <translation> (copy)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="293" />
            <source>已删除“{name}”（Ctrl+Z 可撤销）</source>
            <translation>Deleted “{name}” (Ctrl+Z undoes)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="300" />
            <location filename="../../desktop_app/ui/window/actions.py" line="109" />
            <source>删除项目</source>
            <translation>Delete project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="302" />
            <source>确定删除项目“{name}”吗？
它的月报、关键节点和问题会一并删除；删除后可用“撤销”（Ctrl+Z）恢复。</source>
            <translation>Delete the project “{name}”?
Its monthly reports, key nodes and problems go with it; Undo (Ctrl+Z) brings them back.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="343" />
            <source>已打开视图“{name}”</source>
            <translation>Opened view “{name}”</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="347" />
            <source>保存视图</source>
            <translation>Save view</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="347" />
            <source>视图名称：</source>
            <translation>View name:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/ledger/page.py" line="357" />
            <source>（尚无保存的视图）</source>
            <translation>(no saved views)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="72" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="73" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="74" />
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="75" />
            <source>报表(&amp;R)</source>
            <translation>&amp;Reports</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="76" />
            <source>工具(&amp;T)</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="77" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="85" />
            <source>新建台账…</source>
            <translation>New ledger…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="86" />
            <source>打开台账…</source>
            <translation>Open ledger…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="87" />
            <source>最近打开</source>
            <translation>Open recent</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="89" />
            <source>另存为（复制台账）…</source>
            <translation>Save as (copy the ledger)…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="93" />
            <source>导入 Excel（台账或月报）…</source>
            <translation>Import Excel (ledger or reports)…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="94" />
            <source>收取各单位月报…</source>
            <translation>Receive the units' returns…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="96" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="98" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="100" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="102" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="105" />
            <source>新增项目…</source>
            <translation>New project…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="106" />
            <source>编辑项目…</source>
            <translation>Edit project…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="107" />
            <source>复制为新项目…</source>
            <translation>Duplicate project…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="112" />
            <source>查找</source>
            <translation>Find</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="113" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="119" />
            <source>显示的列</source>
            <translation>Columns</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="120" />
            <source>恢复默认列</source>
            <translation>Default columns</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="122" />
            <source>保存当前视图…</source>
            <translation>Save current view…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="123" />
            <source>打开视图</source>
            <translation>Open view</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="124" />
            <source>删除视图</source>
            <translation>Delete view</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="126" />
            <source>导出报表…</source>
            <translation>Export report…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="128" />
            <source>导出当前视图的台账…</source>
            <translation>Export the current ledger view…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="131" />
            <source>生成月度填报模板…</source>
            <translation>Monthly report templates…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="132" />
            <source>报送情况与审核…</source>
            <translation>Returns and review…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="133" />
            <source>两期对比…</source>
            <translation>Compare two rounds…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="135" />
            <source>年度切换…</source>
            <translation>New year…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="136" />
            <source>责任单位通讯录…</source>
            <translation>Responsible units…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="138" />
            <source>关账…</source>
            <translation>Close the month…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="139" />
            <source>重新开账…</source>
            <translation>Reopen the month…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="141" />
            <source>备份与恢复…</source>
            <translation>Backup and restore…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="142" />
            <source>设置…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="144" />
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/actions.py" line="214" />
            <source>常用</source>
            <translation>Main</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/main_window.py" line="124" />
            <source>正在打开台账“{name}”…</source>
            <translation>Opening the ledger “{name}”…</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="137" />
            <source>核对列的对应关系</source>
            <translation>Check the column mapping</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="138" />
            <source>程序已按表头文字识别各列；如有不对，点“导入为”一格改正。</source>
            <translation>Columns were matched by their header text; if one is wrong, click its “Import as” cell to correct it.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="144" />
            <source>工作表(&amp;S)：</source>
            <translation>&amp;Sheet:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="151" />
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="191" />
            <source>月报期间：</source>
            <translation>Report period:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="191" />
            <source>本月数据期间：</source>
            <translation>Period of the month's figures:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="202" />
            <source>表中本月完成、1-N月累计、形象进度等列记入这个月的月度调度；留空则按文件中写明的期间</source>
            <translation>The sheet's figures of the month (this month, year to date, progress) go into this month's reports; leave it empty to use the period the file names</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="230" />
            <source>项目台账</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="230" />
            <source>月报</source>
            <translation>Report</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="231" />
            <source>文件“{file}”，工作表“{sheet}”，识别为{kind}；表头在第 {rows} 行，金额默认单位：{unit}。</source>
            <translation>File “{file}”, sheet “{sheet}”, read as {kind}; header in row(s) {rows}, default amount unit: {unit}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="235" />
            <source>共读取 {n} 个工作表：{names}；在“工作表”中切换查看各表的列。</source>
            <translation> {n} sheets read: {names}; choose one under “Sheet” to see its columns.</translation>
        </message>
    </context>
    <context>
        <name>MonthlyGrid</name>
        <message>
            <location filename="../../desktop_app/ui/monthly/cells.py" line="32" />
            <source>“{text}”不是有效的百分比</source>
            <translation>“{text}” is not a percentage</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/cells.py" line="37" />
            <source>形象进度应在 0% 到 100% 之间</source>
            <translation>Progress must lie between 0% and 100%</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/cells.py" line="51" />
            <source>本月完成投资不能为负数</source>
            <translation>This month's investment cannot be negative</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="361" />
            <source>填报月度调度：{name}</source>
            <translation>Monthly report: {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="368" />
            <source>第{row}行（{name}）“{column}”：</source>
            <translation>Row {row} ({name}) “{column}”: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="421" />
            <source>粘贴的内容超出表格：第{row}行之后没有项目</source>
            <translation>The pasted block runs past the table: no project after row {row}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="435" />
            <source>此列不能填写，请从可填写的列开始粘贴</source>
            <translation>this column is not input; paste starting from an input column</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="451" />
            <source>粘贴月度调度（{n}个项目）</source>
            <translation>Paste monthly reports ({n} projects)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="472" />
            <source>清除月度调度内容（{n}个项目）</source>
            <translation>Clear monthly reports ({n} projects)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/grid.py" line="195" />
            <source>直接输入即可修改；回车保存并下移，Tab 跳到下一个可填写单元格；可从 Excel 复制一块单元格后按 Ctrl+V 粘贴；Delete 清除。</source>
            <translation>Type to change a cell; Enter saves and moves down, Tab moves to the next input cell; copy cells in Excel and press Ctrl+V to paste; Delete clears.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/grid.py" line="314" />
            <source>粘贴未保存，以下单元格有误：</source>
            <translation>Nothing was pasted; these cells are wrong:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/grid.py" line="319" />
            <source>……另有 {n} 处</source>
            <translation>… and {n} more</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/grid.py" line="322" />
            <source>粘贴未保存</source>
            <translation>Nothing pasted</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/grid.py" line="331" />
            <source>正在载入…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/grid.py" line="345" />
            <source>{period}：共 {n} 个项目，已上报 {r} 个，未上报 {u} 个；本月完成投资 {m} 万元；黄灯、红灯 {lag} 个</source>
            <translation>{period}: {n} projects, {r} reported, {u} not reported; invested this month {m} (10k CNY); yellow or red {lag}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/finder.py" line="41" />
            <source>搜索“{text}”</source>
            <translation>search “{text}”</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/finder.py" line="42" />
            <source>已按台账筛选：{filters}（显示 {shown} / {total} 个项目）</source>
            <translation>Filtered as in the ledger: {filters} ({shown} / {total} projects shown)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/finder.py" line="61" />
            <source>在本表中查找：项目编号、名称、责任单位（支持拼音首字母、全拼、繁体）</source>
            <translation>Find in this grid: code, name, responsible unit (pinyin initials, full pinyin, traditional)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/finder.py" line="79" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/finder.py" line="81" />
            <source>清除台账的筛选和搜索（台账与本表共用）</source>
            <translation>Clear the ledger's filters and search (shared by the ledger and this grid)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/finder.py" line="118" />
            <source>找到 {n} 个</source>
            <translation>{n} found</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/finder.py" line="121" />
            <source>没有找到</source>
            <translation>Not found</translation>
        </message>
    </context>
    <context>
        <name>MonthlyGridModel</name>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="143" />
            <source>{period}已关账（{who}，{when}），本月调度只能查看，不能修改</source>
            <translation>{period} is closed ({who}, {when}): this month's reports can be viewed, not changed</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/monthly/model.py" line="392" />
            <source>{period}已关账，不能再修改；如需更正请先重新开账（工具 ▸ 重新开账…）</source>
            <translation>{period} is closed and cannot be changed; to correct it, reopen it first (Tools ▸ Reopen the month…)</translation>
        </message>
    </context>
    <context>
        <name>NewYearWizard</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="55" />
            <source>结转续建</source>
            <translation>Carried over</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="56" />
            <source>竣工投产</source>
            <translation>Finished</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="57" />
            <source>储备项目</source>
            <translation>Reserve</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="58" />
            <source>不再列入</source>
            <translation>Dropped</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="72" />
            <source>列入</source>
            <translation>On list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="73" />
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="74" />
            <source>项目编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="75" />
            <source>项目名称</source>
            <translation>Project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="76" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="77" />
            <source>上年建设性质</source>
            <translation>Nature last year</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="78" />
            <source>新年度建设性质</source>
            <translation>Nature in the new year</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="79" />
            <source>说明</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="100" />
            <source>必列</source>
            <translation>Carried</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="100" />
            <source>不列</source>
            <translation>Off</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="146" />
            <source>年度切换：建立新一年的重点项目名单</source>
            <translation>New year: make the next year's key-project list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="147" />
            <source>按当前年度的名单提出新年度名单：未完工的项目结转为续建，竣工投产的项目可列入建成达产达效项目，储备项目可列入。下一步先预览，不会修改台账。</source>
            <translation>The new year's list is proposed from the current year's: unfinished projects are carried over as 续建, finished ones may go to the 建成达产达效 list, reserve projects may be added. The next step is a preview; the ledger is not changed.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="157" />
            <source>竣工、投产的项目列入建成达产达效项目清单</source>
            <translation>Put finished projects (竣工, 投产) on the 建成达产达效 list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="161" />
            <source>储备项目（谋划、前期）也列入新年度名单</source>
            <translation>Also put reserve projects (谋划, 前期) on the new year's list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="167" />
            <source>台账当前年度：{year}年，名单内 {n} 个项目。以上两项是预览中各行的默认选择，预览时还可以逐个勾选。</source>
            <translation>The ledger's current year: {year}, {n} projects on its list. The two choices above are the defaults of the preview's lines; each can still be ticked there.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="173" />
            <source>新年度：</source>
            <translation>New year:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="185" />
            <source>预览：新年度名单</source>
            <translation>Preview: the new year's list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="186" />
            <source>核对后点“建立名单”：先备份台账，再一次写入，并记入修改历史。</source>
            <translation>Check the lines, then click “Make the list”: the ledger is backed up, then written in one step and recorded in the change history.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="193" />
            <source>全部勾选</source>
            <translation>Tick all</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="195" />
            <source>全部不选</source>
            <translation>Untick all</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="212" />
            <source>显示：</source>
            <translation>Show:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="232" />
            <source>建立名单</source>
            <translation>Make the list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="243" />
            <source>正在生成{year}年名单的预览…</source>
            <translation>Preparing the preview of the {year} list…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="255" />
            <source>全部（{n}）</source>
            <translation>All ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="300" />
            <source>正在备份台账并建立{year}年名单…</source>
            <translation>Backing up the ledger and making the {year} list…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="327" />
            <source>新年度名单已建立</source>
            <translation>The new year's list is made</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="338" />
            <source>已建立{year}年重点项目名单：{n} 个项目（结转续建 {c}，建成达产达效 {f}，储备 {r}），当前年度改为{year}年，已记入修改历史。</source>
            <translation>The {year} key-project list is made: {n} projects ({c} carried over, {f} finished and in full output, {r} from the reserve); the current year is now {year}, recorded in the change history.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="348" />
            <source>下一步：填报{year}年计划投资——导入表头为“{year}年计划投资”的台账，或在项目表单中填写。</source>
            <translation>Next: enter the {year} plans — import a ledger whose header says “{year}年计划投资”, or fill them in the project form.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="354" />
            <source>写入前的备份：{path}</source>
            <translation>Backup made before writing: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="366" />
            <source>年度切换</source>
            <translation>New year</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="378" />
            <source>下一步</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="379" />
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="380" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/new_year.py" line="381" />
            <source>完成</source>
            <translation>Finish</translation>
        </message>
    </context>
    <context>
        <name>NextSteps</name>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="36" />
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="90" />
            <source>录入年度计划…</source>
            <extracomment>The sample ledger's file name, in the data folder or beside the command. "plans" (录入年度计划), "monthly" (填报月度调度), "import" (导入台账) or "demo".</extracomment>
            <translation>Enter annual plans…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="37" />
            <source>在项目台账中打开项目，填写年度计划投资</source>
            <translation>Open a project in the ledger and enter its annual plan</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="38" />
            <source>填报月度调度</source>
            <translation>Fill in monthly returns</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="39" />
            <source>在月度调度表中逐个项目填写本月完成投资</source>
            <translation>Enter each project's investment of the month in the monthly grid</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="40" />
            <source>导入台账…</source>
            <translation>Import a ledger…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="41" />
            <source>导入各单位的 Excel 项目台账或填好的月报模板</source>
            <translation>Import the units' Excel ledgers or filled-in monthly templates</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="42" />
            <source>打开示例台账</source>
            <translation>Open the sample ledger</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="44" />
            <source>在数据文件夹中生成一份示例台账（300 个项目，标记为示例数据）并打开</source>
            <translation>Write a sample ledger (300 projects, marked as sample data) into the data folder and open it</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="53" />
            <source>想先看看填好数据的看板：在命令行运行 keyprojects demo --projects 300 {file} 生成示例台账，再用 keyprojects --db {file} 打开。</source>
            <translation>To see a dashboard with data first: run keyprojects demo --projects 300 {file} to write the sample ledger, then open it with keyprojects --db {file}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="85" />
            <source>{period}：台账中的 {n} 个项目都还没有年度计划投资，{year}年也没有填报完成投资，图表暂无金额可统计。</source>
            <translation>{period}: none of the {n} projects in the ledger has an annual plan, and no investment has been reported for {year}, so the charts have no amounts to show.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="93" />
            <source>台账中还没有项目，看板无可统计：可以导入已有的 Excel 台账，或逐个新增项目。</source>
            <translation>The ledger has no projects yet, so the dashboard has nothing to show: import an Excel ledger, or add projects one by one.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/hint.py" line="97" />
            <source>新增项目…</source>
            <translation>New project…</translation>
        </message>
    </context>
    <context>
        <name>Opening</name>
        <message>
            <location filename="../../desktop_app/ui/common/opening.py" line="22" />
            <source>此类</source>
            <translation>this kind of</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/opening.py" line="23" />
            <source>没有能打开 {kind} 文件的程序，文件已保存在：{path}</source>
            <translation>No program can open {kind} files; the file was saved as: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/opening.py" line="32" />
            <source>没有能打开文件夹的程序，文件已保存在：{path}</source>
            <translation>No program can show folders; the file was saved as: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/opening.py" line="35" />
            <source>没有能打开文件夹的程序，文件夹在：{folder}</source>
            <translation>No program can show folders; the folder is: {folder}</translation>
        </message>
    </context>
    <context>
        <name>Period</name>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="96" />
            <source>{year}年{month}月</source>
            <translation>{month}/{year}</translation>
        </message>
    </context>
    <context>
        <name>PreviewModel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="182" />
            <source>新增</source>
            <extracomment>The texts of STATUS_LABELS (importers/, no Qt) for the translation files: the preview table and its filter box show them through translate and self.tr.</extracomment>
            <translation>New</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="183" />
            <source>修改</source>
            <translation>Changed</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="184" />
            <source>未变</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="185" />
            <source>拒绝</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="198" />
            <source>行号</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="200" />
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="204" />
            <source>项目编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="205" />
            <source>项目名称</source>
            <translation>Project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="207" />
            <source>说明</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="211" />
            <source>工作表</source>
            <translation>Sheet</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="186" />
            <source>新增</source>
            <translation>New</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="187" />
            <source>修改</source>
            <translation>Changed</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="188" />
            <source>未变</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_models.py" line="189" />
            <source>拒绝</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="279" />
            <source>预览：导入后会怎样</source>
            <translation>Preview: what the import will do</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="280" />
            <source>核对无误后点“导入”，全部写入或全部不写入，并记入修改历史。</source>
            <translation>When it looks right click “Import”: everything is written or nothing, and it goes into the change history.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="316" />
            <source>显示：</source>
            <translation>Show:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="327" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="343" />
            <source>导入的工作表：</source>
            <translation>Sheets to import:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="392" />
            <source>{sheet}（{n} 行）</source>
            <translation>{sheet} ({n} rows)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="402" />
            <source>{period} 月报：</source>
            <translation>{period} reports: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="404" />
            <source>。没有需要写入的内容。</source>
            <translation>. Nothing to write.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="408" />
            <source>全部（{n}）</source>
            <translation>All ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="413" />
            <source>有月报数据（{n}）</source>
            <translation>With month figures ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="422" />
            <source>跳过有问题的 {n} 行，只导入其余各行</source>
            <translation>Skip the {n} rows with problems and import the rest</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="448" />
            <source>{p} 月报（{s}）：</source>
            <translation>Report of {p} ({s}):</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="469" />
            <source>导入失败</source>
            <translation>Import failed</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/import_wizard.py" line="469" />
            <source>未导入任何内容：{msg}</source>
            <translation>Nothing was imported: {msg}</translation>
        </message>
    </context>
    <context>
        <name>PreviousRound</name>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="69" />
            <source>对比上期</source>
            <translation>Compare with the previous month</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="72" />
            <source>在滞后项目下方列出上一期的本年累计完成和状态灯，与本期并列（按所属县区）</source>
            <translation>Show the previous month's year-to-date and lights beside this month's, by district, under the lagging projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="74" />
            <source>与上期对比</source>
            <translation>Against the previous month</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="164" />
            <source>所属县区</source>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="122" />
            <source>正在对比 {period} …</source>
            <translation>Comparing with {period}…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="143" />
            <source>对比失败：{msg}</source>
            <translation>Comparison failed: {msg}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="154" />
            <source>{before}与{after}对比</source>
            <translation>{before} against {after}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="159" />
            <source>合计</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="161" />
            <source>亿元</source>
            <translation>100m CNY</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="161" />
            <source>万元</source>
            <translation>10k CNY</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="165" />
            <source>上期累计({unit})</source>
            <translation>Previous YTD ({unit})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="166" />
            <source>本期累计({unit})</source>
            <translation>This YTD ({unit})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="167" />
            <source>增减({unit})</source>
            <translation>Change ({unit})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="168" />
            <source>红灯(上期→本期)</source>
            <translation>Red (previous→this)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="182" />
            <source>上期：{before}
本期：{after}</source>
            <translation>Previous: {before}
This month: {after}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="185" />
            <source>{n}万元</source>
            <translation>{n} 10k CNY</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dashboard/compare.py" line="203" />
            <source>新增滞后 {new} 个，滞后转正常 {back} 个，状态灯变化 {lights} 个；滞后项目由 {lag0} 个到 {lag1} 个。统计名单上的全部项目，不随台账筛选。</source>
            <translation>{new} newly lagging, {back} back on schedule, {lights} lights changed; lagging projects {lag0} → {lag1}. Counts every project on the list, whatever the ledger's filter.</translation>
        </message>
    </context>
    <context>
        <name>ProjectDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="72" />
            <source>序时进度按时间计算（月数÷12）</source>
            <extracomment>The 序时进度 rules (domain/derived.py, no Qt) for the translation files.</extracomment>
            <translation>The schedule follows time (months ÷ 12)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="73" />
            <source>序时进度按月度计划分解计算（截至本月计划累计÷年度计划）</source>
            <translation>The schedule follows the monthly plan (planned to date ÷ annual plan)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="110" />
            <source>新增项目</source>
            <translation>New project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="112" />
            <source>编辑项目 — {name}</source>
            <translation>Edit project — {name}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="129" />
            <source>基本信息</source>
            <translation>Project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="139" />
            <location filename="../../desktop_app/ui/dialogs/project.py" line="477" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="140" />
            <location filename="../../desktop_app/ui/dialogs/project.py" line="484" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="339" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="173" />
            <source>年度计划投资、建设性质、项目清单为 {year} 年的数值{off}。{rule}。</source>
            <translation>Annual plan, nature and lists are the values for {year}{off}. {rule}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="179" />
            <source>（本项目不在该年重点项目名单中）</source>
            <translation> (this project is not on that year's key-project list)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="293" />
            <source>万元，可写 1.2亿</source>
            <translation>10k CNY; 1.2亿 works too</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="298" />
            <source>如 2022-03、2022年3月、2022/4/1</source>
            <translation>e.g. 2022-03, 2022年3月, 2022/4/1</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="426" />
            <location filename="../../desktop_app/ui/dialogs/project.py" line="440" />
            <source>未保存：</source>
            <translation>Not saved: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="446" />
            <source>保存失败：</source>
            <translation>Saving failed: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="474" />
            <source>未保存的修改</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="475" />
            <source>项目有尚未保存的修改。</source>
            <translation>The project has unsaved changes.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project.py" line="480" />
            <source>放弃修改</source>
            <translation>Discard</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="70" />
            <source>期间</source>
            <translation>Period</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="93" />
            <source>月度调度记录</source>
            <translation>Monthly history</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="99" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="302" />
            <source>节点名称</source>
            <translation>Key node</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="100" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="303" />
            <source>计划完成</source>
            <translation>Planned</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="101" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="304" />
            <source>实际完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="102" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="121" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="311" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="103" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="128" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="305" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="312" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="104" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="306" />
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="112" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="294" />
            <source>关键节点</source>
            <translation>Key nodes</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="119" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="140" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="296" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="310" />
            <source>问题</source>
            <translation>Problems</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="123" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="328" />
            <source>已解决</source>
            <translation>Solved</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="125" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="327" />
            <source>未解决</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="129" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="313" />
            <source>办结时限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="130" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="314" />
            <source>解决情况</source>
            <translation>Solution</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="131" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="315" />
            <source>提出日期</source>
            <translation>Raised</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="132" />
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="316" />
            <source>解决日期</source>
            <translation>Solved on</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="147" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="148" />
            <source>修改人</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="149" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="150" />
            <source>对象</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="151" />
            <source>字段</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="152" />
            <source>原值</source>
            <translation>Old value</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="153" />
            <source>新值</source>
            <translation>New value</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="160" />
            <source>修改记录</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="168" />
            <source>进度图表</source>
            <translation>Progress charts</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="180" />
            <source>新增…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="184" />
            <source>编辑…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="188" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="215" />
            <source>已完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="217" />
            <source>已逾期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="219" />
            <source>未完成</source>
            <translation>Not done</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="338" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="365" />
            <source>节点名称不能为空</source>
            <translation>A key node needs a name</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_records.py" line="367" />
            <source>问题内容不能为空</source>
            <translation>A problem needs a text</translation>
        </message>
    </context>
    <context>
        <name>ProjectTableModel</name>
        <message>
            <location filename="../../desktop_app/ui/models/project.py" line="520" />
            <source>{year}年计划投资(万元)</source>
            <extracomment>Columns hidden until the user shows them with the column chooser.</extracomment>
            <translation>{year} plan (10k CNY)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/models/project.py" line="528" />
            <source>本年累计完成投资 ÷ 年度计划投资</source>
            <translation>Year-to-date investment ÷ annual plan</translation>
        </message>
    </context>
    <context>
        <name>ProjectYearPanel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="62" />
            <source>列入{year}年重点项目名单</source>
            <translation>On the {year} key-project list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="68" />
            <source>建设目标（{year}年）</source>
            <translation>Target ({year})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="72" />
            <source>本年形象进度目标，如：主体结构封顶，完成投资80%</source>
            <translation>This year's progress target, e.g. main structure topped out, 80% invested</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="80" />
            <source>月度计划分解（{year}年）</source>
            <translation>Monthly plan ({year})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="86" />
            <source>{month}月</source>
            <translation>M{month}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="91" />
            <source>万元</source>
            <translation>10k CNY</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="137" />
            <source>{month}月计划：</source>
            <translation>Plan of month {month}: </translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="141" />
            <source>{month}月计划不能为负数</source>
            <translation>The plan of month {month} cannot be negative</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="176" />
            <source>月度计划合计 {total} 万元与年度计划投资 {plan} 万元不一致</source>
            <translation>The monthly plans add up to {total} (10k CNY), not the annual plan of {plan}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="187" />
            <source>合计：{total} 万元</source>
            <translation>Total: {total} (10k CNY)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/project_year.py" line="189" />
            <source>未分解（序时进度按月数÷12）</source>
            <translation>No monthly plan (the schedule follows months ÷ 12)</translation>
        </message>
    </context>
    <context>
        <name>ReceiveRound</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="73" />
            <source>多份文件都填报了该项目：{names}（点“采用哪份文件”选定）</source>
            <translation>Reported in more than one file: {names} (choose one with “Which file”)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="61" />
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="93" />
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="62" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="63" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="65" />
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="94" />
            <source>说明</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="90" />
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="91" />
            <source>项目编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="92" />
            <source>项目名称</source>
            <translation>Project</translation>
        </message>
    </context>
    <context>
        <name>ReceiveRoundDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="139" />
            <source>收取月报</source>
            <translation>Receive returns</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="162" />
            <source>添加文件(&amp;F)…</source>
            <translation>Add &amp;files…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="163" />
            <source>添加文件夹(&amp;D)…</source>
            <translation>Add a fol&amp;der…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="164" />
            <source>移除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="165" />
            <source>预览(&amp;P)</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="183" />
            <source>采用哪份文件(&amp;C)…</source>
            <translation>Whi&amp;ch file…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="185" />
            <source>移出所选文件</source>
            <translation>Leave the selected files out</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="187" />
            <source>跳过有问题的行，收取其余各行</source>
            <translation>Skip the rows with problems, take the others</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="189" />
            <source>收取(&amp;A)</source>
            <translation>T&amp;ake in</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="191" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="199" />
            <source>期间：</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="201" />
            <source>收到日期：</source>
            <translation>Received on:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="214" />
            <source>显示：</source>
            <translation>Show:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="271" />
            <source>选择各单位报回的填报文件</source>
            <translation>Choose the returned templates</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="273" />
            <source>填报文件 (*.xlsx *.xlsm *.xls *.ods *.zip)</source>
            <translation>Returns (*.xlsx *.xlsm *.xls *.ods *.zip)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="279" />
            <source>选择存放填报文件的文件夹</source>
            <translation>Choose the folder of the returns</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="290" />
            <source>截止日期：{d}</source>
            <translation>Due: {d}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="292" />
            <source>添加各单位报回的文件、文件夹或 .zip 压缩包，再点“预览”。</source>
            <translation>Add the returned files, folders or .zip archives, then click “Preview”.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="294" />
            <source>点“预览”查看收取后会怎样。</source>
            <translation>Click “Preview” to see what taking them in would do.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="302" />
            <source>请先添加要收取的文件</source>
            <translation>Add the files to take in first</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="321" />
            <source>正在读取第 %v / %m 个文件</source>
            <translation>Reading file %v of %m</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="341" />
            <source>。{p}已关账，不能收取</source>
            <translation>. {p} is closed: nothing can be taken in</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="348" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="396" />
            <source>采用哪份文件</source>
            <translation>Which file</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="397" />
            <source>{code} {name} 在多份文件中填报，采用：</source>
            <translation>{code} {name} is in more than one file; take:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="431" />
            <source>正在备份并收取…</source>
            <translation>Backing up and taking in…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/receive_round.py" line="446" />
            <source>。请在“报送情况与审核”中审核。</source>
            <translation>. Review them in “Returns and review”.</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="54" />
            <location filename="../../desktop_app/ui/common/labels.py" line="85" />
            <source>已上报</source>
            <translation>Reported</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/common/labels.py" line="55" />
            <location filename="../../desktop_app/ui/common/labels.py" line="85" />
            <source>未上报</source>
            <translation>Not reported</translation>
        </message>
    </context>
    <context>
        <name>ReturnsBoard</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="69" />
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="415" />
            <source>已上报</source>
            <extracomment>The board's and the reviews' words (store/reviews.py, no Qt) for the translation files.</extracomment>
            <translation>Reported</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="70" />
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="416" />
            <source>待审核</source>
            <translation>To review</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="71" />
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="417" />
            <source>退回</source>
            <translation>Returned</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="72" />
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="418" />
            <source>未上报</source>
            <translation>Not reported</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="419" />
            <source>部分上报</source>
            <translation>Partly reported</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="420" />
            <source>逾期上报</source>
            <translation>Reported late</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="421" />
            <source>逾期未报</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="422" />
            <source>项目办录入</source>
            <translation>Entered by the office</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="423" />
            <source>已审核</source>
            <translation>Reviewed</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="65" />
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="103" />
            <source>责任单位</source>
            <translation>Responsible unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="66" />
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="67" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="68" />
            <source>项目数</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="73" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="74" />
            <source>逾期</source>
            <translation>Late</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="88" />
            <source>项目编号</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="89" />
            <source>项目名称</source>
            <translation>Project</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="90" />
            <source>上报单位</source>
            <translation>Reported by</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="91" />
            <source>审核</source>
            <translation>Review</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="93" />
            <source>提示</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="96" />
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="104" />
            <source>报送次数</source>
            <translation>Returns</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="105" />
            <source>按时</source>
            <translation>On time</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="106" />
            <source>报送及时率</source>
            <translation>On-time rate</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="107" />
            <source>逾期的月份</source>
            <translation>Late months</translation>
        </message>
    </context>
    <context>
        <name>ReturnsBoardDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="141" />
            <source>报送情况与审核</source>
            <translation>Returns and review</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="168" />
            <source>报送情况(&amp;B)</source>
            <translation>&amp;Board</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="169" />
            <source>待审核月报(&amp;R)</source>
            <translation>To &amp;review</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="170" />
            <source>报送及时率(&amp;T)</source>
            <translation>On-&amp;time rate</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="172" />
            <source>期间：</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="200" />
            <source>所选单位审核通过</source>
            <translation>Accept the selected units</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="201" />
            <source>退回所选单位…</source>
            <translation>Return the selected units…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="202" />
            <source>退回通知…</source>
            <translation>Return notice…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="203" />
            <source>复制催报名单</source>
            <translation>Copy the reminder list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="204" />
            <source>导出催报名单…</source>
            <translation>Export the reminder list…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="215" />
            <source>所选通过</source>
            <translation>Accept the selected</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="216" />
            <source>退回所选…</source>
            <translation>Return the selected…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="217" />
            <source>没有提示的全部通过</source>
            <translation>Accept all without warnings</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="226" />
            <source>年度：</source>
            <translation>Year:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="233" />
            <source>导出报送及时率…</source>
            <translation>Export the on-time rates…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="261" />
            <source>{p}：{n} 个单位，已上报 {a}、待审核 {b}、退回 {c}、未上报 {d} 个项目；截止日期 {due}。</source>
            <translation>{p}: {n} units; projects reported {a}, to review {b}, returned {c}, missing {d}; due {due}.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="274" />
            <source>待审核月报（{n}）(&amp;R)</source>
            <translation>To &amp;review ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="306" />
            <source>退回</source>
            <translation>Returned</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="306" />
            <source>退回{what}的原因（会写入退回通知）：</source>
            <translation>Why {what} is returned (written into the notice):</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="336" />
            <source>所选 {n} 条月报</source>
            <translation>the {n} selected reports</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="349" />
            <source>{p}月报催报名单（截止日期 {due}）</source>
            <translation>Reports of {p} still missing (due {due})</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="353" />
            <source>无联系人</source>
            <translation>no contact</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="360" />
            <source>催报名单已复制，可粘贴到通知或消息中。</source>
            <translation>The reminder list is copied; paste it into a notice or a message.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="364" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="380" />
            <source>已导出：{path}</source>
            <translation>Exported: {path}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="387" />
            <source>导出催报名单</source>
            <translation>Export the reminder list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="395" />
            <source>请选中一个单位，再生成它的退回通知</source>
            <translation>Select one unit to write its return notice</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="399" />
            <source>保存退回通知</source>
            <translation>Save the return notice</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/returns_board.py" line="409" />
            <source>导出报送及时率</source>
            <translation>Export the on-time rates</translation>
        </message>
    </context>
    <context>
        <name>RoundCommands</name>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="45" />
            <source>{period}（已关账）</source>
            <translation>{period} (closed)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="67" />
            <location filename="../../desktop_app/ui/window/rounds.py" line="81" />
            <source>重新开账</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="70" />
            <source>重新开账后，{period}的月报可以再修改，报表和图表改按台账现状生成。
请写明重新开账的原因（记入修改记录）：</source>
            <translation>Once reopened, the reports of {period} can be changed again and its reports and charts follow the ledger as it is.
Give the reason for reopening (kept in the change history):</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="76" />
            <source>例如：东丰县6月数据报错，需更正</source>
            <translation>e.g. 东丰县's June figures were wrong and need correcting</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="82" />
            <location filename="../../desktop_app/ui/window/rounds.py" line="153" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="123" />
            <source>{period}已经关账（{who}，{when}）。</source>
            <translation>{period} is already closed ({who}, {when}).</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="132" />
            <location filename="../../desktop_app/ui/window/rounds.py" line="152" />
            <source>关账</source>
            <translation>Close the month</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="133" />
            <source>关账 {period}？

本期 {n} 个项目，已填报 {reported} 个，未填报 {missing} 个。
关账后该月月报不能再修改（表格、表单和导入都会拒绝），该月的报表、图表和数字保持关账时的样子；关账前自动备份台账。</source>
            <translation>Close {period}?

{n} projects this month, {reported} reported, {missing} not reported.
Once closed, the month's reports can no longer be changed (the grid, the form and imports refuse), and its reports, charts and figures stay as they are at the close; the ledger is backed up first.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="145" />
            <source>待审核</source>
            <translation>To review</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="145" />
            <source>退回</source>
            <translation>Returned</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="149" />
            <source>还有 {n} 条月报未审核：{units}。关账后它们按现在的数字定稿；如要先审核，请取消，在“报送情况与审核”中处理。</source>
            <translation>{n} reports are not reviewed yet: {units}. Closing freezes them as they are; to review them first, cancel and use “Returns and review”.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="166" />
            <source>{period}没有关账，无需重新开账。</source>
            <translation>{period} is not closed; there is nothing to reopen.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="189" />
            <source>{period}已关账：{n} 个项目的月度调度已定稿</source>
            <translation>{period} is closed: the reports of {n} projects are final</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="203" />
            <source>正在备份台账并关账{period}…</source>
            <translation>Backing up the ledger and closing {period}…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/window/rounds.py" line="214" />
            <source>{period}已重新开账（原因：{reason}）</source>
            <translation>{period} is reopened (reason: {reason})</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="36" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="51" />
            <source>填报单位（印在报表表头，存于台账）</source>
            <translation>Reporting unit (printed in report headers, stored in the ledger)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="59" />
            <source>修改人（写入修改记录）</source>
            <translation>User name (in the change history)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="71" />
            <source> 个百分点</source>
            <translation> points</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="76" />
            <source> 个月</source>
            <translation> months</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="79" />
            <source>黄灯：落后时序进度至少</source>
            <translation>Yellow: behind schedule by at least</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="82" />
            <source>红灯：落后时序进度超过</source>
            <translation>Red: behind schedule by more than</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="85" />
            <source>红灯：计划开工后未开工满</source>
            <translation>Red: not started this long after the planned start</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="93" />
            <source>台账报表默认分组</source>
            <translation>Ledger reports group by</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="101" />
            <source>界面语言（重新启动后生效）</source>
            <translation>Language (after a restart)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="108" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/settings.py" line="109" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="106" />
            <source>生成月度调度填报模板</source>
            <translation>Monthly report templates</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="121" />
            <source>全选</source>
            <translation>Select all</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="123" />
            <source>全不选</source>
            <translation>Select none</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="132" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="138" />
            <source>打包成一个 .zip 文件（便于一次发给各单位）</source>
            <translation>Pack them into one .zip (to send them all at once)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="147" />
            <source>生成模板</source>
            <translation>Create templates</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="150" />
            <source>打开文件夹</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="153" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="161" />
            <source>填报期间：</source>
            <translation>Period:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="162" />
            <source>保存到文件夹：</source>
            <translation>Save to folder:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="164" />
            <source>报送截止日期：</source>
            <translation>Due:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="167" />
            <source>责任单位（括号内为本期报送情况）：</source>
            <translation>Responsible units (this period's reporting in brackets):</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="184" />
            <source>{d}（印在模板上；在“工具 ▸ 责任单位通讯录”中修改）</source>
            <translation>{d} (printed on the templates; change it in “Tools ▸ Responsible units”)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="189" />
            <source>保存模板的文件夹</source>
            <translation>Folder for the templates</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="206" />
            <source>请至少选择一个责任单位</source>
            <translation>Select at least one responsible unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="219" />
            <source>生成失败：{msg}</source>
            <translation>Creating failed: {msg}</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="229" />
            <source>已生成 {n} 份{p}填报模板，保存在 {f}</source>
            <translation>Created {n} report templates for {p} in {f}</translation>
        </message>
    </context>
    <context>
        <name>UnitListModel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/template.py" line="58" />
            <source>{u}（{n} 个项目，{s}）</source>
            <translation>{u} ({n} projects, {s})</translation>
        </message>
    </context>
    <context>
        <name>UnitsDialog</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="123" />
            <source>责任单位通讯录</source>
            <translation>Responsible units</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="148" />
            <source> 日</source>
            <translation> (day)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="154" />
            <source>如：规划科 张三</source>
            <translation>e.g. Planning section, Zhang San</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="155" />
            <source>如：0437-3300000</source>
            <translation>e.g. 0437-3300000</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="157" />
            <source>月报截止日（次月）(&amp;D)：</source>
            <translation>Returns due (day of next month):</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="158" />
            <source>项目办联系人(&amp;C)：</source>
            <translation>Office contact:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="159" />
            <source>项目办电话(&amp;P)：</source>
            <translation>Office phone:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="165" />
            <source>新增单位(&amp;N)…</source>
            <translation>&amp;New unit…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="166" />
            <source>删除单位</source>
            <translation>Delete unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="167" />
            <source>从 Excel 导入(&amp;I)…</source>
            <translation>&amp;Import from Excel…</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="179" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="185" />
            <source>双击或直接输入修改单元格，每处修改即时保存并记入修改历史。</source>
            <translation>Double-click or type to change a cell; each change is saved at once and recorded in the history.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="198" />
            <source>新增单位</source>
            <translation>New unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="198" />
            <source>单位名称：</source>
            <translation>Unit name:</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="234" />
            <source>导入责任单位通讯录</source>
            <translation>Import the units' address list</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="236" />
            <source>Excel 工作簿 (*.xlsx *.xlsm *.xls *.xlsb *.ods)</source>
            <translation>Excel workbooks (*.xlsx *.xlsm *.xls *.xlsb *.ods)</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="252" />
            <source>已从“{file}”导入：新增 {a} 个，补全 {c} 个。</source>
            <translation>Imported from “{file}”: {a} added, {c} completed.</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="287" />
            <source>共 {n} 个单位</source>
            <translation>{n} units</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="289" />
            <source>，其中 {m} 个未登记（项目中填写了、通讯录中还没有）</source>
            <translation>, {m} not listed yet (named by projects only)</translation>
        </message>
    </context>
    <context>
        <name>UnitsModel</name>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="66" />
            <source>未登记</source>
            <translation>Not listed</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="70" />
            <source>项目中填写了该单位，通讯录中还没有；填写联系人等即加入通讯录</source>
            <translation>Projects name this unit but the directory has not got it yet; fill in a contact to add it</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="98" />
            <source>请先填写该单位的联系人等把它加入通讯录，再改名</source>
            <translation>Fill in the unit's contact first to add it to the directory, then rename it</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="59" />
            <source>单位名称</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="60" />
            <source>简称</source>
            <translation>Short name</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="61" />
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="62" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="63" />
            <source>项目数</source>
            <translation>Projects</translation>
        </message>
        <message>
            <location filename="../../desktop_app/ui/dialogs/units.py" line="65" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
    </context>
</TS>