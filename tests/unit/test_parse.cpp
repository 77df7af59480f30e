// docs/formats.md "Input errors": required fields, types, enumerations, dates and structure errors, each with
// its JSON pointer and stable code, all at once.
#include "helpers.hpp"

using namespace test;

namespace {
std::vector<std::pair<std::string, std::string>> errors_of(const std::string& text) {
  Options o;
  o.today = day("2026-01-01");
  const Prepared p = prepare(text, o, rules());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : p.errors) out.emplace_back(e.path, e.code);
  return out;
}
using E = std::vector<std::pair<std::string, std::string>>;
}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("Input: a minimal valid file has no error and defaults to subsisting") {
    CHECK(errors_of(file("")).empty());
    const Run r = run(file(""), "2026-01-01");
    CHECK(r.ev.pass);
    CHECK(r.ev.warnings.empty());
  }

  TEST_CASE("Input: required fields, null included, are missing_field at their own path") {
    CHECK(errors_of(R"({"schema":"nvcheck/enterprise@1","enterprise":{"region":"GD","incorporated_on":"2020-01-01"}})") ==
          E{{"/enterprise/name", "missing_field"}});
    CHECK(errors_of(R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":null,"region":"GD","incorporated_on":"2020-01-01"}})") ==
          E{{"/enterprise/name", "missing_field"}});
    CHECK(errors_of(R"({"schema":"nvcheck/enterprise@1"})") == E{{"/enterprise", "missing_field"}});
    CHECK(errors_of(file(R"("judgments":[{"id":"j1","case_type":"civil"}])")) ==
          E{{"/records/judgments/0/effective", "missing_field"}});
  }

  TEST_CASE("Input: wrong types, unknown values, bad dates and end before start") {
    CHECK(errors_of(file(R"("administrative_penalties":[{"id":"p1","decided_on":"2025-02-30","field":"tax","type":7}])")) ==
          E{{"/records/administrative_penalties/0/decided_on", "bad_date"},
            {"/records/administrative_penalties/0/field", "unknown_value"},
            {"/records/administrative_penalties/0/type", "wrong_type"}});
    CHECK(errors_of(file(R"("risk_list_entries":[{"id":"r1","list":"credit_overdue","listed_on":"2025-05-01","valid_until":"2025-04-30","removed_on":"2025-04-01"}])")) ==
          E{{"/records/risk_list_entries/0/valid_until", "end_before_start"},
            {"/records/risk_list_entries/0/removed_on", "end_before_start"}});
    CHECK(errors_of(file(R"("risk_list_entries":[{"id":"r1","list":"blacklist","listed_on":"2025-05-01"}])")) ==
          E{{"/records/risk_list_entries/0/list", "unknown_value"}});
  }

  TEST_CASE("Input: an unknown record list, a key given twice and duplicate or empty ids") {
    CHECK(errors_of(file(R"("judgements":[])")) == E{{"/records/judgements", "unknown_record_list"}});
    CHECK(errors_of(R"({"schema":"nvcheck/enterprise@1","schema":"x","enterprise":{"name":"a","region":"GD","incorporated_on":"2020-01-01"}})") ==
          E{{"/schema", "duplicate_key"}});
    const std::string p = R"({"id":"x","decided_on":"2025-01-01","field":"labour","type":"property"})";
    const std::string c = R"({"id":"x","subject":"enterprise","measure":"freezing","started_on":"2025-01-01"})";
    CHECK(errors_of(file(R"("administrative_coercions":[)" + c + R"(],"administrative_penalties":[)" + p + "]")) ==
          E{{"/records/administrative_coercions/0/id", "duplicate_id"}});
    CHECK(errors_of(file(R"("administrative_penalties":[{"id":"","decided_on":"2025-01-01","field":"labour","type":"property"}])")) ==
          E{{"/records/administrative_penalties/0/id", "empty_id"}});
  }

  TEST_CASE("Input: not plain JSON is one invalid_json error at path \"\"") {
    for (const char* t : {"", "{", "{} {}", "{\"a\":1} x", "{\"a\":NaN}", "// c\n{}", "{\"a\":1,}", "\xff\xfe{}"})
      CHECK_MESSAGE((errors_of(t) == E{{"", "invalid_json"}}), t);
    CHECK(errors_of("\xEF\xBB\xBF" + file("")).empty());  // a leading BOM is accepted
  }

  TEST_CASE("Input: unknown fields are kept, ignored and named in a warning with the record") {
    const Run r = run(file(R"("contract_complaints":[{"id":"t1","contract_type":"labour","valid":true,"received_on":"2025-01-01","resolvd_on":"2025-02-01"}])"),
                      "2025-03-01");
    REQUIRE(r.ev.warnings.size() == 1);
    CHECK(r.ev.warnings[0].code == "unknown_field");
    CHECK(r.ev.warnings[0].record == "t1");
    // Where in words (the record by what it is) and the key as the file spells it; no JSON pointer.
    const std::string m = warning_message(r.ev.warnings[0], rules(), Lang::en, &r.prepared.parsed.enterprise);
    CHECK(m.find("The contract complaint received on 1 January 2025 (no. t1): \"resolvd_on\"") == 0);
    CHECK(m.find("/records") == std::string::npos);
  }

  TEST_CASE("Input: an unknown key is a repeat only within its own object") {
    // Two records with the same unknown key: a warning each, no duplicate_key; the key twice in
    // one record (or in the enterprise object): duplicate_key at that record's key.
    const std::string t = R"({"id":"t1","contract_type":"labour","valid":true,"received_on":"2025-01-01","note":"a"})";
    const std::string u = R"({"id":"t2","contract_type":"labour","valid":true,"received_on":"2025-01-01","note":"b"})";
    CHECK(errors_of(file(R"("contract_complaints":[)" + t + "," + u + "]")).empty());
    const Run r = run(file(R"("contract_complaints":[)" + t + "," + u + "]"), "2025-03-01");
    REQUIRE(r.ev.warnings.size() == 2);
    CHECK(warning_message(r.ev.warnings[1], rules(), Lang::en, &r.prepared.parsed.enterprise)
              .find("The contract complaint received on 1 January 2025 (no. t2): \"note\"") == 0);
    const std::string twice = R"({"id":"t3","note":"a","contract_type":"labour","valid":true,"received_on":"2025-01-01","note":"b"})";
    CHECK(errors_of(file(R"("contract_complaints":[)" + t + "," + twice + "]")) ==
          E{{"/records/contract_complaints/1/note", "duplicate_key"}});
    CHECK(errors_of(R"({"schema":"nvcheck/enterprise@1","x":1,"enterprise":{"name":"a","x":1,"region":"GD","x":2,"incorporated_on":"2020-01-01"}})") ==
          E{{"/enterprise/x", "duplicate_key"}});
  }

  TEST_CASE("Input: a file without any date needs today's date from the door") {
    Options o;
    const Prepared p = prepare(file(""), o, rules());
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].code == "no_date");
    o.today = day("2026-11-25");
    CHECK(prepare(file(""), o, rules()).on == day("2026-11-25"));
  }
}

