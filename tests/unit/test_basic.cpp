// Clause 6.1: the three basic requirements at their exact boundaries.
#include "helpers.hpp"

using namespace test;

TEST_SUITE("basic") {
  TEST_CASE("6.1.1 incorporated at least 18 months: met on the day, not the day before") {
    const std::string f = file("", "2024-08-31");
    CHECK_FALSE(run(f, "2026-02-27").ev.basic[0].met);  // 31 Aug 2024 + 18 months = 28 Feb 2026
    CHECK(run(f, "2026-02-27").ev.basic[0].clears_on == day("2026-02-28"));
    CHECK(run(f, "2026-02-28").ev.basic[0].met);
  }

  TEST_CASE("6.1.2 six months since the latest application, if it failed") {
    const std::string failed = R"([{"result_on":"2025-03-31","outcome":"failed"}])";
    CHECK_FALSE(run(file("", "2000-01-01", failed), "2025-09-29").ev.basic[1].met);
    CHECK(run(file("", "2000-01-01", failed), "2025-09-29").ev.basic[1].clears_on == day("2025-09-30"));
    CHECK(run(file("", "2000-01-01", failed), "2025-09-30").ev.basic[1].met);
    // The latest application passed: met, whatever failed before it.
    const std::string then_passed = R"([{"result_on":"2025-03-31","outcome":"failed"},{"result_on":"2025-04-30","outcome":"passed"}])";
    CHECK(run(file("", "2000-01-01", then_passed), "2025-05-01").ev.basic[1].met);
    // A tie on the result date: the failure is the latest.
    const std::string tie = R"([{"result_on":"2025-04-30","outcome":"passed"},{"result_on":"2025-04-30","outcome":"failed"}])";
    CHECK_FALSE(run(file("", "2000-01-01", tie), "2025-05-01").ev.basic[1].met);
    // An application dated after D has not happened yet at D, but starts counting on its date.
    const std::string future = R"([{"result_on":"2025-06-01","outcome":"failed"}])";
    const Run r = run(file("", "2000-01-01", future), "2025-05-01");
    CHECK(r.ev.basic[1].met);
    CHECK(r.ev.pass);
    CHECK(r.ev.earliest_pass == day("2025-05-01"));
  }

  TEST_CASE("6.1.3 eighteen months after a failure for false information, whatever came after") {
    const std::string f = file("", "2000-01-01",
                               R"([{"result_on":"2024-01-31","outcome":"failed","false_information":true},)"
                               R"({"result_on":"2024-09-01","outcome":"passed"}])");
    CHECK(run(f, "2024-10-01").ev.basic[1].met);
    CHECK_FALSE(run(f, "2025-07-30").ev.basic[2].met);  // 31 Jan 2024 + 18 months = 31 Jul 2025
    CHECK(run(f, "2025-07-30").ev.basic[2].clears_on == day("2025-07-31"));
    CHECK(run(f, "2025-07-31").ev.basic[2].met);
  }

  TEST_CASE("6.1 basic requirements do not short-circuit: all ten indicators are still listed") {
    const Run r = run(file(R"("administrative_penalties":[{"id":"p1","decided_on":"2025-01-01","field":"labour","type":"property"}])",
                           "2025-01-01"),
                      "2025-02-01");
    CHECK_FALSE(r.ev.basic[0].met);
    CHECK(r.ev.indicators[0].fails);
    CHECK(r.ev.indicators[0].counted.size() == 1);
  }
}
