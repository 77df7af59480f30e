// Issue 6: hostile input never crashes, hangs or drops data silently; limits give clear errors.
// (Small hostile files live in tests/cases/invalid and good, so every door runs them; the big
// ones are built here.)
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace test;

namespace {
std::string codes(const std::string& text, Limits limits = {}) {
  Options o;
  o.today = day("2026-01-01");
  const ParsedEnterprise p = parse_enterprise(text, rules(), limits);
  std::string out;
  for (const auto& e : p.errors) out += e.path + " " + e.code + ";";
  return out;
}
}  // namespace

TEST_SUITE("hostile") {
  TEST_CASE("hostile: a file over the size limit is refused before parsing") {
    Limits l;
    l.max_bytes = 100;
    CHECK(codes(file(""), l) == "" + std::string(" too_large;"));
    CHECK(codes(file("")).empty());
  }

  TEST_CASE("hostile: a million-record list stops at the per-list limit with one error") {
    std::string records = "\"judgments\":[";
    for (int i = 0; i < 1000000; ++i) records += i ? ",{}" : "{}";
    records += "]";
    const std::string text = file(records);
    Limits l;
    l.max_bytes = text.size() + 1;
    const ParsedEnterprise p = parse_enterprise(text, rules(), l);
    REQUIRE(!p.errors.empty());
    // The first 10,000 records are read (each missing its fields), then one too_many_records error.
    std::size_t too_many = 0;
    for (const auto& e : p.errors) too_many += e.code == "too_many_records";
    CHECK(too_many == 1);
    CHECK(p.errors.size() == 1 + 10000 * 3);  // id, case_type, effective missing in each read record
  }

  TEST_CASE("hostile: deep nesting stops at the depth limit") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(codes(R"({"schema":"nvcheck/enterprise@1","x":)" + deep + "}") == "/x" + std::string(15 * 2, '/').replace(0, 30, "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0") + " too_deep;");
    CHECK(codes(deep) == " wrong_type;" + std::string("/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0 too_deep;"));  // 16 levels, the 17th refused
  }

  TEST_CASE("hostile: strings over the length limit are refused where they stand") {
    const std::string name(5000, 'x');
    CHECK(codes(R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":")" + name +
                R"(","region":"GD","incorporated_on":"2020-01-01"}})") == "/enterprise/name string_too_long;");
  }

  TEST_CASE("hostile: random bytes and truncations never crash and always explain themselves") {
    const std::string base = file(R"("judgments":[{"id":"j1","case_type":"civil","effective":true,"nonperformance_from":"2025-01-01"}])");
    std::uint32_t seed = 12345;
    auto next = [&] { seed = seed * 1664525u + 1013904223u; return seed; };
    for (int i = 0; i < 3000; ++i) {
      std::string t = base;
      if (i % 3 == 0) t.resize(next() % t.size());
      else t[next() % t.size()] = static_cast<char>(next() & 0xff);
      Options o;
      o.today = day("2026-01-01");
      const Output r = check_json(t, o, rules());
      const nlohmann::json j = nlohmann::json::parse(r.text);  // always a JSON result
      if (r.verdict == Verdict::invalid) CHECK(!j["errors"].empty());
      else CHECK(j["indicators"].size() == 10);
      (void)plan_json(t, o, rules());
      (void)report_html(t, o, rules());
    }
  }
}
