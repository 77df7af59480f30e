// docs/formats.md "The result": compact JSON in the contract's key order, strings escaped only where JSON
// requires, language-independent ids, codes and dates, the same bytes every time.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace test;

TEST_SUITE("output") {
  TEST_CASE("Output: strings are UTF-8 as they came, escaped only where JSON requires") {
    std::string s;
    append_json_string(s, "广州\"\\\n\t\x01/é");
    CHECK(s == "\"广州\\\"\\\\\\n\\t\\u0001/é\"");
    // Every special byte at every position of a long string, against a byte-by-byte reference.
    for (unsigned char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
      for (std::size_t at = 0; at < 40; ++at) {
        std::string in(40, 'a');
        in.replace(0, 6, "中文é");
        in[at] = static_cast<char>(special);
        std::string got, want = "\"";
        append_json_string(got, in);
        for (unsigned char c : in) {
          if (c == '"') want += "\\\"";
          else if (c == '\\') want += "\\\\";
          else if (c == '\n') want += "\\n";
          else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); want += b; }
          else want += static_cast<char>(c);
        }
        want += '"';
        CHECK(got == want);
      }
    }
  }

  TEST_CASE("Output: key order of a result and a plan") {
    Options o;
    o.on = day("2026-01-01");
    const std::string r = check_json(file(""), o, rules()).text;
    const char* keys[] = {"\"schema\"", "\"rules\"", "\"evaluated_on\"", "\"verdict\"", "\"basic_requirements\"",
                          "\"indicators\"", "\"earliest_pass_date\"", "\"warnings\"", "\"errors\""};
    std::size_t at = 0;
    for (const char* k : keys) {
      const std::size_t p = r.find(k, at);
      CHECK_MESSAGE(p != std::string::npos, k);
      at = p;
    }
    CHECK(r.find('\n') == std::string::npos);
    const std::string p = plan_json(file(""), o, rules()).text;
    CHECK(p.rfind("{\"schema\":\"nvcheck/plan@1\",\"rules\":", 0) == 0);
    CHECK(p.find("\"actions\":[],\"disputes\":null,\"waits\":[]") != std::string::npos);
  }

  TEST_CASE("Output: only messages change with the language; the same input gives the same bytes") {
    const std::string f = file(R"("administrative_penalties":[{"id":"p1","decided_on":"2025-06-01","field":"labour","type":"property"},)"
                               R"({"id":"p2","decided_on":"2025-06-01","field":"other","type":"property"}])");
    std::vector<nlohmann::json> out;
    for (Lang l : {Lang::en, Lang::zh_Hans, Lang::zh_Hant}) {
      Options o;
      o.on = day("2026-01-01");
      o.lang = l;
      const std::string a = check_json(f, o, rules()).text;
      CHECK(a == check_json(f, o, rules()).text);
      out.push_back(nlohmann::json::parse(a));
    }
    CHECK(out[0]["indicators"][0]["counted"][0]["reason"] != out[1]["indicators"][0]["counted"][0]["reason"]);
    CHECK(out[1]["indicators"][0]["counted"][0]["reason"] != out[2]["indicators"][0]["counted"][0]["reason"]);
    for (auto& j : out)
      for (auto& ind : j["indicators"]) {
        for (auto& c : ind["counted"]) c.erase("reason");
        for (auto& c : ind["not_counted"]) c.erase("reason");
      }
    for (auto& j : out)
      for (auto& b : j["basic_requirements"]) b.erase("reason");
    CHECK(out[0] == out[1]);
    CHECK(out[1] == out[2]);
  }

  TEST_CASE("Output: an invalid file evaluates nothing and keeps evaluated_on null without a date") {
    Options o;
    const std::string r = check_json("{}", o, rules()).text;
    CHECK(r.find("\"evaluated_on\":null,\"verdict\":\"invalid\",\"basic_requirements\":[],\"indicators\":[],\"earliest_pass_date\":null") !=
          std::string::npos);
    Options zh;
    zh.lang = Lang::zh_Hans;
    CHECK(check_json("{", zh, rules()).text.find("不是有效的 JSON") != std::string::npos);
  }

  TEST_CASE("Output: every text key the engine uses exists in all three languages") {
    const Rules& r = rules();
    for (const auto& kv : r.texts) {
      CAPTURE(kv.first);
      for (const auto& v : kv.second.v) CHECK(!v.empty());
    }
    for (const char* k : {"error.invalid_json", "warning.not_in_appendix", "reason.counts.risk_list_entries",
                          "reason.ended.commitment_complaints", "plan.action.remove_listing", "plan.wait.never",
                          "reason.basic.6.1.3.not_met", "text.verdict.invalid", "mark_code.region"})
      CHECK_MESSAGE(r.texts.count(k) == 1, k);
  }
}
