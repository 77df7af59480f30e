// Clause 6.2: each indicator's scope and window, at its exact boundaries.
#include "helpers.hpp"

using namespace test;

TEST_SUITE("indicators") {
  TEST_CASE("6.2.1 administrative penalty: 12 months from the decision, scope and annulment") {
    const std::string L = "administrative_penalties";
    auto p = [](const char* field, const char* type, bool annulled = false) {
      return std::string(R"({"id":"p1","decided_on":"2025-03-31","field":")") + field + R"(","type":")" + type +
             R"(","annulled":)" + (annulled ? "true" : "false") + "}";
    };
    CHECK(counts(0, L, p("work_safety", "property"), "2025-03-31"));   // the day itself
    CHECK(counts(0, L, p("work_safety", "property"), "2026-03-30"));   // the day before the window ends
    CHECK_FALSE(counts(0, L, p("work_safety", "property"), "2026-03-31"));  // the anniversary
    CHECK_FALSE(counts(0, L, p("work_safety", "property"), "2025-03-30"));  // dated after D
    CHECK_FALSE(counts(0, L, p("work_safety", "property", true), "2025-06-01"));
    for (const char* f : {"market_regulation", "environment_health", "labour", "intellectual_property",
                          "consumer_protection", "financial_regulation"})
      CHECK_MESSAGE(counts(0, L, p(f, "conduct"), "2025-06-01"), f);
    CHECK_FALSE(counts(0, L, p("other", "property"), "2025-06-01"));
    CHECK(counts(0, L, p("labour", "personal_liberty"), "2025-06-01"));
    CHECK_FALSE(counts(0, L, p("labour", "warning"), "2025-06-01"));
    CHECK_FALSE(counts(0, L, p("labour", "other"), "2025-06-01"));
  }

  TEST_CASE("6.2.2 administrative coercion: during the measure and 12 months after release") {
    const std::string L = "administrative_coercions";
    auto c = [](const char* subject, const char* measure, const char* released) {
      return std::string(R"({"id":"c1","subject":")") + subject + R"(","measure":")" + measure +
             R"(","started_on":"2024-01-10","released_on":)" + released + "}";
    };
    CHECK(counts(1, L, c("enterprise", "freezing", "null"), "2030-01-01"));  // ongoing: counts for ever
    CHECK(counts(1, L, c("principal", "sealing", "\"2024-06-30\""), "2025-06-29"));
    CHECK_FALSE(counts(1, L, c("principal", "sealing", "\"2024-06-30\""), "2025-06-30"));
    CHECK_FALSE(counts(1, L, c("enterprise", "seizure", "null"), "2024-01-09"));
    CHECK(counts(1, L, c("legal_representative", "conduct_restriction", "null"), "2024-01-10"));
    CHECK_FALSE(counts(1, L, c("other", "freezing", "null"), "2024-06-01"));
    CHECK_FALSE(counts(1, L, c("enterprise", "other", "null"), "2024-06-01"));
  }

  TEST_CASE("6.2.3 judicial decision: while unperformed and 36 months from its start") {
    const std::string L = "judgments";
    auto j = [](const char* type, bool effective, const char* from, const char* performed) {
      return std::string(R"({"id":"j1","case_type":")") + type + R"(","effective":)" + (effective ? "true" : "false") +
             R"(,"nonperformance_from":)" + from + R"(,"performed_on":)" + performed + "}";
    };
    CHECK(counts(2, L, j("commercial", true, "\"2022-01-15\"", "\"2022-03-01\""), "2025-01-14"));
    CHECK_FALSE(counts(2, L, j("commercial", true, "\"2022-01-15\"", "\"2022-03-01\""), "2025-01-15"));
    CHECK(counts(2, L, j("civil", true, "\"2020-01-15\"", "null"), "2026-06-01"));  // still unperformed
    CHECK(counts(2, L, j("civil", true, "\"2020-01-15\"", "\"2026-06-02\""), "2026-06-01"));
    CHECK_FALSE(counts(2, L, j("civil", true, "\"2020-01-15\"", "\"2026-06-01\""), "2026-06-01"));  // ended that day
    CHECK_FALSE(counts(2, L, j("civil", true, "null", "null"), "2026-06-01"));  // performed in time
    CHECK_FALSE(counts(2, L, j("civil", false, "\"2025-01-15\"", "null"), "2026-06-01"));
    CHECK_FALSE(counts(2, L, j("administrative", true, "\"2025-01-15\"", "null"), "2026-06-01"));
    CHECK_FALSE(counts(2, L, j("other", true, "\"2025-01-15\"", "null"), "2026-06-01"));
  }

  TEST_CASE("6.2.4 criminal case: while open and 36 months from arose_on; acquitted or dropped never") {
    const std::string L = "criminal_cases";
    auto k = [](const char* subject, const char* status, const char* closed) {
      return std::string(R"({"id":"k1","subject":")") + subject + R"(","status":")" + status +
             R"(","arose_on":"2021-05-31","closed_on":)" + closed + "}";
    };
    CHECK(counts(3, L, k("enterprise", "suspected", "\"2021-06-30\""), "2024-05-30"));
    CHECK_FALSE(counts(3, L, k("enterprise", "suspected", "\"2021-06-30\""), "2024-05-31"));
    CHECK(counts(3, L, k("legal_representative", "convicted", "null"), "2030-01-01"));
    CHECK_FALSE(counts(3, L, k("enterprise", "acquitted", "null"), "2022-01-01"));
    CHECK_FALSE(counts(3, L, k("enterprise", "dropped", "null"), "2022-01-01"));
    CHECK_FALSE(counts(3, L, k("other", "convicted", "null"), "2022-01-01"));
  }

  TEST_CASE("6.2.5 self-regulatory violation: Appendix A, one-off and lasting measures") {
    const std::string L = "self_regulatory_violations";
    auto s = [](const char* org, const char* measure, const char* ended) {
      return std::string(R"({"id":"s1","organization":")") + org + R"(","measure":")" + measure +
             R"(","imposed_on":"2025-01-31","ended_on":)" + ended + "}";
    };
    CHECK(counts(4, L, s("A05", "public_censure", "null"), "2026-01-30"));
    CHECK_FALSE(counts(4, L, s("A05", "public_censure", "null"), "2026-01-31"));  // one-off: no "for ever"
    CHECK_FALSE(counts(4, L, s("A05", "notice_of_criticism", "\"2027-01-01\""), "2026-06-01"));  // end ignored
    CHECK(counts(4, L, s("A05", "suspension_of_rights", "null"), "2027-06-01"));  // lasting, open
    CHECK(counts(4, L, s("A05", "disqualification", "\"2026-05-01\""), "2026-04-30"));
    CHECK_FALSE(counts(4, L, s("A05", "disqualification", "\"2026-05-01\""), "2026-05-01"));
    CHECK(counts(4, L, s("香港总商会", "public_censure", "null"), "2025-06-01"));
    CHECK(counts(4, L, s("香港總商會", "public_censure", "null"), "2025-06-01"));
    CHECK_FALSE(counts(4, L, s("Some Other Chamber", "public_censure", "null"), "2025-06-01"));
    CHECK_FALSE(counts(4, L, s("A05", "other", "null"), "2025-06-01"));
  }

  TEST_CASE("6.2.6 community violation: Appendix B, 6 months, removal is one-off") {
    const std::string L = "community_violations";
    auto n = [](const char* platform, const char* measure, const char* ended) {
      return std::string(R"({"id":"n1","platform":")") + platform + R"(","measure":")" + measure +
             R"(","imposed_on":"2025-08-31","ended_on":)" + ended + "}";
    };
    CHECK(counts(5, L, n("weibo", "removal", "null"), "2026-02-27"));
    CHECK_FALSE(counts(5, L, n("weibo", "removal", "null"), "2026-02-28"));  // 31 Aug + 6 months = 28 Feb
    CHECK(counts(5, L, n("抖音（TikTok）", "mute", "\"2025-09-10\""), "2026-02-27"));
    CHECK(counts(5, L, n("TikTok", "account_ban", "null"), "2029-01-01"));
    CHECK_FALSE(counts(5, L, n("line", "account_ban", "null"), "2025-09-01"));
    CHECK_FALSE(counts(5, L, n("weibo", "other", "null"), "2025-09-01"));
  }

  TEST_CASE("6.2.7 certification violation: Appendix C, cancellation, 12 months") {
    const std::string L = "certification_violations";
    auto v = [](const char* scheme, const char* measure) {
      return std::string(R"({"id":"v1","scheme":")") + scheme + R"(","measure":")" + measure +
             R"(","occurred_on":"2025-02-28"})";
    };
    CHECK(counts(6, L, v("C07", "cancellation"), "2026-02-27"));
    CHECK_FALSE(counts(6, L, v("C07", "cancellation"), "2026-02-28"));
    CHECK(counts(6, L, v("ISO 14001", "cancellation"), "2025-03-01"));
    CHECK_FALSE(counts(6, L, v("C07", "suspension"), "2025-03-01"));
    CHECK_FALSE(counts(6, L, v("C29", "cancellation"), "2025-03-01"));
  }

  TEST_CASE("6.2.8 contract complaints: two or more count; received 12 months, resolved 6 months") {
    auto t = [](const char* id, const char* type, bool valid, const char* received, const char* resolved) {
      return std::string(R"({"id":")") + id + R"(","contract_type":")" + type + R"(","valid":)" +
             (valid ? "true" : "false") + R"(,"received_on":")" + received + R"(","resolved_on":)" + resolved + "}";
    };
    auto fails = [&](const std::string& a, const std::string& b, const char* on) {
      return run(file("\"contract_complaints\":[" + a + "," + b + "]"), on).ev.indicators[7].fails;
    };
    const char* D = "2026-06-15";
    const std::string open1 = t("t1", "commercial", true, "2026-01-10", "null");
    CHECK_FALSE(run(file("\"contract_complaints\":[" + open1 + "]"), D).ev.indicators[7].fails);  // 1 is not 2
    CHECK(fails(open1, t("t2", "labour", true, "2025-07-01", "null"), D));
    CHECK_FALSE(fails(open1, t("t2", "labour", false, "2025-07-01", "null"), D));          // invalid
    CHECK_FALSE(fails(open1, t("t2", "other", true, "2025-07-01", "null"), D));            // other contract
    CHECK(fails(open1, t("t2", "commercial", true, "2025-07-01", "\"2026-01-15\""), D));   // resolved 5 months ago
    CHECK_FALSE(fails(open1, t("t2", "commercial", true, "2025-07-01", "\"2025-11-15\""), D));  // 7 months ago
    CHECK_FALSE(fails(open1, t("t2", "commercial", true, "2025-05-15", "null"), D));       // received 13 months ago
    CHECK_FALSE(fails(open1, t("t2", "commercial", true, "2025-06-15", "null"), D));       // exactly 12 months
    CHECK(fails(open1, t("t2", "commercial", true, "2025-06-16", "null"), D));
    CHECK_FALSE(fails(open1, t("t2", "commercial", true, "2026-06-16", "null"), D));       // received after D
  }

  TEST_CASE("6.2.9 commitment complaints: written only") {
    auto w = [](const char* id, const char* form) {
      return std::string(R"({"id":")") + id + R"(","form":")" + form +
             R"(","valid":true,"received_on":"2026-01-10","resolved_on":null})";
    };
    const auto fails = [&](const char* f2) {
      return run(file("\"commitment_complaints\":[" + w("w1", "written") + "," + w("w2", f2) + "]"), "2026-03-01")
          .ev.indicators[8].fails;
    };
    CHECK(fails("written"));
    CHECK_FALSE(fails("oral"));
  }

  TEST_CASE("6.2.10 risk list: listed, not removed, validity inclusive") {
    const std::string L = "risk_list_entries";
    auto r = [](const char* list, const char* valid_until, const char* removed) {
      return std::string(R"({"id":"r1","list":")") + list + R"(","listed_on":"2025-01-01","valid_until":)" +
             valid_until + R"(,"removed_on":)" + removed + "}";
    };
    CHECK(counts(9, L, r("commercial_arrears", "\"2026-01-01\"", "null"), "2026-01-01"));  // D == valid_until
    CHECK_FALSE(counts(9, L, r("commercial_arrears", "\"2026-01-01\"", "null"), "2026-01-02"));
    CHECK(counts(9, L, r("seriously_dishonest", "null", "\"2025-06-01\""), "2025-05-31"));
    CHECK_FALSE(counts(9, L, r("seriously_dishonest", "null", "\"2025-06-01\""), "2025-06-01"));  // removed on D
    CHECK(counts(9, L, r("credit_overdue", "null", "null"), "2040-01-01"));
    CHECK_FALSE(counts(9, L, r("other", "null", "null"), "2025-06-01"));
    CHECK_FALSE(counts(9, L, r("credit_overdue", "null", "null"), "2024-12-31"));
  }
}
