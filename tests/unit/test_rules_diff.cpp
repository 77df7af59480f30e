// diff_rules (issue 15, item 2): each kind of edit an association may make gives its line, in
// three languages, with the clause; identical sets give none. And the rule set's identity: its
// content digest, and whether it is the built-in set (results, plans and the report carry it).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "nvcheck/rules_check.hpp"
#include "nvcheck/rules_diff.hpp"
#include "nvcheck/rules_identity.hpp"

using namespace test;
using json = nlohmann::json;

namespace {

json standard() { return json::parse(builtin_standard_json()); }
json texts() { return json::parse(builtin_texts_json()); }

std::shared_ptr<const Rules> load(const json& s, const json& t = texts()) {
  return load_rules(s.dump(1), {t.dump(1), builtin_report_json()});
}

std::vector<RuleChange> diff_with(const json& s, const json& t = texts()) { return diff_rules(rules(), *load(s, t)); }

std::vector<std::string> lines(const std::vector<RuleChange>& cs, Lang l) {
  std::vector<std::string> out;
  for (const RuleChange& c : cs) out.push_back(rule_change_text(c, rules(), l));
  return out;
}

std::string listed(const std::vector<RuleChange>& cs) {
  std::string s;
  for (const auto& line : lines(cs, Lang::en)) s += line + "\n";
  return s;
}

// The one change of an edit, said in the three languages.
void one(const json& s, const char* kind, const char* en, const char* hans = nullptr, const char* hant = nullptr,
         const json& t = texts()) {
  const auto cs = diff_with(s, t);
  REQUIRE_MESSAGE(cs.size() == 1, listed(cs));
  CHECK(cs[0].kind == kind);
  CHECK(rule_change_text(cs[0], rules(), Lang::en) == en);
  if (hans) CHECK(rule_change_text(cs[0], rules(), Lang::zh_Hans) == hans);
  if (hant) CHECK(rule_change_text(cs[0], rules(), Lang::zh_Hant) == hant);
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("Rule diff: identical rule sets give no change, however they are written") {
    CHECK(diff_rules(rules(), rules()).empty());
    CHECK(diff_with(standard()).empty());  // the same content, indented differently
    const std::string j = rule_changes_json(rules(), rules(), {}, rules());
    CHECK(j == R"({"a":{"id":"WQ-179","version":"2026.11-1"},"b":{"id":"WQ-179","version":"2026.11-1"},"same":true,"changes":[]})");
  }

  TEST_CASE("Rule diff: version, windows, thresholds and periods, each with its clause") {
    json s = standard();
    s["version"] = "2027.01-1";
    one(s, "version", "Version: 2026.11-1 → 2027.01-1", "版本：2026.11-1 → 2027.01-1", "版本：2026.11-1 → 2027.01-1");
    s = standard();
    s["indicators"][0]["window_months"] = 24;
    one(s, "window_months", "6.2.1 Administrative penalty: window 12 → 24 months", "6.2.1 行政处罚：期限 12 → 24 个月",
        "6.2.1 行政處罰：期限 12 → 24 個月");
    s = standard();
    s["indicators"][7]["resolved_window_months"] = 3;
    one(s, "resolved_window_months", "6.2.8 Contract complaint: window after resolution 6 → 3 months",
        "6.2.8 合同类投诉：处理后的期限 6 → 3 个月");
    s = standard();
    s["indicators"][7]["threshold"] = 3;
    one(s, "threshold", "6.2.8 Contract complaint: fails from 2 → 3 counted records", "6.2.8 合同类投诉：计入 2 → 3 条记录即不通过");
    s = standard();
    s["basic_requirements"][0]["months"] = 24;
    one(s, "months", "6.1.1 period: 18 → 24 months", "6.1.1 期限：18 → 24 个月", "6.1.1 期限：18 → 24 個月");
    const auto cs = diff_with(s);
    CHECK(cs[0].clause == "6.1.1");
    CHECK(cs[0].path == "/basic_requirements/0/months");
    CHECK(cs[0].from == "18");
    CHECK(cs[0].to == "24");
  }

  TEST_CASE("Rule diff: in-scope values and one-off measures added and removed") {
    json s = standard();
    auto& fields = s["indicators"][0]["in_scope"]["field"];
    fields.erase(std::find(fields.begin(), fields.end(), "labour"));
    one(s, "in_scope_removed", "6.2.1 Administrative penalty: Area of administration \"Labour and employment\" no longer counts",
        "6.2.1 行政处罚：领域“劳动用工”不再计入", "6.2.1 行政處罰：領域「勞動用工」不再計入");
    s = standard();
    s["indicators"][0]["in_scope"]["field"].push_back("other");
    one(s, "in_scope_added", "6.2.1 Administrative penalty: Area of administration \"Other\" now counts", "6.2.1 行政处罚：领域“其他”现在计入");
    // A field no longer listed: every value of it counts.
    s = standard();
    s["indicators"][2]["in_scope"].erase("case_type");
    auto cs = diff_with(s);
    REQUIRE_MESSAGE(cs.size() == 2, listed(cs));
    CHECK(rule_change_text(cs[0], rules(), Lang::en).find("\"Administrative\" now counts") != std::string::npos);
    CHECK(rule_change_text(cs[1], rules(), Lang::en).find("\"Other\" now counts") != std::string::npos);
    s = standard();
    s["indicators"][4]["one_off"].push_back("suspension_of_rights");
    s["indicators"][5]["one_off"] = json::array();
    cs = diff_with(s);
    REQUIRE_MESSAGE(cs.size() == 2, listed(cs));
    CHECK(cs[0].kind == "one_off_added");
    CHECK(cs[0].clause == "6.2.5");
    CHECK(cs[1].kind == "one_off_removed");
    CHECK(cs[1].clause == "6.2.6");
    CHECK(rule_change_text(cs[1], rules(), Lang::zh_Hans).rfind("6.2.6 ", 0) == 0);
    CHECK(rule_change_text(cs[1], rules(), Lang::zh_Hans).find("不再是一次性措施") != std::string::npos);
  }

  TEST_CASE("Rule diff: appendix entries added, removed, renamed or changed, by id and name") {
    json s = standard();
    json entry = s["appendix_a"][0];
    entry["id"] = "A33";
    entry["name"] = "澳门测试商会";
    entry["zh-Hant"] = "澳門測試商會";
    entry["en"] = "Macao Test Chamber";
    s["appendix_a"].push_back(entry);
    one(s, "appendix_added", "Appendix A: \"A33 Macao Test Chamber\" added", "附录 A：新增“A33 澳门测试商会”", "附錄 A：新增「A33 澳門測試商會」");
    s = standard();
    s["appendix_b"].erase(0);  // Weibo: a slug id, shown by its name only
    one(s, "appendix_removed", "Appendix B: \"Weibo\" removed", "附录 B：删除“微博”");
    s = standard();
    s["appendix_d"][1]["en"] = "Commercial debts";
    s["appendix_d"][1]["note"]["en"] = "Changed.";
    auto cs = diff_with(s);
    REQUIRE_MESSAGE(cs.size() == 2, listed(cs));
    CHECK(rule_change_text(cs[0], rules(), Lang::en) == "Appendix D: \"Commercial arrears\" → \"Commercial debts\"");
    CHECK(cs[1].kind == "appendix_changed");
    CHECK(rule_change_text(cs[1], rules(), Lang::en) == "Appendix D: other details of \"Commercial debts\" changed");
  }

  TEST_CASE("Rule diff: names and labels renamed") {
    json s = standard();
    s["indicators"][0]["names"]["MO"]["en"] = "Administrative offence";
    one(s, "indicator_name", "6.2.1 name in Macao SAR: \"Administrative violation\" → \"Administrative offence\"");
    s = standard();
    s["record_fields"]["administrative_penalties"][3]["label"]["zh-Hans"] = "处罚种类";
    one(s, "field_label", "6.2.1 Administrative penalty: field \"处罚类型\" → \"处罚种类\"",
        "6.2.1 行政处罚：栏目“处罚类型” → “处罚种类”");
    s = standard();
    s["enums"]["case_type"]["other"]["en"] = "Something else";
    one(s, "choice_label", "Case type: choice \"Other\" → \"Something else\"");
    s = standard();
    s["enums"]["case_type"]["labour"] = {{"zh-Hans", "劳动"}, {"zh-Hant", "勞動"}, {"en", "Labour"}};
    one(s, "choice_added", "Case type: new choice \"Labour\"");
    s = standard();
    s["groups"][0]["label"]["en"] = "Law";
    one(s, "clause_label", "5.1.1: \"Compliance with law\" → \"Law\"");
    s = standard();
    s["basic_requirements"][0]["label"]["en"] = "Incorporated {months} months ago or more";
    one(s, "clause_label", "6.1.1: \"Incorporated for at least 18 months\" → \"Incorporated 18 months ago or more\"");
    s = standard();
    s["indicators"][2]["description"]["en"] = "Changed.";
    s["indicators"][2]["question"]["zh-Hans"] = "改了？";
    one(s, "clause_texts", "6.2.3 Judicial decision: 2 of its texts changed", "6.2.3 司法裁判：2 段文字有改动");
    s = standard();
    s["title"]["en"] = "Another title";
    one(s, "title", "Title of the standard: \"Guangdong-Hong Kong-Macao Enterprise Integrity and Compliance Credit Evaluation Specification\" → \"Another title\"");
    s = standard();
    s["regions"]["HK"]["label"]["en"] = "Hong Kong";
    one(s, "region_label", "Region name: \"Hong Kong SAR\" → \"Hong Kong\"");
  }

  TEST_CASE("Rule diff: the mark's colour, style and code parts (clause 7)") {
    json s = standard();
    s["mark"]["colour"] = "#00a572";
    one(s, "mark_colour", "7.3 Colour of the mark: #267459 → #00a572", "7.3 标识颜色：#267459 → #00a572");
    s = standard();
    s["mark"]["parts"][1]["digits"] = 4;
    one(s, "mark_digits", "7.4 Credit institution code in the mark code: 3 → 4 digits", "7.4 标识编码的信用机构代码：3 → 4 位");
    s = standard();
    s["mark"]["style"]["font"] = "Liberation Serif";
    one(s, "mark_style", "7.3 Style of the mark: IC, Times New Roman, 96 pt / 18 pt → IC, Liberation Serif, 96 pt / 18 pt");
  }

  TEST_CASE("Rule diff: any other value is counted, and texts are counted by key") {
    json s = standard();
    s["based_on"] = "something else";
    s["division_codes"][0]["code"] = "440999";
    auto cs = diff_with(s);
    REQUIRE_MESSAGE(cs.size() == 1, listed(cs));
    CHECK(cs[0].kind == "other");
    CHECK(rule_change_text(cs[0], rules(), Lang::en) == "2 other values of the rule data changed");
    CHECK(cs[0].items == std::vector<std::string>{"/based_on", "/division_codes/0/code"});
    json t = texts();
    t["rules_check"]["ok"]["en"] = "Fine.";
    t["reason"]["annulled"]["zh-Hant"] = "改了";
    t["extra"] = {{"zh-Hans", "新"}, {"zh-Hant", "新"}, {"en", "New"}};
    t["help"].erase(t["help"].begin());
    cs = diff_with(standard(), t);
    REQUIRE_MESSAGE(cs.size() == 3, listed(cs));
    CHECK(lines(cs, Lang::en) == std::vector<std::string>{"Messages and labels: 2 changed", "Messages and labels: 1 added",
                                                           "Messages and labels: 1 removed"});
    CHECK(lines(cs, Lang::zh_Hant)[0] == "提示與標籤：2 條有改動");
    CHECK(cs[0].items == std::vector<std::string>{"reason.annulled", "rules_check.ok"});
    CHECK(cs[1].items == std::vector<std::string>{"extra"});
  }

  TEST_CASE("Rule diff: every kind has its line in the three languages, and the JSON form lists them") {
    json s = standard();
    s["version"] = "X";
    s["indicators"][0]["window_months"] = 24;
    s["indicators"][3]["threshold"] = 2;
    s["appendix_c"].erase(0);
    s["mark"]["colour"] = "#000000";
    const auto b = load(s);
    const auto cs = diff_rules(rules(), *b);
    REQUIRE(cs.size() == 5);
    for (const RuleChange& c : cs)
      for (std::size_t l = 0; l < 3; ++l) {
        const std::string line = rule_change_text(c, rules(), static_cast<Lang>(l));
        CHECK_MESSAGE(line.find("rules_diff.") == std::string::npos, c.kind);
        CHECK_MESSAGE(line.find('{') == std::string::npos, line);
      }
    const json j = json::parse(rule_changes_json(rules(), *b, cs, rules()));
    CHECK(j["same"] == false);
    CHECK(j["b"]["version"] == "X");
    REQUIRE(j["changes"].size() == 5);
    CHECK(j["changes"][1]["kind"] == "window_months");
    CHECK(j["changes"][1]["clause"] == "6.2.1");
    CHECK(j["changes"][1]["path"] == "/indicators/0/window_months");
    CHECK(j["changes"][1]["from"] == "12");
    CHECK(j["changes"][1]["message"]["zh-Hans"] == "6.2.1 行政处罚：期限 12 → 24 个月");
    // And the reverse diff says the opposite.
    const auto back = diff_rules(*b, rules());
    REQUIRE(back.size() == 5);
    CHECK(rule_change_text(back[1], rules(), Lang::en) == "6.2.1 Administrative penalty: window 24 → 12 months");
    CHECK(back[3].kind == "appendix_added");
  }

  TEST_CASE("Rule identity: a content digest computed at load; the built-in set is not edited") {
    CHECK(rules_digest("abc", {}) == "620a3df236da0af638c2a61c86951463731998f91dbb3ed629f47b9fe00ad118");
    CHECK(rules_digest("", {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"}) ==
          "913b88f0550fa3b661a336ee4b71a02f73bf03fbc2fca7f3c4f889d3b7d249ab");
    CHECK(rules_digest(std::string(1000, 'a'), {std::string(55, 'b'), std::string(64, 'c')}) ==
          "cff9ebbe385724097bae828b1c2479728e60b174c871106b554bd0815d5d7d0d");
    CHECK_FALSE(rules().edited);
    CHECK(rules().digest == builtin_rules_digest());
    // The same files loaded again (as `--rules rules/` or the page's loader does) are the built-in set.
    const auto again = load_rules(builtin_standard_json(), {builtin_texts_json(), builtin_report_json()});
    CHECK_FALSE(again->edited);
    CHECK(again.get() != &rules());
    // The built-in set is loaded without checking it again (load_builtin_rules): the same rules.
    CHECK(again->digest == rules().digest);
    CHECK(again->summary_json == rules().summary_json);
    CHECK(again->texts.size() == rules().texts.size());
    CHECK(check_rules(builtin_standard_json(), {builtin_texts_json(), builtin_report_json()}).empty());
    // Any other content is edited, even one byte, and so is the same set without its report labels.
    std::string one_more(builtin_standard_json());
    one_more += "\n";
    CHECK(load_rules(one_more, {builtin_texts_json(), builtin_report_json()})->edited);
    CHECK(load_rules(builtin_standard_json(), {builtin_texts_json()})->edited);
    json s = standard();
    s["indicators"][0]["window_months"] = 24;
    const auto edited = load(s);
    CHECK(edited->edited);
    Options o;
    o.on = day("2026-11-24");
    const std::string f = file("");
    CHECK(check_json(f, o, rules()).text.find(R"("rules":{"id":"WQ-179","version":"2026.11-1","edited":false})") != std::string::npos);
    CHECK(check_json(f, o, *edited).text.find(R"("edited":true})") != std::string::npos);
    CHECK(plan_json(f, o, *edited).text.find(R"("edited":true})") != std::string::npos);
    CHECK(rules_summary_json(*edited).find(R"("version":"2026.11-1","edited":true,)") != std::string::npos);
  }
}
