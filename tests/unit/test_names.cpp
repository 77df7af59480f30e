// Plain words (issue 13, item 4): records named by what they are, messages without JSON pointers
// or literal placeholders, Chinese without stray spaces.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

namespace {
using namespace test;
using json = nlohmann::json;

const std::string kDisputed =
    file(R"("administrative_penalties":[{"id":"p1","decided_on":"2026-01-10","field":"market_regulation","type":"property",)"
         R"("annulled":false,"authority":"广州市市场监督管理局","disputed":true}])");

std::string message_of(const std::string& out, const char* code) {
  const json j = json::parse(out);
  for (const json& w : j.at("warnings"))
    if (w.at("code") == code) return w.at("message").get<std::string>();
  return {};
}

Options at(const char* on, Lang lang) {
  Options o;
  o.on = day(on);
  o.lang = lang;
  return o;
}

// UTF-8 code points of a text.
std::vector<char32_t> points(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(v);
    i += static_cast<std::size_t>(n);
  }
  return out;
}
bool cjk(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         c == U'“' || c == U'”' || c == U'「' || c == U'」';
}
// A space between two CJK characters, or between one and a placeholder whose value is words
// (a record, a place, a label): a stray space in a Chinese sentence.
std::string stray_space(const std::string& s) {
  const std::vector<char32_t> p = points(s);
  for (std::size_t i = 1; i + 1 < p.size(); ++i)
    if (p[i] == U' ' && cjk(p[i - 1]) && cjk(p[i + 1])) return "between two CJK characters";
  for (const char* name : {"record", "place", "problem", "field", "who", "what", "option", "region",
                           "field_label", "value_label", "decider", "status"}) {
    const std::string ph = std::string("{") + name + "}";
    for (std::size_t at = s.find(ph); at != std::string::npos; at = s.find(ph, at + 1)) {
      const std::vector<char32_t> before = points(s.substr(0, at));
      const std::vector<char32_t> after = points(s.substr(at + ph.size()));
      if (before.size() >= 2 && before.back() == U' ' && cjk(before[before.size() - 2])) return "before " + ph;
      if (after.size() >= 2 && after[0] == U' ' && cjk(after[1])) return "after " + ph;
    }
  }
  // A Chinese date ends in 日: a space after it, before a CJK character, is a stray one.
  for (const char* name : {"start", "end", "until", "valid_until", "received_on", "reached_on", "result_on",
                           "incorporated_on", "done_on", "counts_until", "clause_clears_on", "earliest", "clears_on",
                           "first_passed_on", "since", "date"}) {
    const std::string ph = std::string("{") + name + "} ";
    for (std::size_t at = s.find(ph); at != std::string::npos; at = s.find(ph, at + 1)) {
      const std::vector<char32_t> after = points(s.substr(at + ph.size()));
      if (!after.empty() && cjk(after[0])) return "after {" + std::string(name) + "}";
    }
  }
  return {};
}

// Names as the standard prints them (Appendix C keeps its own spaces) and titles in 《》 are
// quoted, not our sentences.
void walk(const json& j, const std::string& path, std::vector<std::string>& bad) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& k = it.key();
      if (path.rfind("/appendix_", 0) == 0 && (k == "name" || k == "zh-Hant" || k == "aliases" || k == "as_printed")) continue;
      walk(*it, path + "/" + k, bad);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) walk(j[i], path + "/" + std::to_string(i), bad);
  } else if (j.is_string()) {
    std::string s = j.get<std::string>();
    for (std::size_t a = s.find("《"); a != std::string::npos; a = s.find("《")) {
      const std::size_t b = s.find("》", a);
      if (b == std::string::npos) break;
      s.erase(a, b + std::string("》").size() - a);
    }
    if (const std::string why = stray_space(s); !why.empty()) bad.push_back(path + ": " + why);
  }
}

