<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="69" />
        <source>备份时间</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="70" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="71" />
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="72" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="73" />
        <source>校验</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="115" />
        <source>完好</source>
        <translation>Intact</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="116" />
        <source>已损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="117" />
        <source>未校验</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="139" />
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="158" />
        <source> 个</source>
        <translation> backups</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="160" />
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="164" />
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="169" />
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="174" />
        <source>保留最近</source>
        <translation>Keep the latest</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="195" />
        <source>台账：{db}
备份位置：{folder}
打开台账、每次导入、升级数据结构和恢复之前都会自动备份（SQLite 备份接口写出的一致快照）；共 {n} 个备份。</source>
        <translation>Ledger: {db}
Backups: {folder}
A backup is made automatically when the ledger is opened and before every import, schema upgrade and restore (a consistent snapshot written by SQLite's backup API); {n} backups in all.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="217" />
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="221" />
        <source>备份失败：{reason}</source>
        <translation>Backup failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="232" />
        <source>用 {when} 的备份（{reason}，{projects} 个项目）替换当前台账的全部内容？

当前台账会先自动备份，恢复后仍可从备份列表中找回。</source>
        <translation>Replace the whole ledger with the backup of {when} ({reason}, {projects} projects)?

The current ledger is backed up first and stays in the backup list.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="248" />
        <source>恢复失败，台账未改变：{reason}</source>
        <translation>Restore failed, the ledger is unchanged: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="256" />
        <source>已恢复 {when} 的备份。恢复前的台账已备份到：
{path}</source>
        <translation>Restored the backup of {when}. The ledger before the restore was saved to:
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="281" />
        <location filename="../../desktop_app/ui/backup_dialog.py" line="375" />
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="298" />
        <source>台账“{name}”已损坏，无法打开：
{error}</source>
        <translation>The ledger “{name}” is damaged and cannot be opened:
{error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="305" />
        <source>没有找到可用的备份。请不要再写入这个文件，把它复制一份后联系技术人员。</source>
        <translation>No usable backup was found. Do not write to this file any more; copy it and contact technical support.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="313" />
        <source>是否用最近一个完好的备份恢复？
备份时间：{when}（{reason}，{projects} 个项目）
损坏的文件会改名保留在原文件夹中。</source>
        <translation>Restore the latest intact backup?
Backed up: {when} ({reason}, {projects} projects)
The damaged file is kept under a new name in its folder.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="349" />
        <source>恢复失败：{reason}</source>
        <translation>Restore failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="351" />
        <source>已用 {when} 的备份恢复台账。</source>
        <translation>The ledger was restored from the backup of {when}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="355" />
        <source>损坏的文件已改名保留为：
{path}</source>
        <translation>The damaged file was kept as:
{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="370" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="378" />
        <source>不恢复，退出</source>
        <translation>Quit without restoring</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="421" />
        <source>后台检查发现台账已损坏：{problem}

请不要继续编辑。关闭程序后重新打开，按提示用最近的完好备份恢复（或在命令行运行 keyprojects restore --latest）。</source>
        <translation>A background check found the ledger damaged: {problem}

Please stop editing. Close the program, open it again and restore the latest intact backup when asked (or run keyprojects restore --latest).</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="73" />
        <location filename="../../desktop_app/ui/charts.py" line="795" />
        <source>{m}月</source>
        <translation>M{m}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="78" />
        <source>幻灯片 16:9（1920×1080）</source>
        <extracomment>Sizes offered when saving a chart for slides.</extracomment>
        <translation>Slide 16:9 (1920×1080)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="79" />
        <source>幻灯片 16:9（1280×720）</source>
        <translation>Slide 16:9 (1280×720)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="80" />
        <source>幻灯片 4:3（1600×1200）</source>
        <translation>Slide 4:3 (1600×1200)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="81" />
        <source>A4 横向（2339×1654）</source>
        <translation>A4 landscape (2339×1654)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="260" />
        <source>无法保存图片：{path}</source>
        <extracomment>A bar was clicked: (field, value) — e.g. ("region", "龙山区"), ("light", "red"). The plot items drawn for the data, by role ("plan", "done", "bars", ...). The value labels written on the plot.</extracomment>
        <translation>Cannot save the image: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="272" />
        <location filename="../../desktop_app/ui/charts.py" line="814" />
        <source>复制图片</source>
        <translation>Copy image</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="274" />
        <source>另存为 PNG 图片…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="285" />
        <source>年度计划与本年累计完成</source>
        <translation>Annual plan and year to date</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="289" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="303" />
        <source>按{group}：年度计划与本年累计完成</source>
        <translation>By {group}: annual plan and year to date</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="331" />
        <source>年度计划</source>
        <translation>Annual plan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="332" />
        <location filename="../../desktop_app/ui/charts.py" line="457" />
        <location filename="../../desktop_app/ui/charts.py" line="642" />
        <source>本年累计完成</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="346" />
        <source>按时序进度应完成（{tp}）</source>
        <translation>Due by schedule ({tp})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="356" />
        <source>无计划</source>
        <translation>No plan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="365" />
        <location filename="../../desktop_app/ui/charts.py" line="678" />
        <source>金额（{unit}）</source>
        <translation>Amount ({unit})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="396" />
        <source>{label}（{n} 个项目）</source>
        <translation>{label} ({n} projects)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="399" />
        <location filename="../../desktop_app/ui/charts.py" line="703" />
        <source>年度计划：{v}</source>
        <translation>Annual plan: {v}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="400" />
        <location filename="../../desktop_app/ui/charts.py" line="503" />
        <location filename="../../desktop_app/ui/charts.py" line="697" />
        <source>本年累计完成：{v}</source>
        <translation>Year to date: {v}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="401" />
        <source>完成率：{rate}（{light}）</source>
        <translation>Completion: {rate} ({light})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="407" />
        <source>按时序进度（{tp}）应完成：{v}</source>
        <translation>Due by schedule ({tp}): {v}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="412" />
        <location filename="../../desktop_app/ui/charts.py" line="584" />
        <source>单击可筛选台账</source>
        <translation>Click to filter the ledger</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="419" />
        <source>全年投资进度：累计完成与时序进度计划</source>
        <translation>Investment over the year: done against schedule</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="428" />
        <source>{year}年投资进度：累计完成与时序进度计划</source>
        <translation>Investment in {year}: done against schedule</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="459" />
        <source>按时序进度应完成（年度计划×月数/12）</source>
        <translation>Due by schedule (annual plan × months / 12)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="464" />
        <source>{m}月累计 {v}
完成率 {rate}</source>
        <translation>To M{m}: {v}
completion {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="471" />
        <location filename="../../desktop_app/ui/charts.py" line="651" />
        <source>年度计划 {v}</source>
        <translation>Annual plan {v}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="484" />
        <source>累计金额（{unit}）</source>
        <translation>Cumulative amount ({unit})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="496" />
        <location filename="../../desktop_app/ui/charts.py" line="690" />
        <location filename="../../desktop_app/ui/charts.py" line="793" />
        <source>{year}年{m}月</source>
        <translation>{year}-{m:02}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="508" />
        <source>（本月尚无完成投资填报）</source>
        <translation>(no investment reported this month yet)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="510" />
        <location filename="../../desktop_app/ui/charts.py" line="708" />
        <source>按时序进度应完成：{v}</source>
        <translation>Due by schedule: {v}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="517" />
        <source>完成率：{rate}（时序进度 {tp}）</source>
        <translation>Completion: {rate} (schedule {tp})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="527" />
        <source>项目个数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="551" />
        <source>项目个数（个）</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="580" />
        <source>{label}：{n} 个项目（占 {share}）</source>
        <translation>{label}: {n} projects ({share})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="591" />
        <source>项目状态灯</source>
        <translation>Status lights</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="595" />
        <source>项目状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="602" />
        <source>月度完成投资</source>
        <translation>Monthly investment</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="611" />
        <source>{name}：{year}年月度完成投资</source>
        <translation>{name}: monthly investment {year}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="630" />
        <source>本月完成</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="661" />
        <source>按时序进度应完成</source>
        <translation>Due by schedule</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="664" />
        <source>累计 {v}</source>
        <translation>Cumulative {v}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="668" />
        <source>，完成率 {rate}</source>
        <translation>, completion {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="691" />
        <source>本月完成：{v}</source>
        <translation>This month: {v}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="693" />
        <source>本月未填报完成投资</source>
        <translation>No investment reported this month</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="713" />
        <source>年度计划：未填写</source>
        <translation>Annual plan: not filled in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="720" />
        <source>形象进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="729" />
        <source>{name}：形象进度</source>
        <translation>{name}: progress</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="758" />
        <source>尚无形象进度填报</source>
        <translation>No progress reported yet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="766" />
        <source>形象进度（%）</source>
        <translation>Progress (%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="777" />
        <source>形象进度：{pct}%</source>
        <translation>Progress: {pct}%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="816" />
        <source>把这张图复制到剪贴板，可直接粘贴到幻灯片</source>
        <translation>Copy this chart to the clipboard to paste it into slides</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="820" />
        <source>保存图片…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="822" />
        <source>把这张图按选定的尺寸保存为 PNG 图片</source>
        <translation>Save this chart as a PNG image of a chosen size</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="837" />
        <location filename="../../desktop_app/ui/charts.py" line="889" />
        <location filename="../../desktop_app/ui/charts.py" line="898" />
        <source>保存图片</source>
        <translation>Save image</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="840" />
        <source>当前大小（{w}×{h}）</source>
        <translation>Current size ({w}×{h})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="852" />
        <source> 像素</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="856" />
        <source>尺寸：</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="857" />
        <source>宽度：</source>
        <translation>Width:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="858" />
        <source>高度：</source>
        <translation>Height:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="863" />
        <source>保存…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="866" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/charts.py" line="891" />
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>ColumnMappingModel</name>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="82" />
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="83" />
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="84" />
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="85" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="86" />
        <source>示例</source>
        <translation>Examples</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="120" />
        <source>位置不明</source>
        <translation>unknown place</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="124" />
        <source>{file} 第 {line} 行（{function}）</source>
        <translation>{file} line {line} ({function})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="137" />
        <source>台账数据库文件已损坏。请在“工具 → 备份与恢复”中用最近的完好备份恢复。</source>
        <translation>The ledger database file is damaged. Restore the latest intact backup in “Tools → Backup and restore”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="141" />
        <source>磁盘空间已满，刚才的操作没有保存。请清理磁盘后重试。</source>
        <translation>The disk is full; the last action was not saved. Free some space and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="145" />
        <source>内存不足，刚才的操作没有完成。请关闭其他程序后重试。</source>
        <translation>Out of memory; the last action did not finish. Close other programs and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="149" />
        <source>没有权限访问文件：{name}</source>
        <translation>No permission to access the file: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="153" />
        <source>文件操作失败：{reason}</source>
        <translation>File operation failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="157" />
        <source>程序内部错误（{detail}）</source>
        <translation>Internal error ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="215" />
        <source>出错位置：{where}</source>
        <translation>Where: {where}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="234" />
        <source>{app} 出错了</source>
        <translation>{app}: an error occurred</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="237" />
        <source>程序遇到了一个错误，但没有退出：您正在编辑的内容仍在窗口中，可以继续保存。</source>
        <translation>The program hit an error but is still running: what you were editing is still in the window and can be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="243" />
        <source>日志文件：{path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="245" />
        <source>未能写入日志</source>
        <translation>the log could not be written</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="250" />
        <source>复制错误信息</source>
        <translation>Copy error details</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="254" />
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="258" />
        <source>继续</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="78" />
        <source>{n}亿元</source>
        <extracomment>Above this many projects the period's data is read in a worker thread.</extracomment>
        <translation>{n} 100M CNY</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="79" />
        <source>{n}万元</source>
        <translation>{n} 10k CNY</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="87" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="88" />
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="89" />
        <source>所属县区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="90" />
        <source>年度计划(万元)</source>
        <translation>Annual plan (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="91" />
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="92" />
        <source>滞后(百分点)</source>
        <translation>Behind (points)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="134" />
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
        <location filename="../../desktop_app/ui/dashboard.py" line="252" />
        <source>看板统计的调度期间</source>
        <extracomment>A bar was clicked: filter the ledger to ``field`` = ``value`` — a group ("region", "chain", "sector"), a status ("status", "在建") or a light ("light", "red"). A lagging project was double-clicked. The period was changed in the dashboard's own selector (a Period). Charts were redrawn (after data arrived or the filter / grouping changed).</extracomment>
        <translation>The period the dashboard shows</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="259" />
        <source>柱状图按所属县区、产业链或产业类别分组</source>
        <translation>Group the bar chart by district, industrial chain or sector</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="272" />
        <source>调度期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="275" />
        <source>分组：</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="301" />
        <source>滞后项目前十</source>
        <translation>Ten most lagging projects</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="442" />
        <source>正在统计 {period} …</source>
        <translation>Counting {period} …</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="459" />
        <source>统计失败：{msg}</source>
        <translation>Counting failed: {msg}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="509" />
        <source>{period}　时序进度 {tp}　项目 {n} 个　年度计划 {plan}　本年累计完成 {ytd}　完成率 {rate}</source>
        <translation>{period}   schedule {tp}   {n} projects   annual plan {plan}   year to date {ytd}   completion {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="522" />
        <source>{period}　没有符合筛选条件的项目</source>
        <translation>{period}   no project matches the filter</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="527" />
        <source>滞后项目前十（共 {n} 个滞后）</source>
        <translation>Ten most lagging projects ({n} lagging in all)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="531" />
        <source>滞后：年度计划完成率低于时序进度。按落后时序进度的百分点排序，相同时按差额排序；无年度计划的项目不参与。</source>
        <translation>Lagging: plan completion below the schedule. Sorted by points behind schedule, then by the shortfall; projects without an annual plan are left out.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="553" />
        <source>关键词“{text}”</source>
        <translation>keyword “{text}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="567" />
        <source>图表只统计台账当前筛选的项目 — </source>
        <translation>The charts count only the ledger's filtered projects — </translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="519" />
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="528" />
        <source>个项目</source>
        <translation>projects</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="528" />
        <source>条月报</source>
        <translation>monthly reports</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="530" />
        <source>已导入：新增 {a} {u}，修改 {c} {u}。</source>
        <translation>Imported: {a} new {u}, {c} changed {u}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="533" />
        <source>已记入修改历史，来源：{src}。</source>
        <translation>Recorded in the change history, source: {src}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="540" />
        <source>{p} 已报齐 {d}/{n} 个单位。</source>
        <translation>{p}: {d} of {n} units have reported.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="545" />
        <source>尚未报齐：</source>
        <translation>Not yet reported:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="102" />
        <source>导出 Excel 报表</source>
        <translation>Export Excel report</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="129" />
        <source>全部项目（{n} 个）</source>
        <translation>All projects ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="131" />
        <source>当前筛选的项目</source>
        <translation>Filtered projects</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="136" />
        <source>当前筛选的项目（{n} 个）</source>
        <translation>Filtered projects ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="145" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="152" />
        <source>报表：</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="153" />
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="154" />
        <source>分组：</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="155" />
        <source>范围：</source>
        <translation>Projects:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="156" />
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="162" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="165" />
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="168" />
        <location filename="../../desktop_app/ui/export_dialog.py" line="312" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="209" />
        <source>按{label}</source>
        <translation>By {label}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="210" />
        <source>不分组</source>
        <translation>No grouping</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="234" />
        <source>保存报表</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="234" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="261" />
        <source>请先选择保存位置</source>
        <translation>Choose where to save first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="277" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="278" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="290" />
        <source>正在导出… {done}/{total}</source>
        <translation>Exporting… {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="297" />
        <source>已导出：{path}（{n} 项，用时 {s:.1f} 秒）</source>
        <translation>Exported: {path} ({n} items, {s:.1f} s)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="307" />
        <source>导出失败：{msg}</source>
        <translation>Export failed: {msg}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="321" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="77" />
        <source>已取消，未生成文件</source>
        <translation>Cancelled, no file written</translation>
    </message>
</context>
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
    <name>FilePage</name>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="278" />
        <source>选择要导入的 Excel 文件</source>
        <translation>Choose the Excel file to import</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="280" />
        <source>各单位报来的项目台账，或填好的月度调度填报模板（.xlsx）。写入前会先预览。</source>
        <translation>A project ledger sent in by a unit, or a filled-in monthly report template (.xlsx). You see a preview before anything is written.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="284" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="287" />
        <source>自动识别</source>
        <translation>Detect</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="288" />
        <source>项目台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="289" />
        <source>月报（填报模板）</source>
        <translation>Monthly reports (template)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="297" />
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="298" />
        <source>内容：</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="304" />
        <source>导入 Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="304" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
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
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="564" />
        <source>导入 Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="579" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="580" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="581" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="582" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>InstanceGuard</name>
    <message>
        <location filename="../../desktop_app/ui/instance_guard.py" line="78" />
        <source>另一个窗口或另一台电脑</source>
        <translation>another window or another computer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/instance_guard.py" line="80" />
        <source>本机的另一个窗口（进程 {pid}）</source>
        <translation>another window on this computer (process {pid})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/instance_guard.py" line="84" />
        <source>计算机“{host}”（进程 {pid}）</source>
        <translation>the computer “{host}” (process {pid})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/instance_guard.py" line="87" />
        <source>台账“{name}”已在{where}中打开。

可以继续打开：两边保存同一个项目时，后保存的一方会看到双方的数值并被拒绝，不会悄悄覆盖对方的修改。但建议同一时间只在一处编辑。</source>
        <translation>The ledger “{name}” is already open in {where}.

You can open it anyway: when both sides save the same project, the later one sees both values and is refused, so nobody silently overwrites the other. Still, edit in one place at a time.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/instance_guard.py" line="122" />
        <source>继续打开</source>
        <translation>Open anyway</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/instance_guard.py" line="125" />
        <source>退出</source>
        <translation>Quit</translation>
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
        <location filename="../../desktop_app/ui/commands.py" line="318" />
        <location filename="../../desktop_app/ui/commands.py" line="336" />
        <source>关键节点</source>
        <translation>Key nodes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="320" />
        <location filename="../../desktop_app/ui/commands.py" line="338" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="323" />
        <source>新增</source>
        <translation>Add </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="325" />
        <source>编辑</source>
        <translation>Edit </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commands.py" line="342" />
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
        <location filename="../../desktop_app/ui/main_window.py" line="170" />
        <source>大台账要先检查文件；新版本第一次打开时还要升级数据结构，请稍候。</source>
        <translation>A large ledger is checked first; the first time a new version opens it, its data structure is upgraded too. Please wait.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="229" />
        <location filename="../../desktop_app/ui/main_window.py" line="304" />
        <source>项目台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="230" />
        <location filename="../../desktop_app/ui/main_window.py" line="307" />
        <source>月度调度</source>
        <translation>Monthly update</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="272" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="274" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="275" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="278" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="282" />
        <source>新增项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="285" />
        <source>编辑项目…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="288" />
        <source>复制为新项目…</source>
        <translation>Duplicate project…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="291" />
        <location filename="../../desktop_app/ui/main_window.py" line="712" />
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="293" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="295" />
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="298" />
        <source>保存当前视图…</source>
        <translation>Save current view…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="301" />
        <source>恢复默认列</source>
        <translation>Default columns</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="310" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="314" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="324" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="328" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="333" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="337" />
        <source>显示的列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="343" />
        <source>打开视图</source>
        <translation>Open view</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="346" />
        <source>删除视图</source>
        <translation>Delete view</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="349" />
        <source>报表(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="350" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="352" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="356" />
        <source>常用</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="362" />
        <source> 调度期间 </source>
        <translation> Period </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="384" />
        <source>台账：{file}　修改人：{user}</source>
        <translation>Ledger: {file}   User: {user}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="468" />
        <source>正在载入台账…</source>
        <translation>Loading the ledger…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="489" />
        <source>载入失败：{msg}</source>
        <translation>Loading failed: {msg}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="542" />
        <source>正在载入月度调度…</source>
        <translation>Loading the monthly reports…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="598" />
        <source>显示 {shown} / {total} 个项目　总投资 {ti} 亿元　年度计划投资 {ap} 亿元　{period}本年累计完成 {ytd} 亿元　完成率 {rate}</source>
        <translation>Showing {shown} of {total} projects   total investment {ti} 100M CNY   annual plan {ap} 100M CNY   year to date ({period}) {ytd} 100M CNY   completion {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="661" />
        <location filename="../../desktop_app/ui/main_window.py" line="679" />
        <location filename="../../desktop_app/ui/main_window.py" line="689" />
        <source>请先在台账中选择一个项目</source>
        <translation>Select a project in the ledger first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="683" />
        <source>（复制）</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="704" />
        <source>已删除“{name}”（Ctrl+Z 可撤销）</source>
        <translation>Deleted “{name}” (Ctrl+Z undoes)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="714" />
        <source>确定删除项目“{name}”及其月报、关键节点和问题吗？
删除后可用“撤销”恢复。</source>
        <translation>Delete the project “{name}” with its monthly reports, key nodes and problems?
Undo brings it back.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="824" />
        <source>已打开视图“{name}”</source>
        <translation>Opened view “{name}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="828" />
        <source>保存视图</source>
        <translation>Save view</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="828" />
        <source>视图名称：</source>
        <translation>View name:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="840" />
        <source>（尚无保存的视图）</source>
        <translation>(no saved views)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="866" />
        <source>关于 {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="868" />
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;辽源市重点项目台账、月度调度与调度会报表的离线桌面程序。&lt;/p&gt;&lt;p&gt;台账文件：{path}&lt;br&gt;数据结构版本：v{schema}&lt;/p&gt;&lt;p&gt;中文字体：Noto Sans CJK SC（SIL Open Font License 1.1）&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Offline desk for Liaoyuan's key-project ledger, the monthly scheduling cycle and meeting reports.&lt;/p&gt;&lt;p&gt;Ledger file: {path}&lt;br&gt;Schema version: v{schema}&lt;/p&gt;&lt;p&gt;Chinese font: Noto Sans CJK SC (SIL Open Font License 1.1)&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_extensions.py" line="61" />
        <location filename="../../desktop_app/ui/window_extensions.py" line="65" />
        <source>调度看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_extensions.py" line="76" />
        <source>导出报表…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_extensions.py" line="82" />
        <source>导出当前视图的台账…</source>
        <translation>Export the current ledger view…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_extensions.py" line="88" />
        <source>生成月度填报模板…</source>
        <translation>Monthly report templates…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_extensions.py" line="98" />
        <source>导入 Excel（台账或月报）…</source>
        <translation>Import Excel (ledger or reports)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_extensions.py" line="108" />
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="330" />
        <source>核对列的对应关系</source>
        <translation>Check the column mapping</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="331" />
        <source>程序已按表头文字识别各列；如有不对，点“导入为”一格改正。</source>
        <translation>Columns were matched by their header text; if one is wrong, click its “Import as” cell to correct it.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="336" />
        <source>月报期间：</source>
        <translation>Report period:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="374" />
        <source>项目台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="374" />
        <source>月报</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="376" />
        <source>文件“{file}”，工作表“{sheet}”，识别为{kind}；表头在第 {rows} 行，金额默认单位：{unit}。</source>
        <translation>File “{file}”, sheet “{sheet}”, read as {kind}; header in row(s) {rows}, default amount unit: {unit}.</translation>
    </message>
</context>
<context>
    <name>MonthlyGrid</name>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="104" />
        <source>“{text}”不是有效的百分比</source>
        <translation>“{text}” is not a percentage</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="109" />
        <source>形象进度应在 0% 到 100% 之间</source>
        <translation>Progress must lie between 0% and 100%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="121" />
        <source>本月完成投资不能为负数</source>
        <translation>This month's investment cannot be negative</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="358" />
        <source>填报月度调度：{name}</source>
        <translation>Monthly report: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="365" />
        <source>第{row}行（{name}）“{column}”：</source>
        <translation>Row {row} ({name}) “{column}”: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="410" />
        <source>粘贴的内容超出表格：第{row}行之后没有项目</source>
        <translation>The pasted block runs past the table: no project after row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="424" />
        <source>此列不能填写，请从可填写的列开始粘贴</source>
        <translation>this column is not input; paste starting from an input column</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="440" />
        <source>粘贴月度调度（{n}个项目）</source>
        <translation>Paste monthly reports ({n} projects)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="461" />
        <source>清除月度调度内容（{n}个项目）</source>
        <translation>Clear monthly reports ({n} projects)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="608" />
        <source>直接输入即可修改；回车保存并下移，Tab 跳到下一个可填写单元格；可从 Excel 复制一块单元格后按 Ctrl+V 粘贴；Delete 清除。</source>
        <translation>Type to change a cell; Enter saves and moves down, Tab moves to the next input cell; copy cells in Excel and press Ctrl+V to paste; Delete clears.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="643" />
        <source>粘贴未保存，以下单元格有误：</source>
        <translation>Nothing was pasted; these cells are wrong:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="648" />
        <source>……另有 {n} 处</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="651" />
        <source>粘贴未保存</source>
        <translation>Nothing pasted</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="660" />
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/monthly_grid.py" line="674" />
        <source>{period}：共 {n} 个项目，已上报 {r} 个，未上报 {u} 个；本月完成投资 {m} 万元；黄灯、红灯 {lag} 个</source>
        <translation>{period}: {n} projects, {r} reported, {u} not reported; invested this month {m} (10k CNY); yellow or red {lag}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="218" />
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="219" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="220" />
        <source>项目编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="221" />
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="222" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="413" />
        <source>预览：导入后会怎样</source>
        <translation>Preview: what the import will do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="414" />
        <source>核对无误后点“导入”，全部写入或全部不写入，并记入修改历史。</source>
        <translation>When it looks right click “Import”: everything is written or nothing, and it goes into the change history.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="437" />
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="445" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="453" />
        <source>{period} 月报：</source>
        <translation>{period} reports: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="455" />
        <source>。没有需要写入的内容。</source>
        <translation>. Nothing to write.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="459" />
        <source>全部（{n}）</source>
        <translation>All ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="469" />
        <source>跳过有问题的 {n} 行，只导入其余各行</source>
        <translation>Skip the {n} rows with problems and import the rest</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="508" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="508" />
        <source>未导入任何内容：{msg}</source>
        <translation>Nothing was imported: {msg}</translation>
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
        <location filename="../../desktop_app/ui/project_dialog.py" line="705" />
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
        <location filename="../../desktop_app/ui/project_dialog.py" line="663" />
        <source>节点名称</source>
        <translation>Key node</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="448" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="664" />
        <source>计划完成</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="449" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="665" />
        <source>实际完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="450" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="469" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="672" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="451" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="476" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="666" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="673" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="452" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="667" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="461" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="655" />
        <source>关键节点</source>
        <translation>Key nodes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="467" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="489" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="576" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="657" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="671" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="471" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="688" />
        <source>已解决</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="473" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="687" />
        <source>未解决</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="477" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="674" />
        <source>办结时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="478" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="675" />
        <source>解决情况</source>
        <translation>Solution</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="479" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="676" />
        <source>提出日期</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="480" />
        <location filename="../../desktop_app/ui/project_dialog.py" line="677" />
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
        <location filename="../../desktop_app/ui/project_dialog.py" line="516" />
        <source>进度图表</source>
        <translation>Progress charts</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="528" />
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="532" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="536" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="563" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="565" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="567" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="574" />
        <source>月报</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="575" />
        <source>节点</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="702" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="734" />
        <source>节点名称不能为空</source>
        <translation>A key node needs a name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/project_dialog.py" line="736" />
        <source>问题内容不能为空</source>
        <translation>A problem needs a text</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../desktop_app/ui/project_model.py" line="510" />
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
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="102" />
        <source>生成月度调度填报模板</source>
        <translation>Monthly report templates</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="114" />
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="116" />
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="125" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="132" />
        <source>生成模板</source>
        <translation>Create templates</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="135" />
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="140" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="148" />
        <source>填报期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="149" />
        <source>保存到文件夹：</source>
        <translation>Save to folder:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="152" />
        <source>责任单位（括号内为本期报送情况）：</source>
        <translation>Responsible units (this period's reporting in brackets):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="170" />
        <source>保存模板的文件夹</source>
        <translation>Folder for the templates</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="179" />
        <source>请至少选择一个责任单位</source>
        <translation>Select at least one responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="187" />
        <source>生成失败：{msg}</source>
        <translation>Creating failed: {msg}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="194" />
        <source>已生成 {n} 份{p}填报模板，保存在 {f}</source>
        <translation>Created {n} report templates for {p} in {f}</translation>
    </message>
</context>
<context>
    <name>UnitListModel</name>
    <message>
        <location filename="../../desktop_app/ui/template_dialog.py" line="57" />
        <source>{u}（{n} 个项目，{s}）</source>
        <translation>{u} ({n} projects, {s})</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="138" />
        <source>正在打开台账“{name}”…</source>
        <extracomment>Ledgers with more projects than this load in a background thread.</extracomment>
        <translation>Opening the ledger “{name}”…</translation>
    </message>
</context>
</TS>