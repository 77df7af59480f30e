#!/usr/bin/env python3
"""Source of rules/texts.json: the engine's messages, reasons and plan texts in three languages.

Edit here or in rules/texts.json directly (the engine reads rules/texts.json; this script only
writes it: python3 tools/texts_source.py > rules/texts.json)."""
import json, sys

L = ["administrative_penalties", "administrative_coercions", "judgments", "criminal_cases",
     "self_regulatory_violations", "community_violations", "certification_violations",
     "contract_complaints", "commitment_complaints", "risk_list_entries"]

def t(hans, hant, en):
    return {"zh-Hans": hans, "zh-Hant": hant, "en": en}

error = {
 "invalid_json": t("文件不是有效的 JSON（第 {position} 字节附近）：不允许注释、NaN、尾随内容或第二个文档。",
                   "檔案不是有效的 JSON（第 {position} 位元組附近）：不允許註解、NaN、尾隨內容或第二個文件。",
                   "The file is not valid JSON (near byte {position}): comments, NaN, trailing text or a second document are not allowed."),
 "unsupported_schema": t("{path}：schema 必须是 \"nvcheck/enterprise@1\"（收到 \"{schema}\"）。",
                         "{path}：schema 必須是 \"nvcheck/enterprise@1\"（收到 \"{schema}\"）。",
                         "{path}: schema must be \"nvcheck/enterprise@1\" (got \"{schema}\")."),
 "duplicate_key": t("{path}：同一对象中该键出现了两次。", "{path}：同一物件中該鍵出現了兩次。", "{path}: this key is given twice in the same object."),
 "missing_field": t("{path}：缺少必填字段。", "{path}：缺少必填欄位。", "{path}: a required field is missing."),
 "empty_value": t("{path}：不能为空。", "{path}：不能為空。", "{path}: must not be empty."),
 "wrong_type": t("{path}：类型错误（应为 {expected}）。", "{path}：類型錯誤（應為 {expected}）。", "{path}: wrong type (expected {expected})."),
 "unknown_value": t("{path}：未知的取值 \"{value}\"；可选值：{allowed}。", "{path}：未知的取值 \"{value}\"；可選值：{allowed}。",
                    "{path}: unknown value \"{value}\"; allowed: {allowed}."),
 "bad_date": t("{path}：\"{value}\" 不是有效日期（格式 YYYY-MM-DD，年份 0001–9999，须为真实日期）。",
               "{path}：\"{value}\" 不是有效日期（格式 YYYY-MM-DD，年份 0001–9999，須為真實日期）。",
               "{path}: \"{value}\" is not a valid date (YYYY-MM-DD, years 0001-9999, a real date)."),
 "unknown_record_list": t("{path}：未知的记录列表（拼写错误会丢失其中的记录）。", "{path}：未知的記錄列表（拼寫錯誤會遺失其中的記錄）。",
                          "{path}: unknown record list (a misspelt list would drop its records)."),
 "end_before_start": t("{path}：结束日期早于该记录的开始日期。", "{path}：結束日期早於該記錄的開始日期。", "{path}: this end date is before the record's start date."),
 "duplicate_id": t("{path}：记录编号 \"{id}\" 在文件中重复。", "{path}：記錄編號 \"{id}\" 在檔案中重複。", "{path}: record id \"{id}\" is used twice in the file."),
 "empty_id": t("{path}：记录编号不能为空。", "{path}：記錄編號不能為空。", "{path}: the record id must not be empty."),
 "too_large": t("文件超过 {max} 字节的上限。", "檔案超過 {max} 位元組的上限。", "The file is larger than the limit of {max} bytes."),
 "too_deep": t("{path}：嵌套超过 {max} 层。", "{path}：巢狀超過 {max} 層。", "{path}: nested deeper than {max} levels."),
 "too_many_records": t("{path}：记录超过 {max} 条的上限。", "{path}：記錄超過 {max} 筆的上限。", "{path}: more than {max} records."),
 "string_too_long": t("{path}：文字超过 {max} 字节的上限。", "{path}：文字超過 {max} 位元組的上限。", "{path}: text longer than {max} bytes."),
 "bad_option": t("选项 {option} 的取值 {value} 无效（日期为 YYYY-MM-DD，语言为 en、zh-Hans 或 zh-Hant）。",
                 "選項 {option} 的取值 {value} 無效（日期為 YYYY-MM-DD，語言為 en、zh-Hans 或 zh-Hant）。",
                 "Option {option} has an invalid value {value} (a date is YYYY-MM-DD; a language is en, zh-Hans or zh-Hant)."),
 "no_date": t("{path}：没有评定日期：请填写申请日期或指定评定日期。", "{path}：沒有評定日期：請填寫申請日期或指定評定日期。",
              "{path}: no evaluation date: give the application date or an evaluation date."),
 "unreadable": t("无法读取文件 {file}：{detail}", "無法讀取檔案 {file}：{detail}", "Cannot read file {file}: {detail}"),
}

