// Small builders for unit tests: an enterprise file around a few records, evaluated at a date.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"

namespace test {

using namespace nvcheck;

inline const Rules& rules() { return *builtin_rules(); }

inline Day day(const char* s) {
  Day d = kNever;
  REQUIRE_MESSAGE(parse_date(s, d), s);
  return d;
}
inline std::string iso(Day d) { return d == kNever ? "null" : format_date(d); }

/// An enterprise file: `records` is the inside of the records object.
inline std::string file(const std::string& records, const std::string& incorporated = "2000-01-01",
                        const std::string& previous = "[]", const std::string& region = "GD") {
  return R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":"测试企业","region":")" + region +
         R"(","incorporated_on":")" + incorporated + R"("},"application":{"previous":)" + previous +
         R"(},"records":{)" + records + "}}";
}

struct Run {
  Prepared prepared;
  Evaluation ev;
};

inline Run run(const std::string& json, const char* on) {
  Options o;
  o.on = day(on);
  Run r;
  r.prepared = prepare(json, o, rules());
  REQUIRE_MESSAGE(r.prepared.valid(), (r.prepared.errors.empty() ? std::string() : r.prepared.errors[0].path + " " + r.prepared.errors[0].code));
  r.ev = evaluate(r.prepared.parsed.enterprise, rules(), r.prepared.on, r.prepared.parsed.warnings);
  return r;
}

/// Does the (only) record of list `li` count at `on`?
inline bool counts(int li, const std::string& list, const std::string& record, const char* on) {
  const Run r = run(file("\"" + list + "\":[" + record + "]"), on);
  return !r.ev.indicators[static_cast<std::size_t>(li)].counted.empty();
}

inline std::string plan_of(const std::string& json, const char* on) {
  Options o;
  o.on = day(on);
  return plan_json(json, o, rules()).text;
}

}  // namespace test
