// Issue 15, item 1: the rule data drives the engine. Each test makes one edit an association can
// make with a text editor to a copy of rules/ (read from the source tree), loads it, and shows that
// the engine follows and that the texts agree (their numbers are placeholders); then each kind of
// bad descriptor is refused by the rule check with its JSON path.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "nvcheck/rules_check.hpp"

using namespace test;
using json = nlohmann::json;

namespace {

std::string read_rules_file(const char* name) {
  std::ifstream in(std::string(NVCHECK_SOURCE_DIR) + "/rules/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in, name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A copy of rules/ as an association has it: wq179.json, texts.json, report.json.
struct Copy {
  json standard = json::parse(read_rules_file("wq179.json"));
  std::string texts = read_rules_file("texts.json");
  std::string report = read_rules_file("report.json");
  std::shared_ptr<const Rules> load() const {
    const std::string st = standard.dump(1);
    return load_rules(st, {texts, report});
  }
  std::vector<RuleProblem> problems() const {
    const std::string st = standard.dump(1);
    return check_rules(st, {texts, report});
  }
  json& indicator(const char* clause) {
    for (json& d : standard["indicators"])
      if (d["clause"] == clause) return d;
    FAIL("no indicator " << clause);
    return standard;
  }
  json& field(const char* list, const char* name) {
    for (json& f : standard["record_fields"][list])
      if (f["field"] == name) return f;
    FAIL("no field " << name);
    return standard;
  }
};

Output check(const std::string& f, const char* on, const Rules& r, Lang lang = Lang::en) {
  Options o;
  o.on = day(on);
  o.lang = lang;
  return check_json(f, o, r);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string status(const std::string& result, const char* clause, const char* id) {
  const std::string head = std::string("\"clause\":\"") + clause + "\",\"id\":\"" + id + "\",\"status\":\"";
  const std::size_t at = result.find(head);
  if (at == std::string::npos) return "?";
  return result.substr(at + head.size(), 4);
}

bool has(const std::vector<RuleProblem>& ps, const std::string& path, const std::string& code) {
  return std::any_of(ps.begin(), ps.end(), [&](const RuleProblem& p) { return p.path == path && p.code == code; });
}
std::string listed(const std::vector<RuleProblem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.document + " " + p.path + " " + p.code + "\n";
  return s;
}

const char* const kPenalty =
    R"("administrative_penalties":[{"id":"p1","decided_on":"2025-01-10","field":"labour","type":"property"}])";

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("Rule edit: the unedited copy of rules/ is the built-in rule set") {
    Copy c;
    CHECK_MESSAGE(c.problems().empty(), listed(c.problems()));
    const auto r = c.load();
    // The copy is written again (dump), so its bytes differ and it says "edited" (rules_identity.cpp
    // digests the documents as written); every other byte is the built-in set's.
    std::string copy = check(file(kPenalty), "2026-06-01", *r).text;
    const std::string edited = "\"edited\":true";
    REQUIRE(copy.find(edited) != std::string::npos);
    copy.replace(copy.find(edited), edited.size(), "\"edited\":false");
    CHECK(copy == check(file(kPenalty), "2026-06-01", rules()).text);
  }

  TEST_CASE("Rule edit: a window (6.2.1 window_months 12 -> 24), its reason says 24 in three languages") {
    Copy c;
    c.indicator("6.2.1")["window_months"] = 24;
    const auto r = c.load();
    CHECK(status(check(file(kPenalty), "2026-06-01", rules()).text, "6.2.1", "administrative_penalty") == "pass");
    const std::string en = check(file(kPenalty), "2026-06-01", *r).text;
    CHECK(status(en, "6.2.1", "administrative_penalty") == "fail");
    CHECK(contains(en, "counts for 24 months from \\\"Date of decision\\\", until 10 January 2027"));
    CHECK(contains(check(file(kPenalty), "2026-06-01", *r, Lang::zh_Hans).text, "自“决定日期”起 24 个月内"));
    CHECK(contains(check(file(kPenalty), "2026-06-01", *r, Lang::zh_Hant).text, "自「決定日期」起 24 個月內"));
    CHECK(contains(r->indicators[0].requirements[Lang::en], "24"));
  }

  TEST_CASE("Rule edit: a threshold (6.2.8 threshold 2 -> 1)") {
    Copy c;
    c.indicator("6.2.8")["threshold"] = 1;
    const auto r = c.load();
    const std::string f = file(
        R"("contract_complaints":[{"id":"c1","contract_type":"commercial","valid":true,"received_on":"2026-03-01"}])");
    CHECK(status(check(f, "2026-06-01", rules()).text, "6.2.8", "contract_complaint") == "pass");
    CHECK(status(check(f, "2026-06-01", *r).text, "6.2.8", "contract_complaint") == "fail");
    // The texts that carry the threshold say 1 (report.json note.complaints, the clause's requirements).
    Options o;
    o.on = day("2026-06-01");
    const std::string html = report_html(f, o, *r).text;
    const std::string html_before = report_html(f, o, rules()).text;
    CHECK(html != html_before);
    CHECK(r->indicators[7].threshold == 1);
  }

  TEST_CASE("Rule edit: the incorporation period (6.1.1 months 18 -> 24), the engine and its label agree") {
    Copy c;
    c.standard["basic_requirements"][0]["months"] = 24;
    const auto r = c.load();
    const std::string f = file("", "2025-01-01");
    CHECK(contains(check(f, "2026-09-01", rules()).text, "\"verdict\":\"pass\""));
    const std::string en = check(f, "2026-09-01", *r).text;
    CHECK(contains(en, "\"verdict\":\"fail\""));
    CHECK(contains(en, "2027-01-01"));  // met 24 months after incorporation
    CHECK(item_name(*r, 0, Region::GD, Lang::en) == "Incorporated for at least 24 months");
    CHECK(item_name(*r, 0, Region::HK, Lang::zh_Hant) == "成立滿 24 個月");
  }

  TEST_CASE("Rule edit: an in-scope value removed (6.2.1 field without labour) and added back") {
    Copy c;
    json& scope = c.indicator("6.2.1")["in_scope"]["field"];
    scope.erase(std::find(scope.begin(), scope.end(), "labour"));
    const auto r = c.load();
    const std::string out = check(file(kPenalty), "2025-06-01", *r).text;
    CHECK(status(out, "6.2.1", "administrative_penalty") == "pass");
    CHECK(contains(out, "Labour"));  // the out-of-scope reason names the value by its label
    scope.push_back("labour");
    CHECK(status(check(file(kPenalty), "2025-06-01", *c.load()).text, "6.2.1", "administrative_penalty") == "fail");
  }

  TEST_CASE("Rule edit: a one-off measure (6.2.5 suspension_of_rights made one-off): no duration, no action") {
    Copy c;
    c.indicator("6.2.5")["one_off"].push_back("suspension_of_rights");
    const auto r = c.load();
    const std::string f = file(
        R"("self_regulatory_violations":[{"id":"s1","organization":"A01","measure":"suspension_of_rights","imposed_on":"2025-01-10"}])");
    CHECK(status(check(f, "2026-06-01", rules()).text, "6.2.5", "self_regulatory_violation") == "fail");
    CHECK(status(check(f, "2026-06-01", *r).text, "6.2.5", "self_regulatory_violation") == "pass");
    Options o;
    o.on = day("2025-06-01");
    CHECK(contains(plan_json(f, o, rules()).text, "\"action\":\"end_measure\""));
    CHECK_FALSE(contains(plan_json(f, o, *r).text, "\"action\":\"end_measure\""));
  }

  TEST_CASE("Rule edit: an appendix entry added (A33) and one removed (A01)") {
    Copy c;
    c.standard["appendix_a"].push_back({{"id", "A33"}, {"region", "GD"}, {"name", "新商会"}, {"zh-Hant", "新商會"}, {"en", "New Chamber"}});
    json& a = c.standard["appendix_a"];
    a.erase(a.begin());  // A01
    const auto r = c.load();
    auto rec = [](const char* org) {
      return file(std::string(R"("self_regulatory_violations":[{"id":"s1","organization":")") + org +
                  R"(","measure":"public_censure","imposed_on":"2026-01-01"}])");
    };
    CHECK(status(check(rec("New Chamber"), "2026-06-01", rules()).text, "6.2.5", "self_regulatory_violation") == "pass");
    CHECK(status(check(rec("New Chamber"), "2026-06-01", *r).text, "6.2.5", "self_regulatory_violation") == "fail");
    CHECK(status(check(rec("A01"), "2026-06-01", rules()).text, "6.2.5", "self_regulatory_violation") == "fail");
    const std::string out = check(rec("A01"), "2026-06-01", *r).text;
    CHECK(status(out, "6.2.5", "self_regulatory_violation") == "pass");
    CHECK(contains(out, "Appendix A"));
  }

  TEST_CASE("Rule edit: a label renamed (the enumeration value labour) shows in the reasons") {
    Copy c;
    c.standard["enums"]["field"]["labour"]["en"] = "Employment";
    c.indicator("6.2.1")["in_scope"]["field"] = json::array({"market_regulation"});
    const auto r = c.load();
    const std::string out = check(file(kPenalty), "2025-06-01", *r).text;
    CHECK(contains(out, "Employment"));
    CHECK_FALSE(contains(out, "Labour"));
  }

  TEST_CASE("Rule edit: a mark part's digits (institution 3 -> 4) and the colour") {
    Copy c;
    c.standard["mark"]["parts"][1]["digits"] = 4;
    c.standard["mark"]["parts"][1]["format"] = "IIII";
    c.standard["mark"]["colour"] = "#123456";
    const auto r = c.load();
    CHECK(check_mark_code("440300 001 20250110 1234", rules(), Lang::en).well_formed);
    const MarkCodeCheck old_code = check_mark_code("440300 001 20250110 1234", *r, Lang::en);
    CHECK_FALSE(old_code.well_formed);
    REQUIRE_FALSE(old_code.problems.empty());
    CHECK(old_code.problems[0] == "The code must have 22 digits (6+4+8+4); it has 21.");
    const MarkCodeCheck zh = check_mark_code("440300 001 20250110 1234", *r, Lang::zh_Hans);
    CHECK(zh.problems[0] == "编码应为 22 位数字（6+4+8+4），实际为 21 位。");
    const MarkCodeCheck code = check_mark_code("440300 0001 20250110 1234", *r, Lang::en);
    CHECK(code.well_formed);
    CHECK(code.normalised == "440300 0001 20250110 1234");
    CHECK(code.first_evaluation == "2025-01-10");
    const MarkCodeCheck spaced = check_mark_code("440300 001 20250110 1234 1", *r, Lang::en);
    CHECK_FALSE(spaced.well_formed);
    CHECK(spaced.problems[0] == "Spaces may only separate the parts (RRRRRR IIII YYYYMMDD NNNN).");
    Options o;
    o.on = day("2026-06-01");
    CHECK(contains(report_html(file(""), o, *r).text, "#123456"));
    CHECK_FALSE(contains(report_html(file(""), o, rules()).text, "#123456"));
  }

  TEST_CASE("Rule edit: where a window runs from (6.2.2 window_from released_on -> started_on)") {
    Copy c;
    c.indicator("6.2.2")["window_from"] = "started_on";
    const auto r = c.load();
    const std::string f = file(
        R"("administrative_coercions":[{"id":"k1","subject":"enterprise","measure":"seizure","started_on":"2024-06-01","released_on":"2024-08-01"}])");
    // From the release: counts until 2025-08-01; from the start: until 2025-06-01.
    CHECK(status(check(f, "2025-07-01", rules()).text, "6.2.2", "administrative_coercion") == "fail");
    CHECK(status(check(f, "2025-07-01", *r).text, "6.2.2", "administrative_coercion") == "pass");
    CHECK(status(check(f, "2025-05-01", *r).text, "6.2.2", "administrative_coercion") == "fail");
    // The reasons name the date the window runs from by its label in the data, not the release.
    const std::string released = check(f, "2025-05-01", rules()).text;
    CHECK(contains(released, "for 12 months from \\\"Date released\\\""));
    CHECK(contains(check(f, "2025-05-01", *r).text, "for 12 months from \\\"Date imposed\\\", until 1 June 2025"));
    CHECK(contains(check(f, "2025-05-01", *r, Lang::zh_Hans).text, "持续期间及自“采取日期”起 12 个月内计入"));
    CHECK(contains(check(f, "2025-05-01", *r, Lang::zh_Hant).text, "持續期間及自「採取日期」起 12 個月內計入"));
    CHECK(contains(check(f, "2025-07-01", *r).text, "the 12 months from \\\"Date imposed\\\" ended on 1 June 2025"));
    // An open measure: counted until 12 months from the date the data names.
    const std::string open = file(
        R"("administrative_coercions":[{"id":"k1","subject":"enterprise","measure":"seizure","started_on":"2024-06-01"}])");
    CHECK(contains(check(open, "2025-07-01", *r).text, "counts until 12 months from \\\"Date imposed\\\""));
    // The date's label renamed in the data: the reason follows.
    c.field("administrative_coercions", "started_on")["label"]["en"] = "Day of the seizure";
    CHECK(contains(check(f, "2025-05-01", *c.load()).text, "for 12 months from \\\"Day of the seizure\\\""));
  }

  TEST_CASE("Rule edit: a clause's number (6.2.1 -> 6.2.1A) is the one the flag reasons name") {
    Copy c;
    c.indicator("6.2.1")["clause"] = "6.2.1A";
    json& law = c.standard["groups"][0]["indicators"];
    *std::find(law.begin(), law.end(), "6.2.1") = "6.2.1A";
    REQUIRE_MESSAGE(c.problems().empty(), listed(c.problems()));
    const auto r = c.load();
    const std::string f = file(
        R"("administrative_penalties":[{"id":"p1","decided_on":"2026-01-10","field":"labour","type":"property","annulled":true}])");
    CHECK(contains(check(f, "2026-06-01", *r).text, "The penalty was annulled: it does not count (6.2.1A)."));
    CHECK(contains(check(f, "2026-06-01", *r, Lang::zh_Hans).text, "处罚已被撤销，不计入（6.2.1A）。"));
    CHECK(contains(check(f, "2026-06-01", rules()).text, "it does not count (6.2.1)."));
    // The report's note on the complaints names the complaints' clauses of the data.
    Copy d;
    d.indicator("6.2.9")["clause"] = "6.2.9A";
    json& commitments = d.standard["groups"][2]["indicators"];
    *std::find(commitments.begin(), commitments.end(), "6.2.9") = "6.2.9A";
    REQUIRE_MESSAGE(d.problems().empty(), listed(d.problems()));
    Options o;
    o.on = day("2026-06-01");
    o.lang = Lang::en;
    CHECK(contains(report_html(file(""), o, rules()).text, "reading of clauses 6.2.8 and 6.2.9:"));
    CHECK(contains(report_html(file(""), o, *d.load()).text, "reading of clauses 6.2.8 and 6.2.9A:"));
    o.lang = Lang::zh_Hans;
    CHECK(contains(report_html(file(""), o, *d.load()).text, "第 6.2.8、6.2.9A 条"));
  }

  TEST_CASE("Rule edit: a region's division prefix (MO 82 -> 83): the mark code's region message lists it") {
    Copy c;
    c.standard["regions"]["MO"]["division_prefix"] = "83";
    const auto r = c.load();
    const char* code = "990000 001 20250110 1234";
    auto first = [&](const Rules& rules, Lang l) {
      const MarkCodeCheck m = check_mark_code(code, rules, l);
      REQUIRE_FALSE(m.problems.empty());
      return m.problems[0];
    };
    CHECK(first(rules(), Lang::en) == "Division code 990000 is not in the Greater Bay Area (it must start with 44, 81 or 82).");
    CHECK(first(*r, Lang::en) == "Division code 990000 is not in the Greater Bay Area (it must start with 44, 81 or 83).");
    CHECK(first(*r, Lang::zh_Hans) == "行政区划代码 990000 不属于粤港澳大湾区（应以 44、81 或 83 开头）。");
    CHECK(first(*r, Lang::zh_Hant) == "行政區劃代碼 990000 不屬於粵港澳大灣區（應以 44、81 或 83 開頭）。");
    CHECK(check_mark_code("830000 001 20250110 1234", *r, Lang::en).problems.empty());
    CHECK_FALSE(check_mark_code("820000 001 20250110 1234", *r, Lang::en).problems.empty());
  }

  TEST_CASE("Rule edit: who decides an end event is the field the list's end_event names (decider)") {
    const std::string f = file(
        R"("administrative_coercions":[{"id":"k1","subject":"enterprise","measure":"seizure","started_on":"2026-03-01","authority":"Futian Bureau","cause":"unpaid fees"}])");
    Options o;
    o.on = day("2026-06-01");
    CHECK(contains(plan_json(f, o, rules()).text, "Have Futian Bureau release"));
    Copy c;  // no decider: the list's own words
    c.indicator("6.2.2")["end_event"].erase("decider");
    CHECK(contains(plan_json(f, o, *c.load()).text, "Have the authority that imposed it release"));
    Copy d;  // another field names who decides
    d.field("administrative_coercions", "cause")["role"] = "source";
    d.indicator("6.2.2")["end_event"]["decider"] = "cause";
    REQUIRE_MESSAGE(d.problems().empty(), listed(d.problems()));
    CHECK(contains(plan_json(f, o, *d.load()).text, "Have unpaid fees release"));
  }

  TEST_CASE("Rule edit: a required field (penalty authority) and the order of the checks (6.2.1)") {
    Copy c;
    c.field("administrative_penalties", "authority")["required"] = true;
    const auto r = c.load();
    Options o;
    o.on = day("2026-06-01");
    const Prepared p = prepare(file(kPenalty), o, *r);
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].path == "/records/administrative_penalties/0/authority");
    CHECK(p.errors[0].code == "missing_field");
    CHECK(prepare(file(kPenalty), o, rules()).errors.empty());
    // An annulled penalty outside the scope: by default the flag decides the reason first.
    Copy d;
    const std::string f = file(
        R"("administrative_penalties":[{"id":"p1","decided_on":"2026-01-10","field":"other","type":"property","annulled":true}])");
    d.indicator("6.2.1")["checks"] = json::array({"in_scope", "flags"});
    CHECK(contains(check(f, "2026-06-01", rules()).text, "annulled"));
    CHECK_FALSE(contains(check(f, "2026-06-01", *d.load()).text, "nnulled"));
  }

  TEST_CASE("Rule edit: the report's classes follow groups[].indicators") {
    Copy c;
    // 6.2.4 moved from "law" to "other": its table comes after 6.2.10's heading.
    json& law = c.standard["groups"][0]["indicators"];
    law.erase(std::find(law.begin(), law.end(), "6.2.4"));
    c.standard["groups"][3]["indicators"].push_back("6.2.4");
    const auto r = c.load();
    Options o;
    o.on = day("2026-06-01");
    const std::string before = report_html(file(""), o, rules()).text, after = report_html(file(""), o, *r).text;
    const auto pos = [](const std::string& html, const char* what) { return html.find(what); };
    const char* table = "<p class=\"clause-line\">6.2.4 ";
    REQUIRE(pos(before, table) != std::string::npos);
    REQUIRE(pos(after, table) != std::string::npos);
    CHECK(pos(before, table) < pos(before, "id=\"other-status\""));
    CHECK(pos(after, table) > pos(after, "id=\"other-status\""));
  }

  TEST_CASE("Rule edit: the report's record tables follow report_columns (fields, order, labels)") {
    const std::string f = file(
        R"("administrative_coercions":[{"id":"k1","subject":"enterprise","measure":"seizure","started_on":"2026-03-01","released_on":"2026-04-02","authority":"Futian Bureau"}])");
    Options o;
    o.on = day("2026-06-01");
    o.lang = Lang::en;
    auto table = [&](const Rules& r) {  // the coercions' table head and first row
      const std::string html = report_html(f, o, r).text;
      const std::size_t from = html.find("<p class=\"clause-line\">6.2.2 ");
      REQUIRE(from != std::string::npos);
      const std::size_t to = html.find("</table>", from);
      return html.substr(from, to - from);
    };
    const std::string before = table(rules());
    CHECK_FALSE(contains(before, "2026/04/02"));  // Table E.1 prints no release date
    Copy c;
    // A column of the release date (no printed label: its field's label), and the authority's
    // column headed by its field's label instead of the printed one.
    json& cols = c.standard["report_columns"]["administrative_coercions"];
    cols.push_back({{"field", "released_on"}});
    cols[1].erase("head");
    REQUIRE_MESSAGE(c.problems().empty(), listed(c.problems()));
    const std::string after = table(*c.load());
    CHECK(contains(after, "<th>Date released</th>"));
    CHECK(contains(after, "<td><span class=\"nw\">2026/04/02</span></td>"));
    CHECK(contains(after, "<th>Authority</th>"));
    CHECK(after.find("<th>Authority</th>") < after.find("<th>Date released</th>"));
    // A field's label renamed: the column's head follows.
    c.field("administrative_coercions", "released_on")["label"]["en"] = "Day the seizure ended";
    CHECK(contains(table(*c.load()), "<th>Day the seizure ended</th>"));
    // The columns in another order.
    Copy d;
    json& dc = d.standard["report_columns"]["administrative_coercions"];
    std::swap(dc[0], dc[3]);
    const std::string swapped = table(*d.load());
    const std::string cause = "<th>" + rules().text("report.e1_en.col.cause", Lang::en) + "</th>";
    const std::string measure = "<th>" + rules().text("report.e1.col.coercive_measure", Lang::en) + "</th>";
    REQUIRE(before.find(measure) != std::string::npos);
    CHECK(before.find(cause) < before.find(measure));
    CHECK(swapped.find(measure) < swapped.find(cause));
  }

  TEST_CASE("Rule check: each kind of bad record field or counting descriptor is refused with its path") {
    struct Bad {
      const char* what;
      void (*edit)(Copy&);
      const char* path;
      const char* code;
    };
    const Bad bads[] = {
        {"unknown kind", [](Copy& c) { c.field("judgments", "court")["kind"] = "number"; },
         "/record_fields/judgments/5/kind", "unknown_value"},
        {"unknown role", [](Copy& c) { c.field("judgments", "court")["role"] = "judge"; },
         "/record_fields/judgments/5/role", "unknown_value"},
        {"role of another kind", [](Copy& c) { c.field("judgments", "court")["role"] = "start"; },
         "/record_fields/judgments/5/role", "role_kind"},
        {"duplicate field", [](Copy& c) { c.field("judgments", "court")["field"] = "cause"; },
         "/record_fields/judgments/6/field", "duplicate_value"},
        {"required not a boolean", [](Copy& c) { c.field("judgments", "court")["required"] = "yes"; },
         "/record_fields/judgments/5/required", "not_boolean"},
        {"two start fields", [](Copy& c) { c.field("judgments", "decided_on")["role"] = "start"; },
         "/record_fields/judgments", "role_count"},
        {"a list missing", [](Copy& c) { c.standard["record_fields"].erase("judgments"); },
         "/record_fields/judgments", "missing"},
        {"window_from not a date field", [](Copy& c) { c.indicator("6.2.1")["window_from"] = "authority"; },
         "/indicators/0/window_from", "not_date_field"},
        {"window_from not a field of the list", [](Copy& c) { c.indicator("6.2.1")["window_from"] = "released_on"; },
         "/indicators/0/window_from", "not_date_field"},
        {"window_from optional without a reason",
         [](Copy& c) { c.field("administrative_penalties", "decided_on").erase("required"); },
         "/indicators/0/window_from", "window_from_optional"},
        {"a flag that is not a bool field", [](Copy& c) { c.indicator("6.2.1")["flags"] = {{"authority", false}}; },
         "/indicators/0/flags/authority", "not_flag_field"},
        {"a flag's value not a boolean", [](Copy& c) { c.indicator("6.2.1")["flags"]["annulled"] = "no"; },
         "/indicators/0/flags/annulled", "not_boolean"},
        {"ongoing_until not the end field", [](Copy& c) { c.indicator("6.2.2")["ongoing_until"] = "started_on"; },
         "/indicators/1/ongoing_until", "not_end_field"},
        {"appendix_field not an appendix field", [](Copy& c) { c.indicator("6.2.5")["appendix_field"] = "matter"; },
         "/indicators/4/appendix_field", "not_appendix_field"},
        {"appendix other than its field's", [](Copy& c) { c.indicator("6.2.5")["appendix"] = "B"; },
         "/indicators/4/appendix", "wrong_appendix"},
        {"unknown counting", [](Copy& c) { c.indicator("6.2.1")["counting"] = "forever"; },
         "/indicators/0/counting", "unknown_value"},
        {"counting missing", [](Copy& c) { c.indicator("6.2.1").erase("counting"); },
         "/indicators/0/counting", "missing"},
        {"unknown check", [](Copy& c) { c.indicator("6.2.3")["checks"][0] = "mood"; },
         "/indicators/2/checks/0", "unknown_value"},
        {"one-off on a window", [](Copy& c) { c.indicator("6.2.7")["one_off"] = json::array({"cancellation"}); },
         "/indicators/6/one_off", "one_off_shape"},
        {"in_scope of a field that is not a scope field", [](Copy& c) { c.indicator("6.2.1")["in_scope"]["cause"] = json::array(); },
         "/indicators/0/in_scope/cause", "unknown_field"},
        {"end_event decided by nobody known", [](Copy& c) { c.indicator("6.2.2")["end_event"]["by"] = "court"; },
         "/indicators/1/end_event/by", "unknown_value"},
        {"end_event's decider a field that names nobody", [](Copy& c) { c.indicator("6.2.2")["end_event"]["decider"] = "cause"; },
         "/indicators/1/end_event/decider", "not_decider_field"},
        {"end_event's decider not a field of the list", [](Copy& c) { c.indicator("6.2.2")["end_event"]["decider"] = "court"; },
         "/indicators/1/end_event/decider", "not_decider_field"},
        {"a report column of the record no.", [](Copy& c) { c.standard["report_columns"]["judgments"][0]["field"] = "id"; },
         "/report_columns/judgments/0/field", "not_report_field"},
        {"a report column of no field of the list", [](Copy& c) { c.standard["report_columns"]["judgments"][1]["under"] = json::array({"matter"}); },
         "/report_columns/judgments/1/under/0", "not_report_field"},
        {"a report column's category of a field that is no appendix", [](Copy& c) { c.standard["report_columns"]["judgments"][1]["show"] = "category"; },
         "/report_columns/judgments/1/show", "unknown_value"},
        {"a group naming no indicator", [](Copy& c) { c.standard["groups"][0]["indicators"].push_back("6.2.11"); },
         "/groups/0/indicators/4", "unknown_value"},
        {"an indicator in no group", [](Copy& c) { c.standard["groups"][3]["indicators"] = json::array(); },
         "/indicators/9/clause", "not_in_group"},
        {"a mark part without digits", [](Copy& c) { c.standard["mark"]["parts"][2].erase("digits"); },
         "/mark/parts/2/digits", "missing"},
        {"no colour", [](Copy& c) { c.standard["mark"].erase("colour"); }, "/mark/colour", "missing"},
    };
    for (const Bad& b : bads) {
      CAPTURE(b.what);
      Copy c;
      b.edit(c);
      const auto ps = c.problems();
      CHECK_MESSAGE(has(ps, b.path, b.code), listed(ps));
      CHECK_THROWS_AS(c.load(), RulesError);
      // Each problem reads in the three languages, with its path and no placeholder left.
      const auto messages = builtin_rules();
      for (const RuleProblem& p : ps)
        for (Lang l : {Lang::zh_Hans, Lang::zh_Hant, Lang::en}) {
          const std::string m = rule_problem_text(p, *messages, l);
          CHECK_MESSAGE(m.find("rules_check.") == std::string::npos, m);
          CHECK_MESSAGE(m.find(p.path.empty() ? "/" : p.path) != std::string::npos, m);
          CHECK_MESSAGE(m.find('{') == std::string::npos, m);
        }
    }
  }
  TEST_CASE("Rule edit: the report's note on dates follows report_columns (a column changed, a label renamed)") {
    Options o;
    o.on = day("2026-06-01");
    o.lang = Lang::en;
    auto note = [&](const Rules& r) {  // the note's lines
      const std::string html = report_html(file(""), o, r).text;
      const std::size_t from = html.find("Dates in the tables are");
      REQUIRE(from != std::string::npos);
      return html.substr(from, html.find("</p>", from) - from);
    };
    const std::string before = note(rules());
    CHECK(contains(before, "&quot;Date of decision&quot; is the record&#39;s &quot;Date imposed&quot;"));  // 6.2.2
    CHECK(contains(before, "&quot;Date of decision&quot; is the record&#39;s &quot;Date the case arose&quot;"));  // 6.2.4
    Copy c;  // the coercions' date column shows the release date; the criminal case's date is renamed
    c.standard["report_columns"]["administrative_coercions"][2]["field"] = "released_on";
    c.field("criminal_cases", "arose_on")["label"]["en"] = "Day the case was opened";
    REQUIRE_MESSAGE(c.problems().empty(), listed(c.problems()));
    const std::string after = note(*c.load());
    CHECK(contains(after, "&quot;Date of decision&quot; is the record&#39;s &quot;Date released&quot;"));
    CHECK_FALSE(contains(after, "&quot;Date imposed&quot;.<br>Court"));
    CHECK(contains(after, "&quot;Date of decision&quot; is the record&#39;s &quot;Day the case was opened&quot;"));
    // A date column removed from the table: the note no longer speaks of it.
    Copy d;
    json& risk = d.standard["report_columns"]["risk_list_entries"];
    for (std::size_t k = 0; k < risk.size(); ++k)
      if (risk[k]["field"] == "listed_on") risk.erase(k);
    REQUIRE_MESSAGE(d.problems().empty(), listed(d.problems()));
    CHECK(contains(before, "&quot;Date listed&quot;"));
    CHECK_FALSE(contains(note(*d.load()), "&quot;Date listed&quot;"));
  }

  TEST_CASE("Rule edit: Table E.1's record-table titles are the report data's (report.json e1.table.<list>)") {
    Options o;
    o.on = day("2026-06-01");
    o.lang = Lang::zh_Hans;
    const std::string title = rules().text("report.e1.table.judgments", Lang::zh_Hans);
    REQUIRE(title != "report.e1.table.judgments");
    CHECK(contains(report_html(file(""), o, rules()).text, "<h4>" + title + "</h4>"));
    Copy c;
    json report = json::parse(c.report);
    report["report"]["e1"]["table"]["judgments"]["zh-Hans"] = "法院裁判信息";
    c.report = report.dump(1);
    const std::string html = report_html(file(""), o, *c.load()).text;
    CHECK(contains(html, "<h4>法院裁判信息</h4>"));
    CHECK_FALSE(contains(html, "<h4>" + title + "</h4>"));
  }

  TEST_CASE("Rule edit: the page's help lines name the regions, the division code's digits and the appendix from the data") {
    auto help = [](const Rules& r, const char* key, Lang l = Lang::en) {
      const json summary = json::parse(rules_summary_json(r));
      return summary["texts"][key][kLangCodes[static_cast<std::size_t>(l)]].get<std::string>();
    };
    CHECK(help(rules(), "help.enterprise.region") ==
          "Where the enterprise is registered: Guangdong, Hong Kong SAR or Macao SAR. It decides the indicator names of "
          "Table 1 and the division codes offered.");
    CHECK(contains(help(rules(), "help.enterprise.region", Lang::zh_Hans), "广东省、香港特别行政区或澳门特别行政区"));
    CHECK(contains(help(rules(), "help.enterprise.division_code.GD"), "The 6-digit"));
    CHECK(contains(help(rules(), "help.enterprise.division_code.GD"), "the codes of Guangdong are offered"));
    CHECK(help(rules(), "help.enterprise.division_code.MO", Lang::zh_Hant) == "澳門特別行政區的代碼，輸入時會列出。");
    CHECK(contains(help(rules(), "help.organization"), "(Appendix A)"));
    CHECK(contains(help(rules(), "help.list"), "(Appendix D)"));
    // No help line of the page keeps a placeholder.
    const json summary = json::parse(rules_summary_json(rules()));
    for (auto it = summary["texts"].begin(); it != summary["texts"].end(); ++it)
      if (it.key().rfind("help.", 0) == 0)
        for (const auto& v : *it) CHECK_MESSAGE(v.get<std::string>().find('{') == std::string::npos, it.key());
    // The texts as written name no region and no count of digits: the data does.
    for (const auto& [key, text] : rules().texts) {
      if (key.rfind("help.", 0) != 0) continue;
      for (const Lang l : {Lang::zh_Hans, Lang::zh_Hant, Lang::en}) {
        for (const Text3& region : rules().region_labels) CHECK_MESSAGE(!contains(text[l], region[l]), key);
        for (const char* word : {"Guangdong", "Hong Kong", "Macao", "广东", "香港", "澳门", "廣東", "澳門", "6-digit", "6 位", "GB/T"})
          CHECK_MESSAGE(!contains(text[l], word), key << ": " << word);
      }
    }
    Copy c;  // a region renamed, the division part of the mark code given 7 digits
    c.standard["regions"]["GD"]["label"]["en"] = "Guangdong Province";
    c.standard["mark"]["parts"][0]["digits"] = 7;
    const auto r = c.load();
    CHECK(contains(help(*r, "help.enterprise.region"), "Guangdong Province, Hong Kong SAR or Macao SAR."));
    CHECK(contains(help(*r, "help.enterprise.division_code.GD"), "The 7-digit"));
    CHECK(contains(help(*r, "help.enterprise.division_code.GD"), "the codes of Guangdong Province are offered"));
  }

  TEST_CASE("Rule edit: an unknown value's message lists the allowed values by their labels, in the language") {
    const std::string f = R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":"a","region":"CN","incorporated_on":"2020-01-01"},)"
                          R"("application":{"previous":[{"result_on":"2025-01-01","outcome":"withdrawn"}]},)"
                          R"("records":{"risk_list_entries":[{"id":"r1","list":"x","listed_on":"2026-01-01"}]}})";
    auto messages = [&](const Rules& r, Lang l) {
      std::string all;
      const json result = json::parse(check(f, "2026-06-01", r, l).text);
      for (const auto& e : result["errors"]) all += e["message"].get<std::string>() + "\n";
      return all;
    };
    const std::string en = messages(rules(), Lang::en);
    CHECK(contains(en, "allowed: Guangdong, Hong Kong SAR or Macao SAR."));
    CHECK(contains(en, "allowed: Passed or Failed."));
    CHECK(contains(en, rules().appendices[3].entries[0].display[Lang::en] + ", "));
    CHECK(contains(en, " or other (not in the appendix)."));
    for (const char* code : {"GD, HK", "failed, passed", "passed, failed", "credit_overdue", ", other"})
      CHECK_MESSAGE(!contains(en, code), code);
    CHECK(contains(messages(rules(), Lang::zh_Hans), "可选值：广东省、香港特别行政区或澳门特别行政区。"));
    CHECK(contains(messages(rules(), Lang::zh_Hant), "可選值：通過或未通過。"));
    Copy c;  // a label renamed: the message follows (the copy is written with its keys sorted)
    c.standard["enums"]["outcome"]["failed"]["en"] = "Not passed";
    CHECK(contains(messages(*c.load(), Lang::en), "allowed: Not passed or Passed."));
  }

  TEST_CASE("Rule edit: who decides, in the plan's words, is the field the list's end_event.decider names") {
    const std::string f = file(
        R"("administrative_coercions":[{"id":"k1","subject":"enterprise","measure":"seizure","started_on":"2026-03-01","authority":"Futian Bureau"}],)"
        R"("judgments":[{"id":"j1","case_type":"civil","effective":true,"nonperformance_from":"2026-02-01","decided_on":"2026-01-01","court":"Nansha Court"}])");
    Options o;
    o.on = day("2026-06-01");
    auto decider = [&](const Rules& r, const char* record) {
      const json plan = json::parse(plan_json(f, o, r).text);
      for (const auto& a : plan["actions"])
        if (a["record"] == record) return a["decider"].get<std::string>();
      return std::string("?");
    };
    CHECK(decider(rules(), "k1") == "Futian Bureau");
    CHECK(decider(rules(), "j1") == "the enterprise itself");  // performing a judgment: end_event.by
    Copy c;  // no decider: the list's own words
    c.indicator("6.2.2")["end_event"].erase("decider");
    CHECK(decider(*c.load(), "k1") == "the authority that imposed it");
    json texts = json::parse(c.texts);  // nor the list's words: who brings it about (end_event.by)
    texts["decider"].erase("administrative_coercions");
    c.texts = texts.dump(1);
    const auto r = c.load();
    CHECK(decider(*r, "k1") == "the authority");
    CHECK(contains(plan_json(f, o, *r).text, "Have the authority release"));
    Copy d;  // another field names who decides
    d.field("administrative_coercions", "cause")["role"] = "source";
    d.indicator("6.2.2")["end_event"]["decider"] = "cause";
    const std::string g = file(
        R"("administrative_coercions":[{"id":"k1","subject":"enterprise","measure":"seizure","started_on":"2026-03-01","authority":"Futian Bureau","cause":"the tax office"}])");
    const json plan = json::parse(plan_json(g, o, *d.load()).text);
    CHECK(plan["actions"][0]["decider"] == "the tax office");
  }
  TEST_CASE("Rule edit: the report follows each kind of edit, its words agreeing with the engine") {
    Options o;
    o.on = day("2026-06-01");
    o.lang = Lang::en;
    auto report = [&](const std::string& f, const Rules& r) { return report_html(f, o, r).text; };
    {  // a window: 6.2.1 12 -> 24 months
      Copy c;
      c.indicator("6.2.1")["window_months"] = 24;
      const std::string h = report(file(kPenalty), *c.load());
      CHECK(contains(h, "counts for 24 months from &quot;Date of decision&quot;, until 10 January 2027."));
      CHECK_FALSE(contains(report(file(kPenalty), rules()), "counts for 24 months"));
    }
    {  // a threshold: 6.2.8 2 -> 1, the note on complaints says it
      Copy c;
      c.indicator("6.2.8")["threshold"] = 1;
      c.indicator("6.2.9")["threshold"] = 1;
      const std::string h = report(file(""), *c.load());
      CHECK(contains(h, "the indicator fails when 1 or more complaints count."));
      CHECK(contains(report(file(""), rules()), "the indicator fails when 2 or more complaints count."));
    }
    {  // an incorporation period: 6.1.1 18 -> 24 months
      Copy c;
      c.standard["basic_requirements"][0]["months"] = 24;
      const std::string h = report(file("", "2025-01-01"), *c.load());
      CHECK(contains(h, "Incorporated for at least 24 months"));
      CHECK_FALSE(contains(h, "at least 18 months"));
    }
    {  // an in-scope value: oral commitments counted (6.2.9), the note no longer leaves them out
      const std::string before = report(file(""), rules());
      CHECK(contains(before, "6.2.9: a complaint whose &quot;Commitment form&quot; is Oral commitment does not count."));
      Copy c;
      c.indicator("6.2.9")["in_scope"]["form"].push_back("oral");
      const std::string h = report(file(""), *c.load());
      CHECK_FALSE(contains(h, "Oral commitment does not count"));
      CHECK(contains(h, "6.2.8: a complaint whose &quot;Contract type&quot; is Other does not count."));
      c.indicator("6.2.8")["in_scope"]["contract_type"] = json::array({"commercial"});
      CHECK(contains(report(file(""), *c.load()), "6.2.8: a complaint whose &quot;Contract type&quot; is Labour contract or Other does not count."));
    }
    {  // a one-off measure: the report's route to passing has no action for it
      const std::string f = file(
          R"("self_regulatory_violations":[{"id":"s1","organization":"A01","measure":"suspension_of_rights","imposed_on":"2026-01-10"}])");
      CHECK(contains(report(f, rules()), "to end the measure imposed on 10 January 2026"));
      Copy c;
      c.indicator("6.2.5")["one_off"].push_back("suspension_of_rights");
      CHECK_FALSE(contains(report(f, *c.load()), "to end the measure imposed on 10 January 2026"));
    }
    {  // an appendix entry added and one removed: the report names the new one, and says the old one is not listed
      Copy c;
      c.standard["appendix_a"].push_back({{"id", "A33"}, {"region", "GD"}, {"name", "新商会"}, {"zh-Hant", "新商會"}, {"en", "New Chamber"}});
      json& a = c.standard["appendix_a"];
      const std::string first = a[0]["en"].get<std::string>();
      a.erase(a.begin());
      const auto r = c.load();
      auto rec = [](const char* org) {
        return file(std::string(R"("self_regulatory_violations":[{"id":"s1","organization":")") + org +
                    R"(","measure":"public_censure","imposed_on":"2026-01-01"}])");
      };
      CHECK(contains(report(rec("新商会"), *r), ">New Chamber<"));
      const std::string gone = report(rec("A01"), *r);
      CHECK_FALSE(contains(gone, first));
      CHECK(contains(gone, "not in Appendix A"));
      CHECK(contains(report(rec("A01"), rules()), first));
    }
    {  // a label renamed: the report's table and the out-of-scope reason use it
      Copy c;
      c.standard["enums"]["field"]["labour"]["en"] = "Employment";
      c.indicator("6.2.1")["in_scope"]["field"] = json::array({"market_regulation"});
      const std::string h = report(file(kPenalty), *c.load());
      CHECK(contains(h, "Employment"));
      CHECK_FALSE(contains(h, "Labour and employment"));
    }
  }
  TEST_CASE("Rule edit: the plan follows each kind of edit (window, threshold, incorporation, scope, appendix)") {
    auto plan = [](const std::string& f, const char* on, const Rules& r) {
      Options o;
      o.on = day(on);
      return json::parse(plan_json(f, o, r).text);
    };
    auto wait_until = [](const json& p, const char* clause) {
      for (const auto& w : p["waits"])
        if (w["clause"] == clause) return w["clears_on"].is_null() ? std::string("null") : w["clears_on"].get<std::string>();
      return std::string("none");
    };
    {  // a window: 6.2.1 12 -> 24 months, the wait ends a year later
      Copy c;
      c.indicator("6.2.1")["window_months"] = 24;
      CHECK(wait_until(plan(file(kPenalty), "2025-06-01", rules()), "6.2.1") == "2026-01-10");
      const json p = plan(file(kPenalty), "2025-06-01", *c.load());
      CHECK(wait_until(p, "6.2.1") == "2027-01-10");
      CHECK(contains(p.dump(), "10 January 2027"));
    }
    {  // a threshold: one complaint now fails 6.2.8, and resolving it is the action
      Copy c;
      c.indicator("6.2.8")["threshold"] = 1;
      const std::string f = file(
          R"("contract_complaints":[{"id":"c1","contract_type":"commercial","valid":true,"received_on":"2026-03-01"}])");
      CHECK(plan(f, "2026-06-01", rules())["actions"].empty());
      const json p = plan(f, "2026-06-01", *c.load());
      REQUIRE(p["actions"].size() == 1);
      CHECK(p["actions"][0]["action"] == "resolve_complaint");
    }
    {  // an incorporation period: 6.1.1 18 -> 24 months
      Copy c;
      c.standard["basic_requirements"][0]["months"] = 24;
      const json p = plan(file("", "2025-01-01"), "2026-09-01", *c.load());
      CHECK(wait_until(p, "6.1.1") == "2027-01-01");
      CHECK(contains(p.dump(), "Incorporated for at least 24 months"));
    }
    {  // an in-scope value removed: nothing left to wait for
      Copy c;
      json& scope = c.indicator("6.2.1")["in_scope"]["field"];
      scope.erase(std::find(scope.begin(), scope.end(), "labour"));
      CHECK(plan(file(kPenalty), "2025-06-01", rules())["verdict"] == "fail");
      CHECK(plan(file(kPenalty), "2025-06-01", *c.load())["verdict"] == "pass");
    }
    {  // an appendix entry added: its organisation decides the measure's end, by its name
      Copy c;
      c.standard["appendix_a"].push_back({{"id", "A33"}, {"region", "GD"}, {"name", "新商会"}, {"zh-Hant", "新商會"}, {"en", "New Chamber"}});
      const std::string f = file(
          R"("self_regulatory_violations":[{"id":"s1","organization":"新商会","measure":"suspension_of_rights","imposed_on":"2026-01-10"}])");
      CHECK(plan(f, "2026-06-01", rules())["actions"].empty());  // not in Appendix A: it does not count
      const json p = plan(f, "2026-06-01", *c.load());
      REQUIRE(p["actions"].size() == 1);
      CHECK(p["actions"][0]["decider"] == "New Chamber");
      CHECK(contains(p["actions"][0]["text"].get<std::string>(), "Ask New Chamber to end the measure"));
    }
  }
}
