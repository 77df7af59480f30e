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
