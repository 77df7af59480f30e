// The page's own words in three languages. Names of clauses, fields, enumeration values and
// appendix entries come from the rule data (rules.js), and every verdict, reason and plan text
// from the engine; only the page's controls and headings are here.

export const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
export const LANG_NAMES = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'English' };

const S = {
  'app.title': ['守信合规预检', '守信合規預檢', 'No Violation pre-check'],
  'app.tagline': [
    '对照 WQ-179《粤港澳企业守信合规信用评定规范》逐条自查：结论、可通过日期、通过路径与报告草稿。',
    '對照 WQ-179《粵港澳企業守信合規信用評定規範》逐條自查：結論、可通過日期、通過路徑與報告草稿。',
    'Check your records clause by clause against WQ-179 (GBA "No Violation" Green Certification): verdict, pass date, route to passing and a draft report.',
  ],
  'app.private': [
    '所有数据只保存在本浏览器中，不会发送到任何地方。',
    '所有資料只保存在本瀏覽器中，不會傳送到任何地方。',
    'Everything stays in this browser: nothing is sent anywhere.',
  ],
  'app.loading': ['正在加载评定引擎…', '正在載入評定引擎…', 'Loading the evaluation engine…'],
  'app.engine_failed': [
    '评定引擎无法加载：{message}',
    '評定引擎無法載入：{message}',
    'The evaluation engine could not be loaded: {message}',
  ],
  'app.engine_error': ['评定引擎内部错误：{message}', '評定引擎內部錯誤：{message}', 'Internal engine error: {message}'],
  'app.skip': ['跳到结果', '跳到結果', 'Skip to the result'],
  'lang.label': ['语言', '語言', 'Language'],
  'nav.label': ['页面各部分', '頁面各部分', 'Parts of the page'],
  'nav.entries': ['填写记录', '填寫記錄', 'Your records'],
  'nav.result': ['结论', '結論', 'Result'],
  'nav.timeline': ['时间线', '時間線', 'Timeline'],
  'nav.plan': ['如何通过', '如何通過', 'How to pass'],
  'nav.report': ['报告草稿', '報告草稿', 'Draft report'],
  'bar.next': ['下一步：', '下一步：', 'Next: '],
  'offline.update': ['本页有新版本。', '本頁有新版本。', 'A newer version of this page is ready.'],
  'offline.reload': ['重新载入以更新', '重新載入以更新', 'Reload to update'],

  // Files, samples, storage
  'file.label': ['文件', '檔案', 'File'],
  'file.export': ['导出企业文件', '匯出企業檔案', 'Export enterprise file'],
  'file.import': ['导入企业文件…', '匯入企業檔案…', 'Import enterprise file…'],
  'file.clear': ['全部清除…', '全部清除…', 'Clear everything…'],
  'file.imported': ['已导入“{name}”。', '已匯入「{name}」。', 'Imported "{name}".'],
  'file.refused': [
    '未导入“{name}”：{why}您原有的记录保持不变。',
    '未匯入「{name}」：{why}您原有的記錄保持不變。',
    '"{name}" was not imported: {why} Your current entries are unchanged.',
  ],
  'file.not_json': ['该文件不是有效的 JSON。', '該檔案不是有效的 JSON。', 'the file is not valid JSON.'],
  'file.wrong_schema': [
    '该文件不是 nvcheck 企业文件（schema 应为 “nvcheck/enterprise@1”）。',
    '該檔案不是 nvcheck 企業檔案（schema 應為 “nvcheck/enterprise@1”）。',
    'the file is not an nvcheck enterprise file (its schema must be "nvcheck/enterprise@1").',
  ],
  'file.engine_errors': [
    '评定引擎发现下列错误。',
    '評定引擎發現下列錯誤。',
    'the engine found the errors listed below.',
  ],
  'file.exported_open': [
    '已导出，但有 {n} 条记录的是/否问题尚未回答：文件中不含这些回答，导入后可能被当作“否”或被拒绝。请回答后再导出。',
    '已匯出，但有 {n} 條記錄的是/否問題尚未回答：檔案中不含這些回答，匯入後可能被當作「否」或被拒絕。請回答後再匯出。',
    'Exported, but records with yes/no questions not answered yet: {n}. The file leaves those answers out, and an import may read them as "no" or refuse the file. Answer them and export again.',
  ],
  'file.unreadable': ['无法读取该文件。', '無法讀取該檔案。', 'the file could not be read.'],
  'file.too_large': ['文件过大。', '檔案過大。', 'the file is too large.'],
  'clear.title': ['清除全部记录？', '清除全部記錄？', 'Clear everything?'],
  'clear.body': [
    '这将删除本浏览器中保存的全部企业信息和记录，无法撤销。如需保留，请先导出企业文件。',
    '這將刪除本瀏覽器中保存的全部企業資料和記錄，無法復原。如需保留，請先匯出企業檔案。',
    'This deletes every entry saved in this browser and cannot be undone. Export the enterprise file first if you want to keep it.',
  ],
  'clear.confirm': ['全部清除', '全部清除', 'Clear everything'],
  'clear.done': ['已清除全部记录。', '已清除全部記錄。', 'Everything was cleared.'],
  'dialog.cancel': ['取消', '取消', 'Cancel'],
  'samples.label': ['示例企业', '示例企業', 'Sample enterprises'],
  'samples.loaded': ['已载入示例“{name}”。', '已載入示例「{name}」。', 'Sample "{name}" loaded.'],
  'samples.failed': ['示例无法载入：{message}', '示例無法載入：{message}', 'The sample could not be loaded: {message}'],
  'undo': ['撤销', '復原', 'Undo'],
  'undone': ['已恢复之前的记录。', '已恢復之前的記錄。', 'Your previous entries are back.'],
  'saved': ['已自动保存在本浏览器', '已自動保存在本瀏覽器', 'Saved in this browser'],
  'not_saved': [
    '本浏览器不允许保存：关闭页面前请导出企业文件。',
    '本瀏覽器不允許保存：關閉頁面前請匯出企業檔案。',
    'This browser does not allow saving: export the enterprise file before you close the page.',
  ],
  'dismiss': ['关闭提示', '關閉提示', 'Dismiss'],
  'storage.full': [
    '本浏览器的存储空间已满，最近的修改没有保存。请立即导出企业文件保留您的记录，然后可清除其他网站的数据或本页的示例后再继续。',
    '本瀏覽器的儲存空間已滿，最近的修改沒有保存。請立即匯出企業檔案保留您的記錄，然後可清除其他網站的資料或本頁的示例後再繼續。',
    'This browser\'s storage is full: your latest changes are not saved. Export the enterprise file now to keep them; then free some space (other sites\' data) and go on.',
  ],
  'storage.full_short': ['存储空间已满，未保存：请导出企业文件', '儲存空間已滿，未保存：請匯出企業檔案', 'Storage full, not saved: export the enterprise file'],
  'tab.changed': [
    '另一个标签页修改了本浏览器中保存的企业记录。为免覆盖，本页暂停自动保存。请选择载入另一个标签页的记录，或保留本页的记录（将覆盖另一个标签页的修改）。',
    '另一個分頁修改了本瀏覽器中保存的企業記錄。為免覆蓋，本頁暫停自動保存。請選擇載入另一個分頁的記錄，或保留本頁的記錄（將覆蓋另一個分頁的修改）。',
    'Another tab changed the entries saved in this browser. So as not to overwrite them, this tab has stopped saving. Load the other tab\'s entries, or keep this tab\'s (they replace the other tab\'s changes).',
  ],
  'tab.load': ['载入另一个标签页的记录', '載入另一個分頁的記錄', 'Load the other tab\'s entries'],
  'tab.keep': ['保留本页的记录', '保留本頁的記錄', 'Keep this tab\'s entries'],
  'tab.loaded': ['已载入另一个标签页的记录。', '已載入另一個分頁的記錄。', 'The other tab\'s entries are loaded.'],
  'tab.kept': ['已保留并保存本页的记录。', '已保留並保存本頁的記錄。', 'This tab\'s entries are kept and saved.'],
  'tab.not_saved': ['未保存：另一个标签页已修改记录（见上方提示）', '未保存：另一個分頁已修改記錄（見上方提示）', 'Not saved: another tab changed the entries (see above)'],

  // Entry forms
  'entries.title': ['企业记录', '企業記錄', 'Your records'],
  'section.enterprise': ['基本信息', '基本資訊', 'Basic information'],
  'section.application': ['申请', '申請', 'Application'],
  'section.previous': ['以往申请', '以往申請', 'Previous applications'],
  'section.certification': ['认证情况（已持有标识时填写）', '認證情況（已持有標識時填寫）', 'Certification (if the enterprise already holds the mark)'],
  'section.indicators': ['十项指标（表 1）', '十項指標（表 1）', 'The ten indicators (Table 1)'],
  'section.basic_requirements': ['基本要求（6.1）', '基本要求（6.1）', 'Basic requirements (6.1)'],
  'application.date_hint': [
    '留空则按今天（{today}）评定。',
    '留空則按今天（{today}）評定。',
    'Leave empty to evaluate on today\'s date ({today}).',
  ],
  'choose': ['（请选择）', '（請選擇）', '(choose)'],
  'other_free': ['其他（填写名称）…', '其他（填寫名稱）…', 'Other (type the name)…'],
  'other_name': ['名称（按原文填写）', '名稱（按原文填寫）', 'Name as written'],
  'other_hint': [
    '不在附录 {appendix} 中的名称不计入（见右侧原因）。',
    '不在附錄 {appendix} 中的名稱不計入（見右側原因）。',
    'A name outside Appendix {appendix} does not count (see the reason shown).',
  ],
  'record.add': ['添加记录', '新增記錄', 'Add record'],
  'record.remove': ['删除', '刪除', 'Remove'],
  'record.remove_label': ['删除记录 {id}', '刪除記錄 {id}', 'Remove record {id}'],
  'record.removed': ['已删除记录 {id}。', '已刪除記錄 {id}。', 'Record {id} removed.'],
  'record.restored': ['已恢复记录 {id}。', '已恢復記錄 {id}。', 'Record {id} is back.'],
  'record.undo_label': ['撤销删除记录 {id}', '復原刪除記錄 {id}', 'Undo: put record {id} back'],
  'record.none': [
    '已回答：期间内没有此类记录。如有，请添加记录。',
    '已回答：期間內沒有此類記錄。如有，請新增記錄。',
    'Answered: none in the period. If there are any, add them.',
  ],
  'record.unanswered': [
    '尚未回答：请选择“期间内没有”，或添加记录。',
    '尚未回答：請選擇「期間內沒有」，或新增記錄。',
    'Not answered yet: choose "none in the period" or add the records.',
  ],
  'answer.none': ['期间内没有', '期間內沒有', 'None in the period'],
  'answer.records': ['有，记录如下', '有，記錄如下', 'Yes, these records'],
  'answer.none_disabled': [
    '已填写记录；如实际没有，请先删除这些记录。',
    '已填寫記錄；如實際沒有，請先刪除這些記錄。',
    'Records are entered; to answer "none", remove them first.',
  ],
  'answer.yes': ['是', '是', 'Yes'],
  'answer.no': ['否', '否', 'No'],
  'answer.open': ['尚未回答：请选择“是”或“否”。', '尚未回答：請選擇「是」或「否」。', 'Not answered yet: choose yes or no.'],
  'record.status.open': ['待回答', '待回答', 'to answer'],
  'record.status.invalid': ['待更正', '待更正', 'to correct'],
  'record.open_questions': [
    '回答以下问题后才评定此记录：{questions}。',
    '回答以下問題後才評定此記錄：{questions}。',
    'This record is evaluated once these are answered: {questions}.',
  ],
  'list.sep': ['、', '、', '; '],
  'timeline.tick_month': ['{year}年{month}月', '{year}年{month}月', '{month} {year}'],
  'unanswered.list': [
    '期间内是否有此类记录？',
    '期間內是否有此類記錄？',
    'any such records in the period?',
  ],
  'unanswered.previous': ['第 {n} 次以往申请', '第 {n} 次以往申請', 'Previous application {n}'],
  'record.status.counted': ['计入', '計入', 'counts'],
  'record.status.not_counted': ['不计入', '不計入', 'does not count'],
  'record.table': ['{clause} {name}的记录', '{clause} {name}的記錄', 'Records under {clause} {name}'],
  'previous.add': ['添加以往申请', '新增以往申請', 'Add a previous application'],
  'previous.remove_label': ['删除第 {n} 条以往申请', '刪除第 {n} 條以往申請', 'Remove previous application {n}'],
  'previous.none': ['无以往申请。', '無以往申請。', 'No previous applications.'],
  'indicator.requirements': ['计入条件（表 1）', '計入條件（表 1）', 'What counts (Table 1)'],

  // The date field (date-field.js)
  'date.year': ['年', '年', 'Year'],
  'date.month': ['月', '月', 'Month'],
  'date.day': ['日', '日', 'Day'],
  'date.ph_year': ['年', '年', 'YYYY'],
  'date.ph_month': ['月', '月', 'MM'],
  'date.ph_day': ['日', '日', 'DD'],
  'date.incomplete': [
    '日期未填完：请填写年（4 位）、月、日。',
    '日期未填完：請填寫年（4 位）、月、日。',
    'The date is not complete: enter the year (4 digits), the month and the day.',
  ],
  'date.bad_year': ['年份应为 0001 至 9999 的 4 位数字。', '年份應為 0001 至 9999 的 4 位數字。', 'The year is 4 digits, 0001 to 9999.'],
  'date.bad_month': ['没有 {month} 月：月份为 1 至 12。', '沒有 {month} 月：月份為 1 至 12。', 'There is no month {month}: months run from 1 to 12.'],
  'date.bad_day': [
    '{year}年{month}月没有{day}日：该月只有 {days} 天。此日期未被采用。',
    '{year}年{month}月沒有{day}日：該月只有 {days} 天。此日期未被採用。',
    'There is no {day} {month} {year}: that month has {days} days. This date is not used.',
  ],

  // Result
  'result.title': ['结论', '結論', 'Result'],
  'result.pass': ['通过', '通過', 'Pass'],
  'result.fail': ['未通过', '未通過', 'Fail'],
  'result.invalid': ['尚无法评定', '尚無法評定', 'Cannot evaluate yet'],
  'result.stale': [
    '更正下列内容之前，下方显示的是修改前的结论（{verdict}{earliest}），已过时。',
    '更正下列內容之前，下方顯示的是修改前的結論（{verdict}{earliest}），已過時。',
    'Until these are corrected, the answer below is the one before this change ({verdict}{earliest}) and is out of date.',
  ],
  'result.stale_earliest': ['，可于 {date}或之后申请', '，可於 {date}或之後申請', ', apply on or after {date}'],
  'result.stale_part': [
    '已过时：这是修改前的结果，更正有误的记录后会更新。',
    '已過時：這是修改前的結果，更正有誤的記錄後會更新。',
    'Out of date: this is the answer before your last change; it is updated once the invalid entry is corrected.',
  ],
  'result.unanswered': ['尚未回答完', '尚未回答完', 'Not answered yet'],
  'bar.answer': ['回答其余问题', '回答其餘問題', 'Answer the open questions'],
  'bar.no_date': ['不会自行通过', '不會自行通過', 'will not pass on its own'],
  'bar.fill_in': ['先填写结果中列出的缺少项', '先填寫結果中列出的缺少項', 'Fill in what the result lists as missing'],
  'bar.whatif': ['试算：{answer}', '試算：{answer}', 'What-if: {answer}'],
  'bar.whatif_next': ['正在试算所选行动：在“如何通过”中决定保留或放弃', '正在試算所選行動：在「如何通過」中決定保留或放棄', 'Trying the chosen actions: keep or drop them in "How to pass"'],
  'result.unanswered_badge': ['待回答', '待回答', 'not answered'],
  'result.unanswered_help': [
    '还有 {n} 个问题未回答。全部回答之前不会显示“通过”：',
    '還有 {n} 個問題未回答。全部回答之前不會顯示「通過」：',
    'Still to answer: {n}. No pass is shown until every question is answered:',
  ],
  'result.unanswered_also': [
    '另有 {n} 个问题未回答，回答后结论和日期可能改变：',
    '另有 {n} 個問題未回答，回答後結論和日期可能改變：',
    'Also still to answer: {n}. The answers may change the result and the date:',
  ],
  'result.go_to_question': ['转到该问题', '轉到該問題', 'Go to the question'],
  'result.invalid_help': [
    '请先补全或更正以下内容：',
    '請先補全或更正以下內容：',
    'Complete or correct these first:',
  ],
  'result.on': ['评定日期：', '評定日期：', 'Evaluated on'],
  'result.on_source.on': ['（假设申请日期）', '（假設申請日期）', '(what-if date)'],
  'result.on_source.application_date': ['（申请日期）', '（申請日期）', '(application date)'],
  'result.on_source.today': ['（今天）', '（今天）', '(today)'],
  'result.apply_from': ['可于 {date}或之后申请', '可於 {date}或之後申請', 'Apply on or after {date}'],
  'result.apply_now': ['按此日期申请可通过', '按此日期申請可通過', 'An application on this date would pass'],
  'result.no_date': [
    '按现有记录不会自行通过：请看“如何通过”。',
    '按現有記錄不會自行通過：請看「如何通過」。',
    'It will not pass on its own with these records: see "How to pass".',
  ],
  'result.counted': ['计入的记录', '計入的記錄', 'Counted records'],
  'result.not_counted': ['不计入的记录', '不計入的記錄', 'Records that do not count'],
  'result.clears_on': ['{date}起通过', '{date}起通過', 'clears on {date}'],
  'result.never_clears': ['不会自行通过', '不會自行通過', 'does not clear on its own'],
  'result.met_from': ['{date}起满足', '{date}起滿足', 'met from {date}'],
  'result.counts_until': ['计入至 {date}（不含）', '計入至 {date}（不含）', 'counts until {date} (no longer on that day)'],
  'result.counts_open': ['无结束日期，持续计入', '無結束日期，持續計入', 'no end date: keeps counting'],
  'result.warnings': ['提示', '提示', 'Warnings'],
  'result.record': ['记录 {id}', '記錄 {id}', 'Record {id}'],
  'result.go_to_field': ['转到该栏', '轉到該欄', 'Go to the field'],
  'result.draft': [
    '自评结果，并非认证。',
    '自評結果，並非認證。',
    'A self-assessment, not a certification.',
  ],
  'whatif.title': ['如果在某日申请？', '如果在某日申請？', 'What if I apply on…?'],
  'whatif.date': ['假设申请日期', '假設申請日期', 'Planned application date'],
  'whatif.hint': [
    '只改变评定日期，不会修改您的记录。',
    '只改變評定日期，不會修改您的記錄。',
    'Changes only the evaluation date, not your records.',
  ],
  'whatif.bad_date': [
    '假设申请日期不是有效日期：请更正，或恢复为申请日期。',
    '假設申請日期不是有效日期：請更正，或恢復為申請日期。',
    'The planned application date is not a real date: correct it, or go back to the application date.',
  ],
  'whatif.reset': ['恢复为申请日期', '恢復為申請日期', 'Back to the application date'],
  'whatif.use_earliest': ['试用最早通过日期', '試用最早通過日期', 'Try the earliest pass date'],

  // Timeline
  'timeline.title': ['时间线：各记录的计入期间', '時間線：各記錄的計入期間', 'Timeline: when each record counts'],
  'timeline.summary': [
    '时间线：{n} 条记录；评定日期 {on}；{earliest}。',
    '時間線：{n} 條記錄；評定日期 {on}；{earliest}。',
    'Timeline of {n} records; evaluation date {on}; {earliest}.',
  ],
  'timeline.capped': [
    '图中只画出其中 {shown} 条，计入结论的在前；结论计入全部记录。',
    '圖中只畫出其中 {shown} 條，計入結論的在前；結論計入全部記錄。',
    'The chart draws {shown} of them, those that count first; the verdict counts them all.',
  ],
  'timeline.earliest': ['最早通过日期 {date}', '最早通過日期 {date}', 'earliest pass date {date}'],
  'timeline.no_earliest': ['没有最早通过日期', '沒有最早通過日期', 'no earliest pass date'],
  'timeline.empty': [
    '没有带日期的记录。',
    '沒有帶日期的記錄。',
    'No dated records yet.',
  ],
  'timeline.invalid': [
    '输入有误时无法绘制时间线。',
    '輸入有誤時無法繪製時間線。',
    'The timeline needs a valid file.',
  ],
  'timeline.legend': ['图例', '圖例', 'Legend'],
  'timeline.legend.counted_fail': ['计入期间（该条未通过）', '計入期間（該條未通過）', 'counts (its clause fails)'],
  'timeline.legend.counted': ['计入期间（未达该条门槛）', '計入期間（未達該條門檻）', 'counts (below its clause\'s threshold)'],
  'timeline.legend.open': ['无结束日期（持续计入）', '無結束日期（持續計入）', 'no end date (keeps counting)'],
  'timeline.legend.not_counted': ['不计入的记录日期', '不計入的記錄日期', 'date of a record that does not count'],
  'timeline.legend.on': ['评定日期', '評定日期', 'evaluation date'],
  'timeline.legend.earliest': ['最早通过日期', '最早通過日期', 'earliest pass date'],
  'timeline.legend.basic': ['基本要求未满足', '基本要求未滿足', 'basic requirement not yet met'],
  'timeline.table': ['时间线（文字版）', '時間線（文字版）', 'Timeline as a table'],
  'timeline.col.clause': ['条款', '條款', 'Clause'],
  'timeline.col.record': ['记录', '記錄', 'Record'],
  'timeline.col.status': ['状态', '狀態', 'Status'],
  'timeline.col.from': ['起始', '起始', 'From'],
  'timeline.col.until': ['计入至', '計入至', 'Counts until'],
  'timeline.col.dates': ['记录日期', '記錄日期', 'Dates'],
  'timeline.open': ['（持续）', '（持續）', '(open-ended)'],

  // Plan
  'plan.title': ['如何通过', '如何通過', 'How to pass'],
  'plan.passing': [
    '按此日期已可通过，无需行动。',
    '按此日期已可通過，無需行動。',
    'It passes on this date: nothing to do.',
  ],
  'plan.invalid': ['请先更正输入。', '請先更正輸入。', 'Correct the input first.'],
  'plan.unanswered': [
    '请先回答全部问题（见“结论”）。',
    '請先回答全部問題（見「結論」）。',
    'Answer every question first (see "Result").',
  ],
  'plan.try': ['试一试', '試一試', 'Try it'],
  'plan.untry': ['撤销试算', '撤銷試算', 'Undo the try'],
  'plan.decided_by': ['决定方：{who}', '決定方：{who}', 'Decided by {who}'],
  'plan.effect': ['效果：', '效果：', 'Effect: '],
  'plan.effect.stops_now': ['记录即时不再计入', '記錄即時不再計入', 'the record stops counting at once'],
  'plan.effect.counts_until': ['记录计入至 {date}', '記錄計入至 {date}', 'record counts until {date}'],
  'plan.effect.clause_clears': ['{clause} 于 {date}通过', '{clause} 於 {date}通過', '{clause} clears on {date}'],
  'plan.effect.clause_never': ['{clause} 仍不会自行通过', '{clause} 仍不會自行通過', '{clause} still does not clear'],
  'plan.effect.earliest': ['最早通过日期 {date}', '最早通過日期 {date}', 'earliest pass date {date}'],
  'plan.effect.earliest_none': ['仍不足以通过', '仍不足以通過', 'still not enough to pass'],
  'plan.changes_nothing': ['单独不改变结果', '單獨不改變結果', 'changes nothing on its own'],
  'plan.no_actions': ['没有可采取的行动。', '沒有可採取的行動。', 'No action would help.'],
  'plan.no_waits': ['无需等待。', '無需等待。', 'Nothing to wait for.'],
  'plan.no_waits_never': [
    '没有会随时间自行消除的条款：不采取上面的行动，就不会通过。',
    '沒有會隨時間自行消除的條款：不採取上面的行動，就不會通過。',
    'No clause clears with time alone: without the actions above, it never passes.',
  ],
  'plan.no_waits_but': [
    '没有只能等待的条款：每一项都可通过上面的行动提前。如不采取行动，则须等到 {date}。',
    '沒有只能等待的條款：每一項都可通過上面的行動提前。如不採取行動，則須等到 {date}。',
    'No clause is left to time alone: an action above can bring each forward. Doing nothing, you wait until {date}.',
  ],
  'plan.disputes_none': [
    '没有标为有异议的记录。如企业对某条记录提出异议，请在该记录的“{label}”选“是”。',
    '沒有標為有異議的記錄。如企業對某條記錄提出異議，請在該記錄的「{label}」選「是」。',
    'No record is marked as disputed. If the enterprise contests a record, answer "yes" to "{label}" on it.',
  ],
  'plan.disputes_records': ['有异议的记录：{ids}', '有異議的記錄：{ids}', 'Disputed records: {ids}'],
  'plan.disputes_verdict': ['结论：{verdict}', '結論：{verdict}', 'Verdict: {verdict}'],
  'plan.disputes_earliest': ['最早通过日期：{date}', '最早通過日期：{date}', 'Earliest pass date: {date}'],
  'whatif.banner': [
    '试算视图：{actions}。结论和时间线显示试算结果；您的记录尚未改变。',
    '試算視圖：{actions}。結論和時間線顯示試算結果；您的記錄尚未改變。',
    'What-if view: {actions}. The verdict and the timeline show the effect; your records are not changed.',
  ],
  'whatif.action': ['{record}：{field}设为 {date}', '{record}：{field}設為 {date}', '{record}: {field} set to {date}'],
  'whatif.apply': ['应用到我的记录', '套用到我的記錄', 'Apply to my records'],
  'whatif.discard': ['返回我的记录', '返回我的記錄', 'Back to my records'],
  'whatif.applied': ['已应用到您的记录。', '已套用到您的記錄。', 'Applied to your records.'],

  // The standard's text (standard-view.js; the clause texts themselves are rules/standard.json)
  'nav.standard': ['标准原文', '標準原文', 'The standard'],
  'standard.title': ['WQ-179 标准原文', 'WQ-179 標準原文', 'The WQ-179 standard'],
  'standard.read': ['阅读第 {clause} 条原文', '閱讀第 {clause} 條原文', 'Read clause {clause}'],
  'standard.load_failed': ['标准原文无法载入：{message}', '標準原文無法載入：{message}', 'The text of the standard could not be loaded: {message}'],
  'standard.forms': [
    '以下为标准印刷的原文（简体中文）。本项目另提供繁体中文形式与英文译文，均非官方文本。',
    '以下為本項目轉換的繁體中文形式，並非官方文本；每條旁附標準印刷的簡體中文原文。',
    'Below is the project\'s English translation of the standard, not an official text; each clause has the Chinese as printed beside it.',
  ],
  'standard.back': ['← 返回自查结果', '← 返回自查結果', '← Back to the check'],
  'standard.contents': ['目录', '目錄', 'Contents'],
  'standard.appendix': ['附录 {letter}', '附錄 {letter}', 'Appendix {letter}'],
  'standard.printed': ['原文（按标准印刷）', '原文（簡體中文，按標準印刷）', 'As printed (simplified Chinese)'],
  'standard.translation': ['本项目的英文译文（非官方）', '本項目的英文譯文（非官方）', 'The project\'s translation (not official)'],
  'standard.conversion': ['本项目转换的繁体形式（非官方）', '本項目轉換的繁體形式（非官方）', 'The project\'s traditional-Chinese form (not official)'],
  'standard.item_of': [
    '第 {clause} 条所列条件之一（编号为本项目所加）',
    '第 {clause} 條所列條件之一（編號為本項目所加）',
    'One of the conditions listed in clause {clause} (numbered by the project)',
  ],
  'standard.v.title': ['正在使用的规则数值（{id} 版本 {version}）', '正在使用的規則數值（{id} 版本 {version}）', 'Rule values in use ({id} version {version})'],
  'standard.v.title_short': ['第 {clause} 条正在使用的规则数值', '第 {clause} 條正在使用的規則數值', 'Rule values in use for clause {clause}'],
  'standard.v.rule': ['条件', '條件', 'Condition'],
  'standard.v.period': ['期间', '期間', 'Period'],
  'standard.v.months': ['{months} 个月', '{months} 個月', '{months} months'],
  'standard.v.names': ['各地名称（表 1）', '各地名稱（表 1）', 'Name in each region (Table 1)'],
  'standard.v.window': ['计入期间', '計入期間', 'Counting window'],
  'standard.v.window_months': ['自“{from}”起 {months} 个月', '自「{from}」起 {months} 個月', '{months} months from "{from}"'],
  'standard.v.no_window': ['无固定期间：自“{from}”起计入', '無固定期間：自「{from}」起計入', 'No fixed window: counts from "{from}"'],
  'standard.v.ongoing': ['持续期间', '持續期間', 'While it lasts'],
  'standard.v.ongoing_until': ['持续期间计入，直至“{until}”', '持續期間計入，直至「{until}」', 'Counts while it lasts, until "{until}"'],
  'standard.v.resolved': ['处理后仍计入', '處理後仍計入', 'Still counts after resolution for'],
  'standard.v.threshold': ['未通过的门槛', '未通過的門檻', 'Fails at'],
  'standard.v.threshold_n': ['计入 {n} 项或以上', '計入 {n} 項或以上', '{n} or more records counted'],
  'standard.v.in_scope': ['计入的“{field}”', '計入的「{field}」', '"{field}" values that count'],
  'standard.v.one_off': ['无持续期间的措施', '無持續期間的措施', 'Measures with no duration'],
  'standard.v.flag': ['须为：“{field}”', '須為：「{field}」', 'Required: "{field}"'],
  'standard.v.appendix': ['范围', '範圍', 'Scope'],
  'standard.v.appendix_n': ['附录 {letter}（{n} 项）', '附錄 {letter}（{n} 項）', 'Appendix {letter} ({n} entries)'],
  'standard.v.reading': ['本项目的解释', '本項目的解釋', 'The project\'s reading'],
  'standard.to_card': ['查看第 {clause} 条的自查结果', '查看第 {clause} 條的自查結果', 'See clause {clause} in the check'],
  'standard.printed_table': ['表 1 原文（按标准印刷）', '表 1 原文（按標準印刷）', 'Table 1 as printed (Chinese)'],
  'standard.filter': ['筛选附录 {letter}', '篩選附錄 {letter}', 'Filter Appendix {letter}'],
  'standard.filter_count': ['显示 {n} / {total} 项', '顯示 {n} / {total} 項', '{n} of {total} shown'],
  'standard.e_printed': [
    '表 E.1 按标准印刷（标准以简体中文、繁体中文和英文印刷此表）',
    '表 E.1 按標準印刷（標準以簡體中文、繁體中文和英文印刷此表）',
    'Table E.1 as printed (the standard prints it in simplified and traditional Chinese and in English)',
  ],

  // Report
  'report.title': ['报告草稿（附录 E）', '報告草稿（附錄 E）', 'Draft report (Appendix E)'],
  'markcode.title': ['核对标识编码（第 7.4 条）', '核對標識編碼（第 7.4 條）', 'Check a mark code (clause 7.4)'],
  'markcode.hint': [
    '输入他人出示的“守信合规企业”标识编码，核对其格式（行政区划代码、信用机构代码、初评时间、随机编码）。格式正确不代表标识有效：只有信用机构与标识管理机构能确认。',
    '輸入他人出示的「守信合規企業」標識編碼，核對其格式（行政區劃代碼、信用機構代碼、初評時間、隨機編碼）。格式正確不代表標識有效：只有信用機構與標識管理機構能確認。',
    'Enter a code someone presents for the Integrity and Compliance Enterprise mark to check its form (division code, credit institution code, date of first evaluation, random part). A well-formed code is not proof of a valid mark: only the credit institution and the mark administration body can confirm that.',
  ],
  'markcode.label': ['标识编码', '標識編碼', 'Mark code'],
  'markcode.check': ['核对', '核對', 'Check'],
  'markcode.empty': ['请先输入编码。', '請先輸入編碼。', 'Enter a code first.'],
  'report.lang': ['报告语言', '報告語言', 'Report language'],
  'report.show': ['生成 / 更新报告', '產生 / 更新報告', 'Show / update the report'],
  'report.print': ['打印或存为 PDF', '列印或存為 PDF', 'Print or save as PDF'],
  'report.download': ['下载 HTML', '下載 HTML', 'Download HTML'],
  'report.frame': ['报告草稿预览', '報告草稿預覽', 'Draft report preview'],
  'report.empty': [
    '评定引擎暂未生成报告。',
    '評定引擎暫未產生報告。',
    'The engine did not produce a report.',
  ],
  'report.frame_failed': [
    '无法在本页显示报告预览。请下载 HTML 文件，在浏览器中打开后打印或存为 PDF。',
    '無法在本頁顯示報告預覽。請下載 HTML 檔案，在瀏覽器中開啟後列印或存為 PDF。',
    'The report preview could not be shown on this page. Download the HTML file, open it in your browser, then print it or save it as a PDF.',
  ],
  'report.invalid': ['输入有误，无法生成报告。', '輸入有誤，無法產生報告。', 'The report needs a valid file.'],
  'report.unanswered': [
    '尚有问题未回答，暂不生成报告。',
    '尚有問題未回答，暫不產生報告。',
    'Some questions are not answered yet: no report until they are.',
  ],
  'report.note': [
    '报告按当前评定日期和已保存的记录生成（不含试算）。',
    '報告按目前評定日期和已保存的記錄產生（不含試算）。',
    'The report uses the current evaluation date and your saved records (not the what-if changes).',
  ],
  'rules.load': ['载入其他规则数据文件…', '載入其他規則資料檔案…', 'Load another rule data file…'],
  'rules.loaded': [
    '已启用规则数据“{name}”（{id} 版本 {version}），重新载入页面后恢复内置规则。',
    '已啟用規則資料「{name}」（{id} 版本 {version}），重新載入頁面後恢復內建規則。',
    'Rule data "{name}" ({id} version {version}) is in use until the page is reloaded.',
  ],
  'rules.refused': [
    '规则数据“{name}”未启用，仍使用原有规则：{message}',
    '規則資料「{name}」未啟用，仍使用原有規則：{message}',
    'Rule data "{name}" was not used; the rules in use stay: {message}',
  ],
  // The consultant's desk (issue 16) and counselling notes (clause 8.8)
  'nav.desk': ['客户', '客戶', 'Clients'],
  'desk.title': ['客户', '客戶', 'Clients'],
  'desk.open': ['当前客户：', '目前客戶：', 'Open client: '],
  'desk.list': ['客户列表', '客戶列表', 'Client list'],
  'desk.new': ['新建客户', '新增客戶', 'New client'],
  'desk.rename': ['重命名…', '重新命名…', 'Rename…'],
  'desk.duplicate': ['复制客户', '複製客戶', 'Duplicate'],
  'desk.delete': ['删除客户', '刪除客戶', 'Delete client'],
  'desk.export': ['导出全部客户', '匯出全部客戶', 'Export all clients'],
  'desk.unnamed': ['未命名客户 {n}', '未命名客戶 {n}', 'Unnamed client {n}'],
  'desk.copy_of': ['{name}（副本）', '{name}（副本）', '{name} (copy)'],
  'desk.opened': ['已打开客户“{name}”。', '已開啟客戶「{name}」。', 'Client "{name}" is open.'],
  'desk.deleted': ['已删除客户“{name}”。', '已刪除客戶「{name}」。', 'Client "{name}" deleted.'],
  'desk.rename_title': ['重命名客户', '重新命名客戶', 'Rename the client'],
  'desk.rename_label': ['客户名称', '客戶名稱', 'Client name'],
  'desk.rename_hint': [
    '只改客户列表中的名称；企业名称在“基本信息”中填写。留空则显示企业名称。',
    '只改客戶列表中的名稱；企業名稱在「基本資料」中填寫。留空則顯示企業名稱。',
    'Changes the name in the client list only; the enterprise\'s name is entered with its basic information. Leave it empty to show the enterprise\'s name.',
  ],
  'desk.save': ['保存', '儲存', 'Save'],
  'desk.summary': ['全部客户一览', '全部客戶一覽', 'All clients at a glance'],
  'desk.summary_caption': [
    '每个客户的地区、结论、最早可通过日期、未通过的条款、下一步和最后修改时间；点击表头排序，点击名称打开客户。',
    '每個客戶的地區、結論、最早可通過日期、未通過的條款、下一步和最後修改時間；點擊表頭排序，點擊名稱開啟客戶。',
    'Each client\'s region, verdict, earliest pass date, failing clauses, next step and last change; sort by a column\'s header, open a client by its name.',
  ],
  'desk.col.name': ['客户', '客戶', 'Client'],
  'desk.col.region': ['地区', '地區', 'Region'],
  'desk.col.verdict': ['结论', '結論', 'Verdict'],
  'desk.col.earliest': ['最早可通过日期', '最早可通過日期', 'Earliest pass date'],
  'desk.col.failing': ['未通过的条款', '未通過的條款', 'Failing clauses'],
  'desk.col.next': ['下一步', '下一步', 'Next step'],
  'desk.col.changed': ['最后修改', '最後修改', 'Last change'],
  'desk.added': ['已将“{name}”添加为新客户。', '已將「{name}」新增為客戶。', '"{name}" added as a new client.'],
  'desk.replaced': ['已用“{name}”替换同一企业的客户。', '已用「{name}」取代同一企業的客戶。', 'The client of the same enterprise was replaced by "{name}".'],
  'desk.import_cancelled': ['未导入“{name}”。', '未匯入「{name}」。', '"{name}" was not imported.'],
  'desk.imported_desk': ['已从“{name}”添加 {n} 个客户。', '已從「{name}」新增 {n} 個客戶。', '{n} clients added from "{name}".'],
  'desk.bad_desk': ['第 {n} 个客户：{why}', '第 {n} 個客戶：{why}', 'client {n}: {why}'],
  'desk.dup_title': ['该企业已是客户', '該企業已是客戶', 'This enterprise is already a client'],
  'desk.dup_body': [
    '“{name}”与已有客户是同一企业（统一社会信用代码或名称相同）。替换已有客户的记录（笔记保留），添加为副本，还是取消？',
    '「{name}」與已有客戶是同一企業（統一社會信用代碼或名稱相同）。取代已有客戶的記錄（筆記保留），新增為副本，還是取消？',
    '"{name}" is the same enterprise as a client you have (same ID code or name). Replace that client\'s entries (its notes stay), add it as a copy, or cancel?',
  ],
  'desk.dup_replace': ['替换已有客户', '取代已有客戶', 'Replace the client'],
  'desk.dup_copy': ['添加为副本', '新增為副本', 'Add as a copy'],
  'notes.title': ['辅导和咨询笔记（第 8.8 条）', '輔導和諮詢筆記（第 8.8 條）', 'Counselling notes (clause 8.8)'],
  'notes.hint': [
    '笔记只保存在本浏览器中，随客户导出，不参与评定。',
    '筆記只保存在本瀏覽器中，隨客戶匯出，不參與評定。',
    'Notes stay in this browser and go with the client\'s export; they are never evaluated.',
  ],
  'notes.consultant': ['辅导咨询人员（印在报告上）', '輔導諮詢人員（印在報告上）', 'Consultant (named in the report)'],
  'notes.enterprise': ['关于本企业的笔记', '關於本企業的筆記', 'Notes on this enterprise'],
  'notes.records': ['关于各条记录的笔记（{n} 条记录）', '關於各條記錄的筆記（{n} 條記錄）', 'Notes on each record ({n} records)'],
  'notes.record_n': ['第 {n} 条', '第 {n} 條', 'record {n}'],
  'notes.include': ['在报告中印出笔记', '在報告中印出筆記', 'Include the notes in the report'],
  'footer.rules': ['规则数据：{id} 版本 {version}', '規則資料：{id} 版本 {version}', 'Rule data: {id} version {version}'],

  // ---- The demo (issue 16 item 4): the guided tour (tour.js) and presentation mode (present.js).
  // The standard's numbers and clause numbers are placeholders, filled from the rule data in use.
  'demo.label': ['演示', '示範', 'Demo'],
  'tour.start': ['演示导览', '示範導覽', 'Guided tour'],
  'tour.title': ['演示导览', '示範導覽', 'Guided tour'],
  'tour.step': ['第 {n} 步，共 {total} 步', '第 {n} 步，共 {total} 步', 'Step {n} of {total}'],
  'tour.next': ['下一步', '下一步', 'Next'],
  'tour.back': ['上一步', '上一步', 'Back'],
  'tour.finish': ['结束导览', '結束導覽', 'Finish'],
  'tour.stop': ['停止（Esc）', '停止（Esc）', 'Stop (Esc)'],
  'tour.play': ['自动播放', '自動播放', 'Play'],
  'tour.pause': ['暂停', '暫停', 'Pause'],
  'tour.working': ['正在演示…', '正在示範…', 'Showing…'],
  'tour.not_saved': [
    '导览进行中：演示内容不保存，导览结束后恢复您的记录。',
    '導覽進行中：示範內容不保存，導覽結束後恢復您的記錄。',
    'Tour running: the demo is not saved; your entries come back when it ends.',
  ],
  'tour.restored': ['导览已结束，您的记录已原样恢复。', '導覽已結束，您的記錄已原樣恢復。', 'The tour has ended: your entries are back as they were.'],
  'tour.failed': ['导览无法继续：{message}', '導覽無法繼續：{message}', 'The tour could not go on: {message}'],
  'tour.c.load': [
    '这是演示企业“{name}”（{region}）。评定引擎即时给出结论：{verdict}。',
    '這是示範企業「{name}」（{region}）。評定引擎即時給出結論：{verdict}。',
    'This is the demo enterprise "{name}" ({region}). The engine gives its verdict at once: {verdict}.',
  ],
  'tour.c.cards': [
    '从第 {first} 条到第 {last} 条，每一条都有一张卡片：该条的结论、依据的记录，以及该条原文的链接。',
    '從第 {first} 條到第 {last} 條，每一條都有一張卡片：該條的結論、依據的記錄，以及該條原文的連結。',
    'Each clause from {first} to {last} has a card: its verdict, the records behind it and a link to its text.',
  ],
  'tour.c.text': [
    '第 {clause} 条“{name}”的原文。正在使用的规则数值：{months} 个月内的有效投诉达 {threshold} 次即未通过；已处理的投诉在处理后 {resolved} 个月内仍计入。',
    '第 {clause} 條「{name}」的原文。正在使用的規則數值：{months} 個月內的有效投訴達 {threshold} 次即未通過；已處理的投訴在處理後 {resolved} 個月內仍計入。',
    'Clause {clause}, "{name}", as printed. The rule values in use: {threshold} valid complaints within {months} months fail it; a resolved complaint still counts for {resolved} months.',
  ],
  'tour.c.add': [
    '回到自查，在第 {clause} 条下新增一宗有效投诉（{type}），于 {date}接收，尚未处理。',
    '回到自查，在第 {clause} 條下新增一宗有效投訴（{type}），於 {date}接收，尚未處理。',
    'Back in the check, we add a valid complaint under clause {clause} ({type}), received on {date} and not resolved yet.',
  ],
  'tour.c.verdict': [
    '结论随之改变：{before} → {after}。最早可通过日期：{date_before} → {date_after}。',
    '結論隨之改變：{before} → {after}。最早可通過日期：{date_before} → {date_after}。',
    'The verdict moves: {before} → {after}. Earliest pass date: {date_before} → {date_after}.',
  ],
  'tour.c.timeline': [
    '时间线显示每项记录的计入期间：新投诉使第 {clause} 条未通过，最早于 {date}可通过。',
    '時間線顯示每項記錄的計入期間：新投訴使第 {clause} 條未通過，最早於 {date}可通過。',
    'The timeline shows each record\'s counting window: the new complaint fails clause {clause} until {date} at the earliest.',
  ],
  'tour.c.whatif': [
    '“假如在另一日申请”：选用最早可通过日期 {date}，该日的结论：{verdict}。',
    '「假如在另一日申請」：選用最早可通過日期 {date}，該日的結論：{verdict}。',
    'What if it applies on another day? On the earliest pass date, {date}, the verdict is: {verdict}.',
  ],
  'tour.c.end': [
    '导览到此结束。停止后，您自己的记录会原样恢复。',
    '導覽到此結束。停止後，您自己的記錄會原樣恢復。',
    'That is the tour. When it stops, your own entries come back exactly as they were.',
  ],
  'tour.timeout': ['页面未及时响应（{step}）。', '頁面未及時回應（{step}）。', 'the page did not answer in time ({step}).'],
  'tour.demo_matter': ['演示：货款逾期未付', '示範：貨款逾期未付', 'Demo: payment overdue'],
  'tour.demo_source': ['演示导览', '示範導覽', 'Guided tour'],
  'present.toggle': ['演示模式', '簡報模式', 'Presentation mode'],
  'present.requests': ['载入后的网络请求：{n}', '載入後的網絡請求：{n}', 'Network requests since loading: {n}'],
  'present.requests_title': [
    '载入时请求本站文件 {n} 个；之后每个请求都计入此数。',
    '載入時請求本站檔案 {n} 個；之後每個請求都計入此數。',
    'While loading: {n} files of this site; every request after that is counted here.',
  ],
  'rules.edited': [
    '规则数据已修改：{id} 版本 {version}，不是内置规则。',
    '規則資料已修改：{id} 版本 {version}，不是內建規則。',
    'Edited rule data: {id} version {version}, not the built-in rules.',
  ],
  'rules.diff_title': ['与内置规则相比的改动（{count} 项）', '與內建規則相比的改動（{count} 項）', 'Changes from the built-in rules ({count})'],
  'rules.diff_none': ['内容与内置规则相同（只是文件的写法不同）。', '內容與內建規則相同（只是檔案的寫法不同）。', 'The content is the same as the built-in rules (only the file is written differently).'],
};