TEST_SUITE("parse") {
  TEST_CASE("Options: on and lang, unknown keys ignored, bad values are input errors") {
    CHECK(parse_options(R"({"on":"2026-01-31","lang":"zh-Hant","extra":1})").errors.empty());
    CHECK(parse_options(R"({"on":"2026-01-31"})").on == day("2026-01-31"));
    CHECK(parse_options(R"({"lang":"zh-Hans"})").lang == Lang::zh_Hans);
    CHECK(parse_options("").errors.empty());
    CHECK(parse_options("null").errors.empty());
    for (const char* bad : {R"({"on":"2026-02-30"})", R"({"lang":"fr"})", R"({"on":20260101})", "[", "42"}) {
      const Options o = parse_options(bad);
      REQUIRE_MESSAGE(o.errors.size() == 1, bad);
      CHECK(o.errors[0].code == "bad_option");
    }
    // A deeply nested value is described, never dumped.
    const std::string deep = R"({"lang":)" + std::string(2000, '[') + std::string(2000, ']') + "}";
    const Options o = parse_options(deep);
    REQUIRE(o.errors.size() == 1);
    CHECK(error_message(o.errors[0], rules(), Lang::en).find("an array") != std::string::npos);
    CHECK(parse_options(std::string(5000, ' ')).errors.size() == 1);
  }

  TEST_CASE("Options: the same text read again (kept from the last call) gives the same options") {
    const std::string text = R"({"on":"2026-01-31","lang":"zh-Hant","today":"2026-02-02"})";
    for (int i = 0; i < 2; ++i) {
      const Options o = parse_options(text, day("2025-01-01"));
      CHECK(o.on == day("2026-01-31"));
      CHECK(o.lang == Lang::zh_Hant);
      CHECK(o.today == day("2026-02-02"));
      CHECK(parse_options(R"({"lang":"fr"})").errors.size() == 1);
      CHECK(parse_options(R"({"lang":"fr"})").errors.size() == 1);
    }
    // Today comes from the door when the options give none: a different today is not the same call.
    CHECK(parse_options(R"({"lang":"en"})", day("2025-01-01")).today == day("2025-01-01"));
    CHECK(parse_options(R"({"lang":"en"})", day("2025-06-01")).today == day("2025-06-01"));
  }
}