TEST_SUITE("output") {
  TEST_CASE("Names: a disputed penalty's warning names its kind and date, the id only as a detail") {
    const std::string en = message_of(check_json(kDisputed, at("2026-03-01", Lang::en), rules()).text, "counted_although_disputed");
    CHECK(en.find("The administrative penalty of 10 January 2026") == 0);
    CHECK(en.find("no. p1") != std::string::npos);
    CHECK(en.find("Record p1") == std::string::npos);
    const std::string zh = message_of(check_json(kDisputed, at("2026-03-01", Lang::zh_Hans), rules()).text, "counted_although_disputed");
    CHECK(zh.find("2026年1月10日的行政处罚（编号 p1）标为有异议") == 0);
    CHECK(zh.find("记录 p1") == std::string::npos);
    // A plan reads the authority: the record is named by it too.
    const std::string plan = message_of(plan_json(kDisputed, at("2026-03-01", Lang::zh_Hans), rules()).text, "counted_although_disputed");
    CHECK(plan.find("2026年1月10日的行政处罚（广州市市场监督管理局，编号 p1）") == 0);
  }

  TEST_CASE("Names: a risk list not in Appendix D is named by its label, never by the value \"other\"") {
    const std::string f = file(R"("risk_list_entries":[{"id":"r2","list":"other","listed_on":"2026-02-01","source":"第三方平台"}])");
    for (const Lang l : {Lang::en, Lang::zh_Hans, Lang::zh_Hant}) {
      Options o = at("2026-03-01", l);
      o.detail = true;
      const json j = json::parse(check_json(f, o, rules()).text);
      std::string name;
      for (const json& ind : j.at("indicators"))
        for (const char* k : {"counted", "not_counted"})
          for (const json& c : ind.at(k))
            if (c.at("record") == "r2") name = c.at("name").get<std::string>();
      CAPTURE(name);
      CHECK(name.find("other") == std::string::npos);
      CHECK(name.find(l == Lang::en ? "Other (not in Appendix D)" : l == Lang::zh_Hans ? "其他（不在附录 D）" : "其他（不在附錄 D）") != std::string::npos);
    }
  }

  TEST_CASE("Names: the CLI's text names a counted record by what it is") {
    const std::string t = check_text(kDisputed, at("2026-03-01", Lang::en), rules()).text;
    CHECK(t.find("- The administrative penalty of 10 January 2026 (广州市市场监督管理局, no. p1): ") != std::string::npos);
  }

  TEST_CASE("Names: an error says where in words, never with its JSON pointer") {
    const std::string f = file(R"("administrative_coercions":[{"id":"c1","subject":"enterprise","measure":"seizure",)"
                               R"("started_on":"2025-03-03","released_on":"2025-01-01"}])");
    const json en = json::parse(check_json(f, at("2026-03-01", Lang::en), rules()).text);
    REQUIRE(en.at("errors").size() == 1);
    CHECK(en["errors"][0]["path"] == "/records/administrative_coercions/0/released_on");  // the page's link stays
    CHECK(en["errors"][0]["message"] ==
          "The coercive measure of 3 March 2025 (no. c1), \"Date released\": this end date is before the record's start date.");
    const json zh = json::parse(check_json(f, at("2026-03-01", Lang::zh_Hans), rules()).text);
    CHECK(zh["errors"][0]["message"] == "2025年3月3日的行政强制措施（编号 c1）的“解除日期”：结束日期早于该记录的开始日期。");
    for (const Lang l : {Lang::en, Lang::zh_Hans, Lang::zh_Hant}) {
      const json j = json::parse(check_json(f, at("2026-03-01", l), rules()).text);
      CHECK(j["errors"][0]["message"].get<std::string>().find('/') == std::string::npos);
    }
  }

  TEST_CASE("Names: wrong_type says what was expected, with no literal placeholder") {
    const std::string f = R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":"a","region":"GD","incorporated_on":"2020-01-01"},)"
                          R"("records":{"judgments":[null]}})";
    for (const Lang l : {Lang::en, Lang::zh_Hans, Lang::zh_Hant}) {
      const json j = json::parse(check_json(f, at("2026-03-01", l), rules()).text);
      REQUIRE(j.at("errors").size() == 1);
      const std::string m = j["errors"][0]["message"].get<std::string>();
      CHECK_MESSAGE(m.find('{') == std::string::npos, m);
      CHECK_MESSAGE(m.find("/records") == std::string::npos, m);
    }
    const json en = json::parse(check_json(f, at("2026-03-01", Lang::en), rules()).text);
    CHECK(en["errors"][0]["message"] == "Judgment no. 1: the wrong kind of value (a set of fields is expected).");
    // A container where one value belongs, and an error made without an expected type.
    const std::string g = R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":"a","region":"GD","incorporated_on":{}}})";
    const std::string m = json::parse(check_json(g, at("2026-03-01", Lang::en), rules()).text)["errors"][0]["message"];
    CHECK(m.find('{') == std::string::npos);
    CHECK(m.find("a single value") != std::string::npos);
    CHECK(error_message({"/x", "wrong_type", {}}, rules(), Lang::zh_Hans).find('{') == std::string::npos);
  }

  TEST_CASE("Names: no Chinese text of the rule data has a stray space") {
    std::vector<std::string> bad;
    for (const auto& kv : rules().texts)
      for (const Lang l : {Lang::zh_Hans, Lang::zh_Hant})
        if (const std::string why = stray_space(kv.second[l]); !why.empty()) bad.push_back(kv.first + ": " + why);
    walk(json::parse(rules().standard_json), "", bad);
    for (const std::string& b : bad) INFO(b);
    CHECK_MESSAGE(bad.empty(), (bad.empty() ? std::string() : bad.front()));
    CHECK(!stray_space("记录 {record} 标为有异议").empty());  // the test's own check finds what it is for
    CHECK(!stray_space("请 名单管理方").empty());
    CHECK(stray_space("附录 A 所列").empty());
    CHECK(!stray_space("有效投诉（{received_on} 受理）").empty());
  }
}

}  // namespace
