// The rule data is data: windows, thresholds and lists change the result without a compiler.
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace test;

TEST_SUITE("rules") {
  TEST_CASE("Rules: the built-in data is WQ-179 with Appendices A-D complete") {
    const Rules& r = rules();
    CHECK(r.id == "WQ-179");
    CHECK(r.appendices[0].entries.size() == 32);
    CHECK(r.appendices[1].entries.size() == 12);
    CHECK(r.appendices[2].entries.size() == 28);
    CHECK(r.appendices[3].entries.size() == 6);
    CHECK(r.indicators[7].threshold == 2);
    CHECK(r.indicators[2].window_months == 36);
    CHECK(r.indicators[0].names[2][Lang::zh_Hant] == "行政違法");  // Table 1, Macao
    CHECK(r.indicators[0].names[1][Lang::zh_Hant] == "行政處罰");  // Hong Kong
    CHECK(r.indicators[0].names[0][Lang::zh_Hans] == "行政处罚");  // Guangdong
  }

  TEST_CASE("Rules: an association changes a window or adds an organisation by editing the data") {
    nlohmann::json j = nlohmann::json::parse(builtin_standard_json());
    j["indicators"][0]["window_months"] = 24;
    j["appendix_a"].push_back({{"id", "A33"}, {"region", "GD"}, {"name", "新商会"}, {"zh-Hant", "新商會"}, {"en", "New Chamber"}});
    const std::string text = j.dump();
    const auto changed = load_rules(text, {builtin_texts_json()});
    Options o;
    o.on = day("2026-06-01");
    const std::string f = file(R"("administrative_penalties":[{"id":"p1","decided_on":"2025-03-01","field":"labour","type":"property"}],)"
                               R"("self_regulatory_violations":[{"id":"s1","organization":"New Chamber","measure":"public_censure","imposed_on":"2026-01-01"}])");
    const Output before = check_json(f, o, rules());
    const Output after = check_json(f, o, *changed);
    CHECK(before.text.find(R"("clause":"6.2.1","id":"administrative_penalty","status":"pass")") != std::string::npos);
    CHECK(after.text.find(R"("clause":"6.2.1","id":"administrative_penalty","status":"fail")") != std::string::npos);
    CHECK(before.text.find(R"("clause":"6.2.5","id":"self_regulatory_violation","status":"pass")") != std::string::npos);
    CHECK(after.text.find(R"("clause":"6.2.5","id":"self_regulatory_violation","status":"fail")") != std::string::npos);
  }

  TEST_CASE("Rules: broken rule data is refused with a message that names the problem") {
    CHECK_THROWS_WITH_AS(load_rules("{", {}), doctest::Contains("not_json"), RulesError);
    nlohmann::json j = nlohmann::json::parse(builtin_standard_json());
    j["indicators"].erase(3);
    CHECK_THROWS_WITH_AS(load_rules(j.dump(), {}), doctest::Contains("/indicators wrong_count expected=10"), RulesError);
    j = nlohmann::json::parse(builtin_standard_json());
    j["indicators"][0]["in_scope"]["type"].push_back("fine");
    CHECK_THROWS_WITH_AS(load_rules(j.dump(), {}), doctest::Contains("/indicators/0/in_scope/type/3 unknown_value"), RulesError);
  }
}

// Numbers of the standard inside its texts are placeholders filled from the data (issue 15).
TEST_SUITE("rules") {
  TEST_CASE("Rules: changing 6.1.1 to 24 months changes its texts in three languages, and 6.2.8's window its question") {
    nlohmann::json j = nlohmann::json::parse(builtin_standard_json());
    j["basic_requirements"][0]["months"] = 24;
    j["indicators"][7]["window_months"] = 9;
    const auto changed = load_rules(j.dump(), {builtin_texts_json()});
    CHECK(item_name(*changed, 0, Region::GD, Lang::en) == "Incorporated for at least 24 months");
    CHECK(item_name(*changed, 0, Region::GD, Lang::zh_Hans) == "成立满 24 个月");
    CHECK(item_name(*changed, 0, Region::GD, Lang::zh_Hant) == "成立滿 24 個月");
    CHECK(item_name(rules(), 0, Region::GD, Lang::en) == "Incorporated for at least 18 months");
    CHECK(changed->indicators[7].question[Lang::en].find("in the last 9 months") != std::string::npos);
    CHECK(changed->indicators[7].question[Lang::en].find('{') == std::string::npos);
    // The page reads the standard from the summary: filled there too, in the order written.
    const nlohmann::json summary = nlohmann::json::parse(rules_summary_json(*changed));
    CHECK(summary["standard"]["basic_requirements"][0]["label"]["en"] == "Incorporated for at least 24 months");
    CHECK(summary["standard"]["basic_requirements"][0]["question"]["zh-Hans"] == "申请时企业成立是否已满 24 个月？");
    const std::string builtin_standard = nlohmann::json::parse(rules_summary_json(rules()))["standard"].dump();
    for (const char* p : {"{months}", "{window_months}", "{resolved_window_months}", "{threshold}"})
      CHECK(builtin_standard.find(p) == std::string::npos);
    CHECK(std::string(builtin_standard_json()).find("成立满 {months} 个月") != std::string::npos);
  }
}
