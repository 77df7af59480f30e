// docs/rules.md "Projection": clears_on and earliest_pass_date are the first dates the check passes,
// found over the timeline's breakpoints, never by taking a maximum.
#include "helpers.hpp"

using namespace test;

TEST_SUITE("projection") {
  TEST_CASE("6.2.8 earliest_pass_date is when the count drops below 2, not the latest end date") {
    const std::string f = file(R"("contract_complaints":[)"
                               R"({"id":"t1","contract_type":"commercial","valid":true,"received_on":"2026-01-10","resolved_on":"2026-02-01"},)"
                               R"({"id":"t2","contract_type":"labour","valid":true,"received_on":"2026-03-05","resolved_on":null}])");
    const Run r = run(f, "2026-04-01");
    REQUIRE(r.ev.indicators[7].fails);
    CHECK(r.ev.indicators[7].counted[0].counts_until == day("2026-08-01"));  // resolved + 6 months
    CHECK(r.ev.indicators[7].counted[1].counts_until == day("2027-03-05"));  // received + 12 months
    CHECK(r.ev.indicators[7].clears_on == day("2026-08-01"));
    CHECK(r.ev.earliest_pass == day("2026-08-01"));
    // Evaluating at the earliest pass date passes; the day before fails.
    CHECK(run(f, "2026-08-01").ev.pass);
    CHECK_FALSE(run(f, "2026-07-31").ev.pass);
  }

  TEST_CASE("a record dated after D starts counting on its date and delays the pass") {
    const std::string f = file(R"("administrative_penalties":[)"
                               R"({"id":"p1","decided_on":"2025-05-01","field":"labour","type":"property"},)"
                               R"({"id":"p2","decided_on":"2026-04-20","field":"labour","type":"property"}])");
    const Run r = run(f, "2026-01-01");
    CHECK(r.ev.indicators[0].counted[0].counts_until == day("2026-05-01"));
    CHECK(r.ev.indicators[0].clears_on == day("2027-04-20"));  // p2 started before p1 ended
    CHECK(r.ev.earliest_pass == day("2027-04-20"));
    CHECK(r.ev.indicators[0].not_counted.size() == 1);
  }

  TEST_CASE("open-ended records never clear: clears_on and earliest_pass_date are null") {
    const Run r = run(file(R"("administrative_coercions":[{"id":"c1","subject":"enterprise","measure":"freezing","started_on":"2025-01-01"}])"),
                      "2026-01-01");
    CHECK(r.ev.indicators[1].fails);
    CHECK(r.ev.indicators[1].clears_on == kNever);
    CHECK(r.ev.indicators[1].counted[0].counts_until == kNever);
    CHECK(r.ev.earliest_pass == kNever);
  }

  TEST_CASE("the pass date is the first date everything passes at once") {
    const std::string f = file(R"("administrative_penalties":[{"id":"p1","decided_on":"2025-06-10","field":"labour","type":"property"}],)"
                               R"("community_violations":[{"id":"n1","platform":"weibo","measure":"mute","imposed_on":"2026-01-01","ended_on":"2026-09-01"}])",
                               "2025-01-20");
    const Run r = run(f, "2026-02-01");
    CHECK(r.ev.basic[0].clears_on == day("2026-07-20"));
    CHECK(r.ev.indicators[0].clears_on == day("2026-06-10"));
    CHECK(r.ev.indicators[5].clears_on == day("2026-09-01"));
    CHECK(r.ev.earliest_pass == day("2026-09-01"));
  }

  TEST_CASE("a date beyond 9999-12-31 is written as null with a beyond_calendar warning") {
    Options o;
    o.on = day("9999-06-01");
    const std::string f = file(R"("administrative_penalties":[{"id":"p1","decided_on":"9999-05-01","field":"labour","type":"property"}])");
    const std::string out = check_json(f, o, rules()).text;
    CHECK(out.find(R"("counts_until":null)") != std::string::npos);
    CHECK(out.find(R"("earliest_pass_date":null)") != std::string::npos);
    CHECK(out.find(R"("code":"beyond_calendar")") != std::string::npos);
  }
}