warning = {
 "not_in_appendix": t("\"{value}\" 不在附录 {appendix} 中，不计入：请核实名单是否已调整。",
                      "\"{value}\" 不在附錄 {appendix} 中，不計入：請核實名單是否已調整。",
                      "\"{value}\" is not in Appendix {appendix}, so it does not count: check whether the list was adjusted."),
 "unresolved_complaint_aged_out": t("有效投诉（{received_on} 受理）仍未处理，但已超过 {months} 个月，不再计入；请尽快处理。",
                                    "有效投訴（{received_on} 受理）仍未處理，但已超過 {months} 個月，不再計入；請盡快處理。",
                                    "A valid complaint received on {received_on} is still unresolved; it no longer counts after {months} months, but it should be resolved."),
 "registration_not_subsisting": t("登记状态为“{status}”，不是存续（在营/开业/在册）。",
   "登記狀態為「{status}」，不是存續（仍註冊）。",
   "The registration status is {status}, not subsisting."),
 "registration_changed": t("按第 8.7 条：企业注册信息发生变更，未在规定期限内通知信用机构的，标识视为取消，信用机构应及时向标识管理机构通报情况，终止标识。注册信息变更应及时通知信用机构（第 8.6 条）。",
   "按第 8.7 條：企業註冊資訊發生變更，未在規定期限內通知信用機構的，標識視為取消，信用機構應及時向標識管理機構通報情況，終止標識。註冊資訊變更應及時通知信用機構（第 8.6 條）。",
   "Under clause 8.7: when the enterprise's registration details changed and the credit institution was not notified within the set period, the mark is deemed cancelled, and the credit institution notifies the mark administration body and terminates the mark. A change of registration details should be notified to the credit institution in time (clause 8.6)."),
 "certified_now_fails": t("企业于 {first_passed_on} 初次通过认证，现不符合评定要求（至迟自 {since} 起）：按第 8.4 条，信用机构发现后应更新守信合规企业信用评定报告，及时向标识管理机构通报情况，取消标识并依法予以公示。",
   "企業於 {first_passed_on} 初次通過認證，現不符合評定要求（至遲自 {since} 起）：按第 8.4 條，信用機構發現後應更新守信合規企業信用評定報告，及時向標識管理機構通報情況，取消標識並依法予以公示。",
   "The enterprise first passed certification on {first_passed_on} and no longer meets the requirements (since {since} at the latest): under clause 8.4 the credit institution, on finding this, updates the credit rating report, notifies the mark administration body, cancels the mark and publishes the cancellation as the law provides."),
 "certified_complaints": t("按第 8.5 条：企业被投诉的，信用机构应及时核实；投诉情况真实且影响评定结果的，应及时向标识管理机构通报情况，取消标识并依法予以公示。",
   "按第 8.5 條：企業被投訴的，信用機構應及時核實；投訴情況真實且影響評定結果的，應及時向標識管理機構通報情況，取消標識並依法予以公示。",
   "Under clause 8.5: when the enterprise is the subject of complaints, the credit institution verifies them promptly; if they are true and affect the result, it notifies the mark administration body, cancels the mark and publishes the cancellation as the law provides."),
 "division_not_in_region": t("行政区划代码 {code} 不属于所选地区 {region}。", "行政區劃代碼 {code} 不屬於所選地區 {region}。",
                             "Division code {code} is not in the enterprise's region {region}."),
 "unknown_field": t("{path}：未知字段，已保留但不参与评定（请检查拼写）。", "{path}：未知欄位，已保留但不參與評定（請檢查拼寫）。",
                    "{path}: unknown field, kept and ignored (check its spelling)."),
 "counted_although_disputed": t("记录 {record} 标为有异议，但评定仍按原样计入（{clause}）。", "記錄 {record} 標為有異議，但評定仍按原樣計入（{clause}）。",
                                "Record {record} is disputed but still counts under {clause}, as a credit institution would count it."),
 "beyond_calendar": t("{what} 的推算日期超过 9999-12-31，无法写出。", "{what} 的推算日期超過 9999-12-31，無法寫出。",
                      "The projected date of {what} is after 9999-12-31 and cannot be written."),
}

