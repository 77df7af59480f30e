// Clause 10 and Appendix E: the draft report as one self-contained HTML document, in the
// standard's section order, in three languages, with every user text escaped; byte goldens.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"
#include "nvcheck/rules_check.hpp"

#ifndef NVCHECK_SOURCE_DIR
#error "NVCHECK_SOURCE_DIR must name the repository root"
#endif

namespace {

using namespace nvcheck;

const Rules& R() { return *builtin_rules(); }
const Lang kLangs[] = {Lang::en, Lang::zh_Hans, Lang::zh_Hant};

// The escaping the report must apply: & < > " ' as entities.
std::string escaped(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

// A JSON string literal for `s` (quotes and backslashes escaped).
std::string js(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

// An enterprise file; `enterprise_extra` goes inside "enterprise", `records` inside "records".
std::string file(const std::string& records, const std::string& region = "GD", const std::string& name = "测试企业",
                 const std::string& enterprise_extra = "") {
  return R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":)" + js(name) + R"(,"region":")" + region +
         R"(","incorporated_on":"2000-01-01")" + enterprise_extra + R"(},"application":{"date":"2027-01-01"},"records":{)" +
         records + "}}";
}

Output render(const std::string& json, Lang lang) {
  Options o;
  o.lang = lang;
  return report_html(json, o, R());
}

std::string text(const char* key, Lang lang) { return escaped(R().text(key, lang)); }

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

const std::filesystem::path kReports = std::filesystem::path(NVCHECK_SOURCE_DIR) / "tests" / "cases" / "reports";

// Positions of `needles` in `hay`, each searched after the previous one; npos when missing.
bool in_order(const std::string& hay, const std::vector<std::string>& needles) {
  std::size_t at = 0;
  for (const std::string& n : needles) {
    const std::size_t p = hay.find(n, at);
    if (p == std::string::npos) {
      MESSAGE("not found in order: " << n);
      return false;
    }
    at = p + n.size();
  }
  return true;
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("10: one self-contained HTML5 document: charset, lang, no scripts, no outside resources") {
    for (Lang l : kLangs) {
      const Output out = render(file(""), l);
      CHECK(out.verdict == Verdict::pass);
      const std::string& h = out.text;
      CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"" + std::string(kLangCodes[static_cast<std::size_t>(l)]) + "\">", 0) == 0);
      CHECK(h.find("<meta charset=\"utf-8\">") != std::string::npos);
      CHECK(h.find("<style>") != std::string::npos);
      CHECK(h.find("@page { size: A4; margin: 16mm;") != std::string::npos);
      CHECK(h.find("</style>") == h.rfind("</style>"));  // rule data cannot close the style element
      for (const char* banned : {"<script", "<link", "<img", "<iframe", "src=", "href=", "http://", "https://", "url("})
        CHECK_MESSAGE(h.find(banned) == std::string::npos, banned);
      CHECK(h.size() > 1000);
      CHECK(h.substr(h.size() - 8) == "</html>\n");
      CHECK(render(file(""), l).text == h);  // deterministic bytes
    }
  }

  TEST_CASE("10: edited rule data cannot break out of the style element or the text") {
    std::string standard(builtin_standard_json());
    const std::string colour = "\"colour\": \"#267459\"";
    REQUIRE(standard.find(colour) != std::string::npos);
    std::string bad = standard;
    bad.replace(bad.find(colour), colour.size(), "\"colour\": \"red; } </style><script>alert(1)</script>\"");
    // A colour that is not #hex is refused with the rule set (check_rules), the rules in use stay.
    CHECK_THROWS_AS(load_rules(bad, {builtin_texts_json(), builtin_report_json()}), RulesInvalid);
    const auto rules = load_rules(standard, {builtin_texts_json(), builtin_report_json(),
                                             R"({"report":{"page_note":{"zh-Hans":"x","zh-Hant":"x","en":"\"; } </style><script>alert(2)</script>"},)"
                                             R"("title":{"zh-Hans":"x","zh-Hant":"x","en":"<script>alert(3)</script>"}}})"});
    Options o;
    o.lang = Lang::en;
    const std::string h = report_html(file(""), o, *rules).text;
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("</style>") == h.rfind("</style>"));
    CHECK(h.find("--mark: #267459;") != std::string::npos);
    CHECK(h.find("&lt;script&gt;alert(3)&lt;/script&gt;") != std::string::npos);
  }

  TEST_CASE("10: the verdict of the report is the verdict of the check") {
    const std::string failing = file(R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property"}])");
    CHECK(render(failing, Lang::en).verdict == Verdict::fail);
    CHECK(render(file(""), Lang::en).verdict == Verdict::pass);
    // The mark's green (7.3) marks the pass state; status is also in words and symbols.
    const std::string pass = render(file(""), Lang::en).text;
    CHECK(pass.find("--mark: " + R().colour) != std::string::npos);
    CHECK(pass.find("<div class=\"verdict pass\">") != std::string::npos);
    CHECK(pass.find("&#10003; " + text("report.summary.pass", Lang::en)) != std::string::npos);
    CHECK(render(failing, Lang::en).text.find("&#10007; " + text("report.summary.fail", Lang::en)) != std::string::npos);
  }

  TEST_CASE("10: a report of an invalid file is invalid and has no text") {
    for (const std::string& bad : {std::string("not json"), std::string("{}"), std::string(""),
                                   file(R"("administrative_penalties":[{"id":"p1","decided_on":"2025-02-30","field":"labour","type":"property"}])")}) {
      const Output out = render(bad, Lang::zh_Hans);
      CHECK(out.verdict == Verdict::invalid);
      CHECK(out.text.empty());
    }
    Options o;
    o.errors.push_back({"", "bad_option", {{"option", "lang"}, {"value", "\"xx\""}}});
    CHECK(report_html(file(""), o, R()).verdict == Verdict::invalid);
  }

  TEST_CASE("10: the draft statement appears in all three languages, whatever the report's language") {
    for (Lang l : kLangs) {
      const std::string h = render(file(""), l).text;
      for (Lang m : kLangs) CHECK(h.find(text("report.draft_notice", m)) != std::string::npos);
      for (Lang m : kLangs) CHECK(h.find(text("report.mark.specimen", m)) != std::string::npos);
    }
  }

  TEST_CASE("Appendix E: every section heading appears, in the standard's order, then the plan and the mark") {
    for (Lang l : kLangs) {
      const std::string h = render(file(""), l).text;
      std::vector<std::string> order = {text("report.summary.heading", l),   text("report.basic.heading", l),
                                        text("report.certification.heading", l), text("report.integrity.heading", l),
                                        text("report.group.law.heading", l)};
      auto indicator = [&](int i) {
        return escaped(item_clause(R(), kBasicCount + i)) + " " + escaped(item_name(R(), kBasicCount + i, Region::GD, l));
      };
      for (int i = 0; i < 4; ++i) order.push_back(indicator(i));
      order.push_back(text("report.group.rules.heading", l));
      for (int i = 4; i < 7; ++i) order.push_back(indicator(i));
      order.push_back(text("report.group.commitments.heading", l));
      for (int i = 7; i < 9; ++i) order.push_back(indicator(i));
      order.push_back(text("report.group.other.heading", l));
      order.push_back(indicator(9));
      order.push_back(text("standard.appendix_d_amount_note", l));
      order.push_back(text("report.plan.heading", l));
      order.push_back(text("report.plan.counselling", l));
      order.push_back(text("report.mark.heading", l));
      CHECK(in_order(h, order));
      // Six page groups: summary; basic + certification; law; rules; commitments + other; plan.
      CHECK(count(h, "<section class=\"group\"") == 6);
      CHECK(h.find("break-before: page") != std::string::npos);
      // The rule data's id and version, and the evaluation date.
      CHECK(h.find(escaped(R().id)) != std::string::npos);
      CHECK(h.find(escaped(R().version)) != std::string::npos);
      CHECK(h.find("2027-01-01") != std::string::npos);
      // Ten empty tables, each saying "none" in the language.
      CHECK(count(h, "<p class=\"none\">" + text("report.none", l) + "</p>") >= 10);
    }
  }

  TEST_CASE("Table 1: each indicator appears under its own jurisdiction's name (Macao: 行政違法)") {
    const std::string mo = render(file("", "MO", "澳門測試有限公司"), Lang::zh_Hant).text;
    CHECK(mo.find("6.2.1 行政違法") != std::string::npos);
    CHECK(mo.find("行政處罰 ") == std::string::npos);
    CHECK(render(file("", "MO"), Lang::en).text.find("6.2.1 Administrative violation") != std::string::npos);
    CHECK(render(file("", "GD"), Lang::zh_Hans).text.find("6.2.1 行政处罚") != std::string::npos);
    CHECK(render(file("", "HK"), Lang::zh_Hant).text.find("6.2.1 行政處罰") != std::string::npos);
  }

  TEST_CASE("Appendix E: every record shows whether it counts, why, and until when") {
    const std::string f = file(
        R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property","authority":"劳动局","cause":"欠薪"},)"
        R"({"id":"p2","decided_on":"2026-06-01","field":"labour","type":"property","annulled":true}],)"
        R"("certification_violations":[{"id":"v1","scheme":"C01","measure":"cancellation","occurred_on":"2026-03-01"}],)"
        R"("risk_list_entries":[{"id":"r1","list":"commercial_arrears","listed_on":"2026-01-01"}])");
    Options o;
    o.lang = Lang::en;
    Prepared p = prepare(f, o, R());
    REQUIRE(p.valid());
    const Evaluation ev = evaluate(p.parsed.enterprise, R(), p.on, p.parsed.warnings);
    const std::string h = render(f, Lang::en).text;
    REQUIRE(ev.indicators[0].counted.size() == 1);
    REQUIRE(ev.indicators[0].not_counted.size() == 1);
    CHECK(h.find(escaped(reason_text(ev.indicators[0].counted[0].reason, R(), Lang::en))) != std::string::npos);
    CHECK(h.find(escaped(reason_text(ev.indicators[0].not_counted[0].reason, R(), Lang::en))) != std::string::npos);
    CHECK(h.find(format_date(ev.indicators[0].counted[0].counts_until)) != std::string::npos);  // 2027-06-01
    CHECK(h.find("劳动局") != std::string::npos);
    CHECK(h.find(text("report.counts.yes", Lang::en)) != std::string::npos);
    CHECK(h.find(text("report.counts.no", Lang::en)) != std::string::npos);
    CHECK(h.find(text("report.counts.open", Lang::en)) != std::string::npos);  // r1: listed, no end
    // Appendix C's category of the scheme (C01 is mandatory).
    const EnumDef& cat = R().enum_def("certification_category");
    CHECK(h.find(escaped(cat.labels[static_cast<std::size_t>(cat.index_of("mandatory"))][Lang::en])) != std::string::npos);
    // The failing clauses with their clears_on in the summary, and the earliest pass date.
    CHECK(h.find(text("report.status.fail", Lang::en)) != std::string::npos);
    CHECK(h.find(text("report.summary.earliest_none", Lang::en)) != std::string::npos);
  }

  TEST_CASE("Appendix E: hostile names, matters, ids and authorities show as text, in every language") {
    const std::vector<std::string> payloads = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                                               "' onmouseover='alert(1)", "&lt;b&gt; & <b>bold</b>"};
    for (const std::string& bad : payloads) {
      const std::string f = file(
          R"("administrative_penalties":[{"id":)" + js("p" + bad) + R"(,"decided_on":"2026-06-01","field":"labour","type":"property","authority":)" +
              js(bad + "A") + R"(,"cause":)" + js(bad + "C") + R"(}],)"
              R"("self_regulatory_violations":[{"id":"s1","organization":)" + js(bad + "O") +
              R"(,"measure":"public_censure","imposed_on":"2026-06-01","matter":)" + js(bad + "M") + R"(,"source":)" + js(bad + "S") + R"(}],)"
              R"("judgments":[{"id":"j1","case_type":"civil","effective":true,"nonperformance_from":"2026-01-01","court":)" + js(bad + "J") + R"(}],)"
              R"("risk_list_entries":[{"id":"r1","list":"other","listed_on":"2026-01-01","cause":)" + js(bad + "R") + R"(}])",
          "GD", bad + "N",
          R"(,"id_code":)" + js(bad + "I") + R"(,"legal_representative":)" + js(bad + "L") + R"(,"address":)" + js(bad + "D") +
              R"(,"enterprise_type":)" + js(bad + "T") + R"(,"business_scope":)" + js(bad + "B") + R"(,"division_code":)" + js(bad));
      for (Lang l : kLangs) {
        const Output out = render(f, l);
        REQUIRE(out.verdict == Verdict::fail);
        const std::string& h = out.text;
        CHECK(h.find("<script") == std::string::npos);
        CHECK(h.find("<img") == std::string::npos);
        CHECK(h.find("<b>") == std::string::npos);
        CHECK(h.find("onmouseover='") == std::string::npos);
        CHECK(h.find(bad) == std::string::npos);
        for (const char* suffix : {"N", "I", "L", "D", "T", "B", "A", "C", "O", "M", "S", "J", "R"})
          CHECK_MESSAGE(h.find(escaped(bad + suffix)) != std::string::npos, suffix);
        CHECK(h.find(escaped("p" + bad)) != std::string::npos);  // the record id
      }
    }
  }

  TEST_CASE("8.7: a registration status other than subsisting is said in the basic information") {
    const std::string h = render(file("", "GD", "测试企业", R"(,"registration_status":"revoked")"), Lang::zh_Hans).text;
    CHECK(h.find(text("report.basic.registration_note", Lang::zh_Hans)) != std::string::npos);
    CHECK(render(file(""), Lang::zh_Hans).text.find(text("report.basic.registration_note", Lang::zh_Hans)) == std::string::npos);
  }

  TEST_CASE("7: the mark specimen carries a 7.4 code built from the division code and never a real one") {
    CHECK(render(file("", "GD", "测试企业", R"(,"division_code":"440115")"), Lang::en).text.find("440115 III YYYYMMDD NNNN") !=
          std::string::npos);
    CHECK(render(file("", "HK"), Lang::zh_Hant).text.find("810000 III YYYYMMDD NNNN") != std::string::npos);
    CHECK(render(file("", "MO"), Lang::zh_Hant).text.find("820000 III YYYYMMDD NNNN") != std::string::npos);
    // A division code of another region is not used for the specimen.
    CHECK(render(file("", "MO", "x", R"(,"division_code":"440115")"), Lang::en).text.find("820000 III") != std::string::npos);
    for (Lang l : kLangs) {
      const std::string h = render(file(""), l).text;
      CHECK(h.find(escaped(R().mark_name[Lang::zh_Hans])) != std::string::npos);  // 7.1 守信合规企业
      for (const char* key : {"report.mark.code", "report.mark.issuer", "report.mark.issued_on", "report.mark.last_review_on"})
        CHECK_MESSAGE(h.find(text(key, l)) != std::string::npos, key);
    }
  }

  TEST_CASE("8.8: the action plan is counselling, with the earliest dates and the actions") {
    const std::string f = file(R"("administrative_coercions":[{"id":"c1","subject":"enterprise","measure":"freezing","started_on":"2026-06-01"}],)"
                               R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property","disputed":true}])");
    Options o;
    o.lang = Lang::zh_Hans;
    Prepared p = prepare(f, o, R());
    REQUIRE(p.valid());
    const Plan plan = make_plan(p.parsed.enterprise, R(), p.on, p.parsed.warnings);
    REQUIRE(plan.actions.size() == 1);
    const std::string h = render(f, Lang::zh_Hans).text;
    CHECK(h.find(escaped(action_text(p.parsed.enterprise, plan, plan.actions[0], R(), Lang::zh_Hans))) != std::string::npos);
    for (const char* key : {"report.plan.doing_nothing", "report.plan.all_actions", "report.plan.disputes"})
      CHECK_MESSAGE(h.find(text(key, Lang::zh_Hans)) != std::string::npos, key);
    CHECK(h.find(text("report.plan.no_disputes", Lang::zh_Hans)) == std::string::npos);  // p1 is disputed
    CHECK(h.find(human_date(plan.earliest_pass_all_actions, Lang::zh_Hans)) != std::string::npos);
    // A passing enterprise needs nothing.
    CHECK(render(file(""), Lang::zh_Hans).text.find(text("report.plan.passing", Lang::zh_Hans)) != std::string::npos);
  }

  TEST_CASE("golden: the reports of tests/cases/reports match the library byte for byte") {
    std::vector<std::filesystem::path> inputs;
    for (const auto& entry : std::filesystem::directory_iterator(kReports))
      if (entry.path().extension() == ".json") inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 3);
    for (const auto& in : inputs) {
      const std::string json = slurp(in);
      for (Lang l : kLangs) {
        const std::filesystem::path expected =
            kReports / (in.stem().string() + "." + kLangCodes[static_cast<std::size_t>(l)] + ".html");
        INFO("golden " << expected.string() << " (regenerate: tools/regen-reports.sh, then review the diff)");
        REQUIRE(std::filesystem::exists(expected));
        const Output out = render(json, l);
        CHECK(out.verdict != Verdict::invalid);
        const std::string want = slurp(expected);
        if (out.text != want) {
          std::size_t at = 0;
          while (at < want.size() && at < out.text.size() && want[at] == out.text[at]) ++at;
          FAIL_CHECK("differs from byte " << at << ": got \"" << out.text.substr(at, 80) << "\"");
        }
      }
    }
  }
}
