// check_rules: a bad rule set is refused with every problem, where it is and why, in three
// languages; load_rules (so the CLI's --rules and the module's setRules) refuses the same sets.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "nvcheck/rules_check.hpp"

using namespace test;
using json = nlohmann::json;

namespace {

json standard() { return json::parse(builtin_standard_json()); }
json texts() { return json::parse(builtin_texts_json()); }

std::vector<RuleProblem> problems_of(const json& s, const json& t = texts()) {
  const std::string st = s.dump(), tt = t.dump();
  return check_rules(st, {tt, builtin_report_json()});
}
std::vector<RuleProblem> problems_of_text(const std::string& st, const std::string& tt = std::string(builtin_texts_json())) {
  return check_rules(st, {tt, builtin_report_json()});
}

bool has(const std::vector<RuleProblem>& ps, const std::string& path, const std::string& code) {
  return std::any_of(ps.begin(), ps.end(), [&](const RuleProblem& p) { return p.path == path && p.code == code; });
}

std::string listed(const std::vector<RuleProblem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.document + " " + p.path + " " + p.code + "\n";
  return s;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("Rule check: the built-in rule set has no problem") {
    const auto ps = check_rules(builtin_standard_json(), {builtin_texts_json(), builtin_report_json()});
    CHECK_MESSAGE(ps.empty(), listed(ps));
  }

  TEST_CASE("Rule check: months and thresholds are whole numbers in sane ranges") {
    for (const char* bad : {"141110341", "1e10", "2.5", "-3", "1201", "\"12\"", "0"}) {
      CAPTURE(bad);
      json s = standard();
      s["indicators"][0]["window_months"] = json::parse(bad);
      const auto ps = problems_of(s);
      REQUIRE(ps.size() == 1);
      CHECK(ps[0].path == "/indicators/0/window_months");
      CHECK(ps[0].document == "wq179.json");
      CHECK((ps[0].code == "out_of_range" || ps[0].code == "not_integer"));
    }
    json s = standard();
    s["indicators"][9]["window_months"] = 0;  // 6.2.10: no window is allowed there
    CHECK(problems_of(s).empty());
    s["indicators"][7]["threshold"] = 0;
    s["indicators"][8]["threshold"] = 101;
    s["indicators"][1]["threshold"] = 2.5;
    s["indicators"][7]["resolved_window_months"] = -1;
    s["basic_requirements"][0]["months"] = 1e10;
    s["basic_requirements"][1]["months"] = 0;
    const auto ps = problems_of(s);
    CHECK_MESSAGE(ps.size() == 6, listed(ps));  // every problem, not the first
    CHECK(has(ps, "/indicators/7/threshold", "out_of_range"));
    CHECK(has(ps, "/indicators/8/threshold", "out_of_range"));
    CHECK(has(ps, "/indicators/1/threshold", "not_integer"));
    CHECK(has(ps, "/indicators/7/resolved_window_months", "out_of_range"));
    CHECK(has(ps, "/basic_requirements/0/months", "not_integer"));
    CHECK(has(ps, "/basic_requirements/1/months", "out_of_range"));
  }

  TEST_CASE("Rule check: a wrapped window is refused instead of silently passing a penalty") {
    json s = standard();
    s["indicators"][0]["window_months"] = 141110341;
    const std::string text = s.dump();
    CHECK_THROWS_AS(load_rules(text, {builtin_texts_json()}), RulesInvalid);
    try {
      (void)load_rules(text, {builtin_texts_json()});
    } catch (const RulesInvalid& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].path == "/indicators/0/window_months");
      CHECK(std::string(e.what()).find("/indicators/0/window_months") != std::string::npos);
    }
  }

  TEST_CASE("Rule check: enumerations fit the engine's masks, values are known and unique") {
    json s = standard();
    for (int i = 0; i < 65; ++i) s["enums"]["field"]["extra" + std::to_string(i)] = {{"zh-Hans", "甲"}, {"zh-Hant", "甲"}, {"en", "A"}};
    s["indicators"][0]["in_scope"]["type"].push_back("fine");
    s["indicators"][0]["in_scope"]["type"].push_back("property");
    s["indicators"][4]["one_off"].push_back("no_such_measure");
    s["indicators"][1]["in_scope"]["colour"] = json::array({"red"});
    const auto ps = problems_of(s);
    CHECK(has(ps, "/enums/field", "too_many_values"));
    CHECK(has(ps, "/indicators/0/in_scope/type/3", "unknown_value"));
    CHECK(has(ps, "/indicators/0/in_scope/type/4", "duplicate_value"));
    CHECK(has(ps, "/indicators/4/one_off/" + std::to_string(s["indicators"][4]["one_off"].size() - 1), "unknown_value"));
    CHECK_MESSAGE(ps.size() == 5, listed(ps));
    // A value given twice in the JSON text itself (a tree keeps only one of them).
    std::string text(builtin_standard_json());
    const std::string value = "\"market_regulation\": {";
    const std::size_t at = text.find(value, text.find("\"enums\""));
    REQUIRE(at != std::string::npos);
    text.insert(at, "\"market_regulation\": {\"zh-Hans\": \"甲\", \"zh-Hant\": \"甲\", \"en\": \"A\"},\n");
    CHECK(has(problems_of_text(text), "/enums/field/market_regulation", "duplicate_key"));
  }

  TEST_CASE("Rule check: appendix ids are unique and entries named in three languages") {
    json s = standard();
    s["appendix_a"].push_back(s["appendix_a"][0]);
    s["appendix_c"][2].erase("en");
    s["appendix_a"][3]["region"] = "TW";
    const auto ps = problems_of(s);
    CHECK(has(ps, "/appendix_a/32/id", "duplicate_value"));
    CHECK(has(ps, "/appendix_c/2/en", "missing"));
    CHECK(has(ps, "/appendix_a/3/region", "unknown_value"));
    CHECK_MESSAGE(ps.size() == 3, listed(ps));
  }

  TEST_CASE("Rule check: every text in three languages, every placeholder known") {
    json s = standard();
    s["basic_requirements"][0]["label"].erase("zh-Hant");
    s["indicators"][2]["question"]["en"] = "Within {window} months?";
    json t = texts();
    t["reason"]["annulled"]["en"] = "";
    t["error"]["missing_field"]["zh-Hans"] = "{path}：{nothing}";
    const auto ps = problems_of(s, t);
    CHECK(has(ps, "/basic_requirements/0/label", "missing_language"));
    CHECK(has(ps, "/indicators/2/question/en", "unknown_placeholder"));
    CHECK(has(ps, "/reason/annulled", "missing_language"));
    CHECK(has(ps, "/error/missing_field/zh-Hans", "unknown_placeholder"));
    for (const auto& p : ps)
      if (p.path.rfind("/reason", 0) == 0 || p.path.rfind("/error", 0) == 0) CHECK(p.document == "texts.json");
  }

  TEST_CASE("Rule check: a deeply nested text document is refused without overflowing the stack") {
    const std::string deep = "{\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
    const auto ps = problems_of_text(std::string(builtin_standard_json()), deep);
    REQUIRE(!ps.empty());
    CHECK(ps[0].code == "too_deep");
    CHECK(ps[0].document == "texts.json");
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"k\":";
    objects += "1" + std::string(100000, '}');
    CHECK(has(problems_of_text(std::string(builtin_standard_json()), objects),
              "/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k/k", "too_deep"));
    CHECK_THROWS_AS(load_rules(builtin_standard_json(), {objects}), RulesInvalid);
  }

  TEST_CASE("Rule check: record fields the page draws are of the right type") {
    json s = standard();
    s["record_fields"]["judgments"] = "case_type";
    s["record_fields"]["administrative_penalties"][2]["kind"] = "number";
    s["record_fields"]["administrative_coercions"][2]["enum"] = "no_such_enum";
    s["record_fields"]["no_such_list"] = json::array();
    const auto ps = problems_of(s);
    CHECK(has(ps, "/record_fields/judgments", "not_array"));
    CHECK(has(ps, "/record_fields/administrative_penalties/2/kind", "unknown_value"));
    CHECK(has(ps, "/record_fields/administrative_coercions/2/enum", "unknown_value"));
    CHECK(has(ps, "/record_fields/no_such_list", "unknown_field"));
    json r = standard();
    r["record_fields"] = json::array();
    CHECK(has(problems_of(r), "/record_fields", "not_object"));
  }

  TEST_CASE("Rule check: shapes and the mark") {
    json s = standard();
    s["indicators"].erase(3);
    s["enums"]["boolean"] = "yes";
    s["mark"]["colour"] = "green";
    s["mark"]["parts"][0]["digits"] = 99;
    s.erase("appendix_b");
    const auto ps = problems_of(s);
    CHECK(has(ps, "/indicators", "wrong_count"));
    CHECK(has(ps, "/indicators/3/records", "wrong_records"));
    CHECK(has(ps, "/enums/boolean", "not_object"));
    CHECK(has(ps, "/mark/colour", "bad_colour"));
    CHECK(has(ps, "/mark/parts/0/digits", "out_of_range"));
    CHECK(has(ps, "/appendix_b", "missing"));
    CHECK(problems_of_text("{").at(0).code == "not_json");
    CHECK(problems_of_text("[]").at(0).code == "not_object");
  }

  TEST_CASE("Rule check: each problem reads plainly in three languages, with where it is") {
    json s = standard();
    s["indicators"][0]["window_months"] = 141110341;
    const auto ps = problems_of(s);
    REQUIRE(ps.size() == 1);
    const std::string en = rule_problem_text(ps[0], rules(), Lang::en);
    const std::string hans = rule_problem_text(ps[0], rules(), Lang::zh_Hans);
    const std::string hant = rule_problem_text(ps[0], rules(), Lang::zh_Hant);
    CHECK(en == "wq179.json, /indicators/0/window_months: 141110341 is out of range; it must be a whole number from 1 to 1200.");
    CHECK(hans == "wq179.json /indicators/0/window_months：141110341 超出范围；应为 1 至 1200 的整数。");
    CHECK(hant.find("超出範圍") != std::string::npos);
    // Every code the check can give has its text in three languages.
    for (const char* code : {"not_json", "too_deep", "duplicate_key", "missing", "not_object", "not_array", "not_string", "empty",
                             "not_integer", "out_of_range", "not_text", "missing_language", "unknown_placeholder",
                             "unknown_value", "duplicate_value", "too_many_values", "wrong_count",
                             "wrong_records", "unknown_field", "bad_colour", "unreadable"})
      for (std::size_t l = 0; l < 3; ++l) {
        CAPTURE(code);
        const std::string key = std::string("rules_check.") + code;
        CHECK(rules().text(key, static_cast<Lang>(l)) != key);
      }
    const std::string js = rule_problems_json(ps, rules());
    const json parsed = json::parse(js);
    CHECK(parsed[0]["path"] == "/indicators/0/window_months");
    CHECK(parsed[0]["message"]["zh-Hant"].get<std::string>().find("超出範圍") != std::string::npos);
  }
}