reason = {
 "annulled": t("处罚已被撤销，不计入（6.2.1）。", "處罰已被撤銷，不計入（6.2.1）。", "The penalty was annulled: it does not count (6.2.1)."),
 "out_of_scope": t("{field_label}为\"{value_label}\"，不在 {clause} 的范围内。", "{field_label}為「{value_label}」，不在 {clause} 的範圍內。",
                   "{field_label} \"{value_label}\" is outside the scope of {clause}."),
 "not_in_appendix": t("\"{value}\" 不在附录 {appendix} 中，不计入 {clause}。", "\"{value}\" 不在附錄 {appendix} 中，不計入 {clause}。",
                      "\"{value}\" is not in Appendix {appendix}: it does not count under {clause}."),
 "not_effective": t("判决尚未生效，不计入（6.2.3 限于已生效判决）。", "判決尚未生效，不計入（6.2.3 限於已生效判決）。",
                    "The judgment is not effective: 6.2.3 covers effective judgments only."),
 "performed_in_time": t("判决已按时履行，不计入（6.2.3）。", "判決已按時履行，不計入（6.2.3）。", "The judgment was performed in time: it does not count (6.2.3)."),
 "invalid_complaint": t("投诉未经确认为有效（事实未确认），不计入。", "投訴未經確認為有效（事實未確認），不計入。", "The complaint is not valid (facts not confirmed): it does not count."),
 "not_yet": t("日期为 {start}，晚于评定日期：自该日起才计入。", "日期為 {start}，晚於評定日期：自該日起才計入。",
              "Dated {start}, after the evaluation date: it starts counting on that day."),
 "basic.6.1.1.met": t("成立于 {incorporated_on}，已满 {months} 个月（{reached_on} 起）。", "成立於 {incorporated_on}，已滿 {months} 個月（{reached_on} 起）。",
                      "Incorporated on {incorporated_on}: {months} months reached on {reached_on}."),
 "basic.6.1.1.not_met": t("成立于 {incorporated_on}，未满 {months} 个月：{reached_on} 起方可申请。", "成立於 {incorporated_on}，未滿 {months} 個月：{reached_on} 起方可申請。",
                          "Incorporated on {incorporated_on}: less than {months} months; it may apply from {reached_on}."),
 "basic.6.1.2.none": t("此前没有申请记录。", "此前沒有申請記錄。", "No earlier application."),
 "basic.6.1.2.passed": t("最近一次申请（{result_on}）已通过。", "最近一次申請（{result_on}）已通過。", "The latest application ({result_on}) passed."),
 "basic.6.1.2.met": t("最近一次申请于 {result_on} 未通过，已满 {months} 个月（{until} 起可再申请）。", "最近一次申請於 {result_on} 未通過，已滿 {months} 個月（{until} 起可再申請）。",
                      "The latest application failed on {result_on}; {months} months have passed (from {until})."),
 "basic.6.1.2.not_met": t("最近一次申请于 {result_on} 未通过：未满 {months} 个月，{until} 起方可再次申请。", "最近一次申請於 {result_on} 未通過：未滿 {months} 個月，{until} 起方可再次申請。",
                          "The latest application failed on {result_on}: no new application for {months} months, until {until}."),
 "basic.6.1.3.none": t("没有因提供虚假信息而未通过的记录。", "沒有因提供虛假資料而未通過的記錄。", "No failure for false information."),
 "basic.6.1.3.met": t("曾于 {result_on} 因提供虚假信息未通过，已满 {months} 个月（{until} 起）。", "曾於 {result_on} 因提供虛假資料未通過，已滿 {months} 個月（{until} 起）。",
                      "Failed for false information on {result_on}; {months} months have passed (from {until})."),
 "basic.6.1.3.not_met": t("于 {result_on} 因提供虚假信息未通过：未满 {months} 个月，{until} 起方可再次申请。", "於 {result_on} 因提供虛假資料未通過：未滿 {months} 個月，{until} 起方可再次申請。",
                          "Failed for false information on {result_on}: no new application for {months} months, until {until}."),
}
counts = {
 "administrative_penalties": t("处罚决定于 {start}，在决定之日起 {months} 个月内，计入至 {until}（不含）。", "處罰決定於 {start}，在決定之日起 {months} 個月內，計入至 {until}（不含）。",
                               "Penalty decided on {start}, within {months} months of the decision: counts until {until}."),
 "administrative_coercions": t("强制措施自 {start} 起，解除后 {months} 个月内计入，至 {until}（不含）。", "強制措施自 {start} 起，解除後 {months} 個月內計入，至 {until}（不含）。",
                               "Coercive measure since {start}: counts while in force and {months} months after its release, until {until}."),
 "judgments": t("自 {start} 起未履行生效判决：持续期间及发生之日起 {months} 个月内计入，至 {until}（不含）。", "自 {start} 起未履行生效判決：持續期間及發生之日起 {months} 個月內計入，至 {until}（不含）。",
                "Effective judgment not performed from {start}: counts while unperformed and {months} months from that date, until {until}."),
 "criminal_cases": t("案件发生于 {start}：案件持续期间及发生之日起 {months} 个月内计入，至 {until}（不含）。", "案件發生於 {start}：案件持續期間及發生之日起 {months} 個月內計入，至 {until}（不含）。",
                     "Case arose on {start}: counts while open and {months} months from that date, until {until}."),
 "self_regulatory_violations": t("自律组织措施于 {start} 实施：措施期间及之日起 {months} 个月内计入，至 {until}（不含）。", "自律組織措施於 {start} 實施：措施期間及之日起 {months} 個月內計入，至 {until}（不含）。",
                                 "Measure imposed on {start}: counts during the measure and {months} months from that date, until {until}."),
 "community_violations": t("社群处理于 {start}：情况持续期间及之日起 {months} 个月内计入，至 {until}（不含）。", "社群處理於 {start}：情況持續期間及之日起 {months} 個月內計入，至 {until}（不含）。",
                           "Measure imposed on {start}: counts during the measure and {months} months from that date, until {until}."),
 "certification_violations": t("认证于 {start} 被取消：之日起 {months} 个月内计入，至 {until}（不含）。", "認證於 {start} 被取消：之日起 {months} 個月內計入，至 {until}（不含）。",
                               "Certification cancelled on {start}: counts for {months} months, until {until}."),
 "contract_complaints": t("有效投诉于 {start} 受理：受理后 {months} 个月内、未处理期间及处理后 {resolved_months} 个月内计入，至 {until}（不含）。", "有效投訴於 {start} 受理：受理後 {months} 個月內、未處理期間及處理後 {resolved_months} 個月內計入，至 {until}（不含）。",
                          "Valid complaint received on {start}: counts within {months} months of receipt while unresolved or resolved less than {resolved_months} months ago, until {until}."),
 "risk_list_entries": t("于 {start} 列入风险名单：名单有效期内计入，至 {until}（不含）。", "於 {start} 列入風險名單：名單有效期內計入，至 {until}（不含）。",
                        "On the risk list since {start}: counts while listed and valid, until {until}."),
}
counts["commitment_complaints"] = counts["contract_complaints"]
counts_open = {
 "administrative_coercions": t("强制措施自 {start} 起仍未解除：持续计入，解除后再计 {months} 个月。", "強制措施自 {start} 起仍未解除：持續計入，解除後再計 {months} 個月。",
                               "Coercive measure in force since {start} and not released: counts until {months} months after its release."),
 "judgments": t("自 {start} 起仍未履行生效判决：履行前持续计入。", "自 {start} 起仍未履行生效判決：履行前持續計入。",
                "Effective judgment unperformed since {start}: counts until it is performed (and at least {months} months from that date)."),
 "criminal_cases": t("案件发生于 {start}，尚未结案：结案前持续计入。", "案件發生於 {start}，尚未結案：結案前持續計入。",
                     "Case arose on {start} and is still open: counts until it closes (and at least {months} months from that date)."),
 "self_regulatory_violations": t("自律组织措施于 {start} 实施，尚未结束：持续计入。", "自律組織措施於 {start} 實施，尚未結束：持續計入。",
                                 "Measure imposed on {start} and still in force: counts until it ends (and at least {months} months from that date)."),
 "community_violations": t("社群处理于 {start}，尚未结束：持续计入。", "社群處理於 {start}，尚未結束：持續計入。",
                           "Measure imposed on {start} and still in force: counts until it ends (and at least {months} months from that date)."),
 "risk_list_entries": t("于 {start} 列入风险名单，未移出且无有效期限：持续计入。", "於 {start} 列入風險名單，未移出且無有效期限：持續計入。",
                        "On the risk list since {start}, not removed and with no end of validity: counts until removed."),
}
ended = {
 "administrative_penalties": t("处罚决定于 {start}：{months} 个月期限已于 {until} 届满，不再计入。", "處罰決定於 {start}：{months} 個月期限已於 {until} 屆滿，不再計入。",
                               "Penalty decided on {start}: its {months}-month window ended on {until}."),
 "administrative_coercions": t("强制措施于 {end} 解除：解除后 {months} 个月已于 {until} 届满。", "強制措施於 {end} 解除：解除後 {months} 個月已於 {until} 屆滿。",
                               "Measure released on {end}: the {months} months after release ended on {until}."),
 "judgments": t("判决已于 {end} 履行，计入期限已于 {until} 届满。", "判決已於 {end} 履行，計入期限已於 {until} 屆滿。",
                "Judgment performed on {end}; its window ended on {until}."),
 "criminal_cases": t("案件于 {end} 结案，计入期限已于 {until} 届满。", "案件於 {end} 結案，計入期限已於 {until} 屆滿。",
                     "Case closed on {end}; its window ended on {until}."),
 "self_regulatory_violations": t("措施于 {start} 实施，计入期限已于 {until} 届满。", "措施於 {start} 實施，計入期限已於 {until} 屆滿。",
                                 "Measure imposed on {start}; its window ended on {until}."),
 "community_violations": t("处理于 {start}，计入期限已于 {until} 届满。", "處理於 {start}，計入期限已於 {until} 屆滿。",
                           "Measure imposed on {start}; its window ended on {until}."),
 "certification_violations": t("认证于 {start} 被取消，{months} 个月期限已于 {until} 届满。", "認證於 {start} 被取消，{months} 個月期限已於 {until} 屆滿。",
                               "Certification cancelled on {start}; its {months}-month window ended on {until}."),
 "contract_complaints": t("投诉于 {start} 受理，已于 {until} 停止计入（超过受理后 {months} 个月或处理后 {resolved_months} 个月）。", "投訴於 {start} 受理，已於 {until} 停止計入（超過受理後 {months} 個月或處理後 {resolved_months} 個月）。",
                          "Complaint received on {start}; it stopped counting on {until} ({months} months after receipt or {resolved_months} months after resolution)."),
 "risk_list_entries": t("已于 {until} 不在风险名单有效期内（移出或有效期届满）。", "已於 {until} 不在風險名單有效期內（移出或有效期屆滿）。",
                        "No longer listed from {until} (removed or validity ended)."),
}
ended["commitment_complaints"] = ended["contract_complaints"]
for k, v in counts.items(): reason["counts." + k] = v
for k, v in counts_open.items(): reason["counts_open." + k] = v
for k, v in ended.items(): reason["ended." + k] = v