const INDEX = { 'zh-Hans': 0, 'zh-Hant': 1, en: 2 };
let current = 'zh-Hans';

export function setLang(lang) {
  if (LANGS.includes(lang)) current = lang;
}
export function getLang() {
  return current;
}

/** The colon after a label, as the page's language writes it (full-width in Chinese). */
export function colon() {
  return current === 'en' ? ': ' : '：';
}

/** Fills `{name}` placeholders. */
export function format(str, vars = {}) {
  return str.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** A page string in the current language. */
export function t(key, vars) {
  const row = S[key];
  if (!row) return key;
  return format(row[INDEX[current]], vars);
}

/** Every page string (for the completeness test). */
export function allStrings() {
  return S;
}

/**
 * A date `YYYY-MM-DD` for people, in the current language, as the engine's own texts write it
 * ("5 September 2027", "2027年9月5日": the engine's human_date, one way for the page and the
 * engine). Before the engine has loaded, the date as it is.
 */
export function humanDate(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
  if (!writeDate) return iso;
  const key = current + '|' + iso;
  let text = humanDates.get(key);
  if (text === undefined) {
    text = writeDate(iso, current) || iso;
    if (humanDates.size > 20000) humanDates.clear();
    humanDates.set(key, text);
  }
  return text;
}

const humanDates = new Map();  // by language and date: a chart of 400 records asks for the same dates
let writeDate = null;

/** The engine's way of writing a date for people, `(iso, lang) => text`, once it has started. */
export function useDateWriter(fn) {
  writeDate = fn;
  humanDates.clear();
}

/** Today's local date as `YYYY-MM-DD` (the engine never reads a clock; the page passes it in). */
export function localToday() {
  const now = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
