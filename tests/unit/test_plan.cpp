// docs/rules.md "Route to passing" (8.8 counselling): actions, disputes and waits.
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace test;
using json = nlohmann::json;

TEST_SUITE("plan") {
  TEST_CASE("8.8 an unreleased coercion: releasing it today buys 12 months from today") {
    const std::string f = file(R"("administrative_coercions":[{"id":"c1","subject":"enterprise","measure":"freezing","started_on":"2025-01-01","authority":"某市监局"}])");
    const json p = json::parse(plan_of(f, "2026-03-31"));
    CHECK(p["earliest_pass_date"].is_null());
    REQUIRE(p["actions"].size() == 1);
    CHECK(p["actions"][0]["action"] == "release_coercion");
    CHECK(p["actions"][0]["decided_by"] == "authority");
    CHECK(p["actions"][0]["counts_until"] == "2027-03-31");
    CHECK(p["actions"][0]["earliest_pass_date"] == "2027-03-31");
    CHECK(p["actions"][0]["text"].get<std::string>().find("某市监局") != std::string::npos);
    CHECK(p["earliest_pass_date_all_actions"] == "2027-03-31");
    CHECK(p["waits"].empty());
  }

  TEST_CASE("8.8 a disputed record that decides the verdict") {
    const std::string f = file(R"("administrative_penalties":[{"id":"p1","decided_on":"2026-01-01","field":"labour","type":"property","disputed":true}])");
    const Run r = run(f, "2026-03-01");
    CHECK_FALSE(r.ev.pass);  // counted as given
    CHECK(r.ev.warnings.at(0).code == "counted_although_disputed");
    const json p = json::parse(plan_of(f, "2026-03-01"));
    CHECK(p["disputes"]["records"] == json::array({"p1"}));
    // Named by what it is, its id in the name (plain words).
    REQUIRE(p["disputes"]["names"].size() == 1);
    CHECK(p["disputes"]["names"][0].get<std::string>().find("administrative penalty of 1 January 2026") != std::string::npos);
    CHECK(p["disputes"]["names"][0].get<std::string>().find("p1") != std::string::npos);
    CHECK(p["disputes"]["verdict"] == "pass");
    CHECK(p["disputes"]["earliest_pass_date"] == "2026-03-01");
    REQUIRE(p["waits"].size() == 1);  // a penalty has no action: only time or a dispute
    CHECK(p["waits"][0]["clause"] == "6.2.1");
  }

  TEST_CASE("8.8 an action that changes nothing says so") {
    const std::string f = file(R"("judgments":[{"id":"j1","case_type":"civil","effective":true,"nonperformance_from":"2025-01-01","performed_on":null}])");
    const json p = json::parse(plan_of(f, "2025-06-01"));
    REQUIRE(p["actions"].size() == 1);
    CHECK(p["actions"][0]["counts_until"] == "2028-01-01");
    CHECK(p["actions"][0]["changes_nothing"] == false);  // from never to 2028
    const json q = json::parse(plan_of(f.substr(0, f.find("null}]")) + "\"2026-01-01\"}]}}", "2025-06-01"));
    REQUIRE(q["actions"].size() == 1);
    CHECK(q["actions"][0]["changes_nothing"] == true);  // the 36 months dominate
    CHECK(q["actions"][0]["text"].get<std::string>().find("changes nothing") != std::string::npos);
  }
}