field = {
 "field": t("领域", "領域", "Field"), "type": t("处罚类型", "處罰類型", "Penalty type"),
 "subject": t("对象", "對象", "Subject"), "measure": t("措施", "措施", "Measure"),
 "case_type": t("案件类型", "案件類型", "Case type"), "status": t("案件状态", "案件狀態", "Case status"),
 "contract_type": t("合同类型", "契約類型", "Contract type"), "form": t("承诺形式", "承諾形式", "Commitment form"),
}

plan = {
 "action": {
  "release_coercion": t("请 {decider} 解除强制措施 {record}（{clause} {name}），由机关决定：解除后仍计入至 {counts_until}。",
                        "請 {decider} 解除強制措施 {record}（{clause} {name}），由機關決定：解除後仍計入至 {counts_until}。",
                        "Have {decider} release coercive measure {record} ({clause} {name}); the authority decides. Released today, it counts until {counts_until}."),
  "perform_judgment": t("履行判决 {record}（{clause} {name}），由企业自行完成：今日履行后计入至 {counts_until}。",
                        "履行判決 {record}（{clause} {name}），由企業自行完成：今日履行後計入至 {counts_until}。",
                        "Perform judgment {record} ({clause} {name}); this is in the enterprise's hands. Performed today, it counts until {counts_until}."),
  "close_criminal_case": t("刑事案件 {record}（{clause} {name}）须由 {decider} 结案，企业无法自行决定：今日结案则计入至 {counts_until}。",
                           "刑事案件 {record}（{clause} {name}）須由 {decider} 結案，企業無法自行決定：今日結案則計入至 {counts_until}。",
                           "Criminal case {record} ({clause} {name}) closes only when {decider} says so. Closed today, it would count until {counts_until}."),
  "end_measure": t("请 {decider} 结束措施 {record}（{clause} {name}），由其决定：今日结束则计入至 {counts_until}。",
                   "請 {decider} 結束措施 {record}（{clause} {name}），由其決定：今日結束則計入至 {counts_until}。",
                   "Ask {decider} to end measure {record} ({clause} {name}); they decide. Ended today, it counts until {counts_until}."),
  "resolve_complaint": t("处理投诉 {record}（{clause} {name}），由企业完成：今日处理后计入至 {counts_until}。",
                         "處理投訴 {record}（{clause} {name}），由企業完成：今日處理後計入至 {counts_until}。",
                         "Resolve complaint {record} ({clause} {name}); this is in the enterprise's hands. Resolved today, it counts until {counts_until}."),
  "remove_listing": t("请 {decider} 将记录 {record} 移出风险名单（{clause} {name}），由名单管理方决定：移出后立即不再计入。",
                      "請 {decider} 將記錄 {record} 移出風險名單（{clause} {name}），由名單管理方決定：移出後立即不再計入。",
                      "Ask {decider} to remove listing {record} ({clause} {name}); the list's operator decides. Removed today, it stops counting at once."),
 },
 "effect": {
  "changes_nothing": t("此举单独不会改变 {clause} 的通过日期或最早通过日期。", "此舉單獨不會改變 {clause} 的通過日期或最早通過日期。",
                       "On its own this changes nothing: neither the date {clause} clears nor the earliest pass date moves."),
  "clause_clears": t("{clause} 将于 {clause_clears_on} 通过。", "{clause} 將於 {clause_clears_on} 通過。", "{clause} would clear on {clause_clears_on}."),
  "clause_never": t("{clause} 仍不会自行通过。", "{clause} 仍不會自行通過。", "{clause} would still not clear on its own."),
  "pass_on": t("届时最早可于 {earliest} 通过评定。", "屆時最早可於 {earliest} 通過評定。", "You could pass on {earliest}."),
  "pass_never": t("但仅此一项仍不足以通过评定。", "但僅此一項仍不足以通過評定。", "This alone is not enough to pass."),
 },
 "wait": {
  "basic": t("{clause} {name}：只能等待，{clears_on} 起满足。", "{clause} {name}：只能等待，{clears_on} 起滿足。", "{clause} {name}: only time helps; met from {clears_on}."),
  "basic_never": t("{clause} {name}：按现有记录不会自行满足。", "{clause} {name}：按現有記錄不會自行滿足。", "{clause} {name}: not met on the file's timeline."),
  "clears": t("{clause} {name}：没有可采取的行动，只能等待（或提出异议），{clears_on} 起通过。", "{clause} {name}：沒有可採取的行動，只能等待（或提出異議），{clears_on} 起通過。",
              "{clause} {name}: no action can change it; only time (or a dispute) helps. It clears on {clears_on}."),
  "never": t("{clause} {name}：按现有记录不会自行通过，须记录本身改变。", "{clause} {name}：按現有記錄不會自行通過，須記錄本身改變。",
             "{clause} {name}: does not clear on the file's timeline; a record itself must change."),
 },
}

decider = {
 "administrative_coercions": t("作出措施的机关", "作出措施的機關", "the authority that imposed it"),
 "judgments": t("法院", "法院", "the court"),
 "criminal_cases": t("法院或检察机关", "法院或檢察機關", "the court or prosecutor"),
 "self_regulatory_violations": t("该自律组织", "該自律組織", "the organisation"),
 "community_violations": t("该平台", "該平台", "the platform"),
 "risk_list_entries": t("名单管理方", "名單管理方", "the list's operator"),
}

text = {
 "verdict.pass": t("结论：通过", "結論：通過", "Verdict: pass"),
 "verdict.fail": t("结论：未通过", "結論：未通過", "Verdict: fail"),
 "verdict.invalid": t("结论：无法评定（输入有误）", "結論：無法評定（輸入有誤）", "Verdict: cannot evaluate (invalid input)"),
 "evaluated_on": t("评定日期", "評定日期", "Evaluated on"),
 "earliest": t("最早可通过日期", "最早可通過日期", "Earliest pass date"),
 "earliest_none": t("按现有记录不会自行通过", "按現有記錄不會自行通過", "none on the file's timeline"),
 "clears_on": t("通过日期", "通過日期", "clears on"),
 "never": t("不会自行通过", "不會自行通過", "not on its own"),
 "basic": t("基本要求", "基本要求", "Basic requirements"),
 "indicators": t("指标", "指標", "Indicators"),
 "met": t("满足", "滿足", "met"), "not_met": t("不满足", "不滿足", "not met"),
 "pass": t("通过", "通過", "pass"), "fail": t("未通过", "未通過", "fail"),
 "counts_until": t("计入至", "計入至", "counts until"),
 "warnings": t("提示", "提示", "Warnings"), "errors": t("错误", "錯誤", "Errors"),
 "plan": t("通过路径（辅导）", "通過路徑（輔導）", "Route to passing (counselling)"),
 "plan.doing_nothing": t("不采取行动时最早通过日期", "不採取行動時最早通過日期", "Earliest pass date doing nothing"),
 "plan.all_actions": t("采取全部行动后最早通过日期", "採取全部行動後最早通過日期", "Earliest pass date with every action done today"),
 "plan.actions": t("可采取的行动", "可採取的行動", "Actions"),
 "plan.waits": t("只能等待", "只能等待", "Waits"),
 "plan.disputes": t("若异议成立（不计有异议的记录）", "若異議成立（不計有異議的記錄）", "If the disputes are upheld (disputed records left out)"),
 "plan.none": t("无", "無", "none"),
 "draft_notice": t("本结果为自评草稿，并非认证。", "本結果為自評草稿，並非認證。", "This is a draft self-assessment, not a certification."),
}

mark_code = {
 "not_digits": t("编码只能包含数字和空格。", "編碼只能包含數字和空格。", "The code may contain only digits and spaces."),
 "length": t("编码应为 21 位数字（6+3+8+4），实际为 {count} 位。", "編碼應為 21 位數字（6+3+8+4），實際為 {count} 位。",
             "The code must have 21 digits (6+3+8+4); it has {count}."),
 "region": t("行政区划代码 {division} 不属于粤港澳大湾区（应以 44、81 或 82 开头）。", "行政區劃代碼 {division} 不屬於粵港澳大灣區（應以 44、81 或 82 開頭）。",
             "Division code {division} is not in the Greater Bay Area (it must start with 44, 81 or 82)."),
 "date": t("初评时间 {date} 不是真实日期（YYYYMMDD）。", "初評時間 {date} 不是真實日期（YYYYMMDD）。", "The first evaluation date {date} is not a real date (YYYYMMDD)."),
 "unknown_division": t("注意：行政区划代码 {division} 不在规则数据的列表中。", "注意：行政區劃代碼 {division} 不在規則數據的列表中。",
                       "Note: division code {division} is not in the rule data's list."),
 "spacing": t('空格只能位于四个部分之间（RRRRRR III YYYYMMDD NNNN）。', '空格只能位於四個部分之間（RRRRRR III YYYYMMDD NNNN）。', 'Spaces may only separate the four parts (RRRRRR III YYYYMMDD NNNN).'),
 "well_formed": t("编码格式正确。", "編碼格式正確。", "The code is well formed."),
 "not_well_formed": t("编码格式不正确：", "編碼格式不正確：", "The code is not well formed:"),
}

out = {"error": error, "warning": warning, "reason": reason, "field": field, "plan": plan,
       "decider": decider, "text": text, "mark_code": mark_code}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
