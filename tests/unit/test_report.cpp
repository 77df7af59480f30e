// Clause 10 and Appendix E: the draft report as one self-contained HTML document, in the
// standard's section order, in three languages, with every user text escaped; byte goldens.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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

// The trilingual report (`--lang all`): every Table E.1 label in its three printed forms.
Output render_all(const std::string& json) {
  Options o;
  o.all_languages = true;
  return report_html(json, o, R());
}

// A date as Table E.1 writes it: yyyy/mm/dd.
std::string slashed(Day d) {
  std::string s = format_date(d);
  for (char& ch : s)
    if (ch == '-') ch = '/';
  return s;
}

// One record in every list, so that every table of Table E.1 is shown with its columns.
const std::string kEveryList =
    R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property"}],)"
    R"("administrative_coercions":[{"id":"c1","subject":"enterprise","measure":"freezing","started_on":"2026-06-01"}],)"
    R"("judgments":[{"id":"j1","case_type":"civil","effective":true,"nonperformance_from":"2026-01-01"}],)"
    R"("criminal_cases":[{"id":"k1","subject":"enterprise","status":"suspected","arose_on":"2026-01-01"}],)"
    R"("self_regulatory_violations":[{"id":"s1","organization":"A01","measure":"public_censure","imposed_on":"2026-06-01"}],)"
    R"("community_violations":[{"id":"m1","platform":"weibo","measure":"mute","imposed_on":"2026-06-01"}],)"
    R"("certification_violations":[{"id":"v1","scheme":"C01","measure":"cancellation","occurred_on":"2026-03-01"},)"
    R"({"id":"v2","scheme":"C06","measure":"cancellation","occurred_on":"2026-03-01"}],)"
    R"("contract_complaints":[{"id":"q1","contract_type":"commercial","valid":true,"received_on":"2026-06-01"}],)"
    R"("commitment_complaints":[{"id":"w1","form":"written","valid":true,"received_on":"2026-06-01"}],)"
    R"("risk_list_entries":[{"id":"r1","list":"commercial_arrears","listed_on":"2026-01-01"}])";

// The keys of the rule data's texts under `prefix` (e.g. "report.e1.").
std::vector<std::string> keys_under(const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& [key, text] : R().texts)
    if (key.rfind(prefix, 0) == 0) out.push_back(key);
  return out;
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
                                             R"("e1":{"title":{"zh-Hans":"x","zh-Hant":"x","en":"<script>alert(3)</script>"}}}})"});
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
      auto e1 = [&](const char* key) {
        if (l == Lang::en)
          if (auto it = R().texts.find(std::string("report.e1_en.") + key); it != R().texts.end()) return escaped(it->second[l]);
        return text((std::string("report.e1.") + key).c_str(), l);
      };
      std::vector<std::string> order = {text("report.summary.heading", l), text("report.part.basic", l),
                                        e1("certification"), text("report.part.law", l), e1("integrity"), e1("law")};
      auto indicator = [&](int i) {
        return escaped(item_clause(R(), kBasicCount + i)) + " " + escaped(item_name(R(), kBasicCount + i, Region::GD, l));
      };
      auto table = [&](int i) {
        order.push_back(e1((std::string("table.") + kListNames[static_cast<std::size_t>(i)]).c_str()));
        order.push_back(indicator(i));
      };
      for (int i = 0; i < 4; ++i) table(i);
      order.push_back(text("report.part.rules", l));
      order.push_back(e1("rules"));
      for (int i = 4; i < 7; ++i) table(i);
      order.push_back(text("report.part.commitments", l));
      order.push_back(e1("commitments"));
      for (int i = 7; i < 9; ++i) table(i);
      order.push_back(text("report.part.other", l));
      order.push_back(e1("other"));
      table(9);
      order.push_back(text("standard.appendix_d_amount_note", l));
      order.push_back(text("report.summary.checks", l));
      order.push_back(text("report.plan.heading", l));
      order.push_back(text("report.plan.counselling", l));
      order.push_back(text("report.mark.heading", l));
      CHECK(in_order(h, order));
      // Clause 10's five parts and the annex; sections flow across pages (no forced page break).
      CHECK(count(h, "<section class=\"part\"") == 6);
      CHECK(h.find("break-before: page") == std::string::npos);
      // The rule data's id and version, and the evaluation date.
      CHECK(h.find(escaped(R().id)) != std::string::npos);
      CHECK(h.find(escaped(R().version)) != std::string::npos);
      CHECK(h.find("2027/01/01") != std::string::npos);
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
    CHECK(h.find(slashed(ev.indicators[0].counted[0].counts_until)) != std::string::npos);  // 2027/06/01
    CHECK(h.find("2026/06/01") != std::string::npos);  // Table E.1's yyyy/mm/dd
    CHECK(h.find("2026-06-01") == std::string::npos);
    CHECK(h.find("劳动局") != std::string::npos);
    CHECK(h.find(text("report.counts.yes", Lang::en)) != std::string::npos);
    CHECK(h.find(text("report.counts.no", Lang::en)) != std::string::npos);
    CHECK(h.find(text("report.counts.open", Lang::en)) != std::string::npos);  // r1: listed, no end
    // Appendix C's category of the scheme (C01 is mandatory).
    CHECK(h.find(text("report.e1.category_value.mandatory", Lang::en)) != std::string::npos);
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

  TEST_CASE("8.8: counselling notes and the consultant are report options, printed as text in the counselling section") {
    const std::string f = file(R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property"},)"
                               R"({"id":"p2","decided_on":"2026-07-01","field":"labour","type":"property"}])");
    const std::vector<std::string> payloads = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                                               "' onmouseover='alert(1)", "&lt;b&gt; & <b>bold</b>"};
    for (const std::string& bad : payloads) {
      const std::string opts = R"({"consultant":)" + js(bad + "K") + R"(,"notes":)" + js(bad + "E\nline 2") +
                               R"(,"record_notes":{"p2":)" + js(bad + "P2") + R"(,"gone":"not a record"}})";
      for (const char* lang : {"en", "zh-Hans", "zh-Hant", "all"}) {
        Options o = parse_options(R"({"lang":")" + std::string(lang) + R"(",)" + opts.substr(1));
        REQUIRE(o.errors.empty());
        const Output out = report_html(f, o, R());
        REQUIRE(out.verdict == Verdict::fail);
        const std::string& h = out.text;
        CHECK(h.find("<script") == std::string::npos);
        CHECK(h.find("<img") == std::string::npos);
        CHECK(h.find("<b>") == std::string::npos);
        CHECK(h.find("onmouseover='") == std::string::npos);
        CHECK(h.find(bad) == std::string::npos);
        for (const char* suffix : {"K", "E\nline 2", "P2"}) CHECK_MESSAGE(h.find(escaped(bad + suffix)) != std::string::npos, suffix);
        CHECK(h.find("not a record") == std::string::npos);  // a note for no record of the file
        // The notes come after the plan's counselling line (8.8) and before the mark.
        Lang l = Lang::zh_Hans;  // the trilingual report's first form
        if (std::string(lang) != "all") REQUIRE(parse_lang(lang, l));
        const std::size_t plan = h.find(text("report.plan.counselling", l)), notes = h.find(text("report.notes.heading", l)),
                          mark = h.find(text("report.mark.heading", l));
        CHECK(plan < notes);
        CHECK(notes < mark);
        CHECK(mark != std::string::npos);
        CHECK(h.find(text("report.meta.consultant", l)) != std::string::npos);  // named on the first page too
      }
    }
    // Without notes or consultant the report has no notes section (and the same bytes as before).
    for (Lang l : kLangs) {
      const std::string h = render(f, l).text;
      CHECK(h.find(text("report.notes.heading", l)) == std::string::npos);
      CHECK(h.find(text("report.meta.consultant", l)) == std::string::npos);
    }
    // The notes never change the verdict or the evaluation.
    Options o = parse_options(R"({"notes":"all fine","record_notes":{"p1":"withdrawn"}})");
    CHECK(report_html(f, o, R()).verdict == Verdict::fail);
    // A note that is not text is a bad option.
    for (const char* bad : {R"({"notes":1})", R"({"consultant":["x"]})", R"({"record_notes":{"p1":2}})", R"({"record_notes":"p1"})"})
      CHECK_MESSAGE(parse_options(bad).errors.size() == 1, bad);
  }

  TEST_CASE("Table E.1: the trilingual report shows every label of the rule data in its three printed forms") {
    const std::vector<std::string> keys = keys_under("report.e1.");
    REQUIRE(keys.size() > 60);
    // One report per region and registration status, so that every value is somewhere.
    std::map<std::string, std::string> by_value;  // the key of a value -> the report that shows it
    const std::string base = file(kEveryList);
    const std::string everything = render_all(base).text;
    for (const char* region : {"GD", "HK", "MO"})
      by_value[std::string("report.e1.region_value.") + region] = render_all(file(kEveryList, region)).text;
    for (const std::string& status : R().enum_def("registration_status").values)
      by_value["report.e1.registration_value." + status] =
          render_all(file(kEveryList, "GD", "测试企业", R"(,"registration_status":")" + status + "\"")).text;
    for (const std::string& key : keys) {
      const Text3& t = R().texts.find(key)->second;
      const bool is_value = key.find("_value.") != std::string::npos && key.find("category_value.") == std::string::npos;
      const std::string& h = is_value ? by_value.at(key) : everything;
      for (Lang l : kLangs) {
        CAPTURE(key);
        CAPTURE(kLangCodes[static_cast<std::size_t>(l)]);
        REQUIRE_FALSE(t.v[static_cast<std::size_t>(l)].empty());  // the rule data has all three forms
        if (key == "report.e1.date_format") continue;                // the format itself, not a label
        CHECK(h.find(">" + escaped(t.v[static_cast<std::size_t>(l)]) + "<") != std::string::npos);
      }
      // Stacked: simplified, traditional, English, in that order, in one label.
      const bool stacked = key == "report.e1.date_format" ||
                           h.find("<span class=\"tri\"><span lang=\"zh-Hans\">" + escaped(t.v[0]) + "</span><span lang=\"zh-Hant\">" +
                                  escaped(t.v[1]) + "</span><span lang=\"en\">" + escaped(t.v[2]) + "</span></span>") != std::string::npos;
      CHECK_MESSAGE(stacked, key);
    }
    // Clause 10's five parts, stacked too; the printed words, not a clearer English word.
    for (const std::string& key : keys_under("report.part."))
      for (Lang l : kLangs) CHECK(everything.find(escaped(R().texts.find(key)->second[l])) != std::string::npos);
    CHECK(everything.find("Illegal / Compliance with legal<") != std::string::npos);
    CHECK(everything.find("(compliance with law)") == std::string::npos);
    CHECK(everything.rfind("<!DOCTYPE html>\n<html lang=\"zh-Hans\">", 0) == 0);
    // Sentences with dates are in each language with that language's dates.
    const std::string pen = render_all(file(R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property"}])")).text;
    Day clears = kNever;
    REQUIRE(parse_date("2027-06-01", clears));
    for (Lang l : kLangs)
      CHECK(pen.find(escaped(fill(R().text("report.status.clears_on", l), {{"date", human_date(clears, l)}}))) != std::string::npos);
  }

  TEST_CASE("Table E.1: each single-language report uses that script's printed labels and yyyy/mm/dd") {
    const std::string f = file(kEveryList, "HK", "測試有限公司", R"(,"address":"香港中環","registration_status":"dissolved")");
    const std::string hant = render(f, Lang::zh_Hant).text;
    for (const char* printed : {">通訊位址<", ">經營狀態<", ">違法原因<", ">案件名稱<", ">處罰機關<", ">序號<", ">契約投訴<", ">香港<", ">已告解散"})
      CHECK_MESSAGE(hant.find(printed) != std::string::npos, printed);
    for (const char* ours : {"通訊地址", ">登記狀態<", "實施機關", "香港特別行政區", "投訴日期"})
      CHECK_MESSAGE(hant.find(ours) == std::string::npos, ours);
    const std::string hans = render(f, Lang::zh_Hans).text;
    for (const char* printed : {">通讯地址<", ">登记状态<", ">事由<", ">处罚机关<", ">违约日期<", ">参考附录 A<", ">香港<"})
      CHECK_MESSAGE(hans.find(printed) != std::string::npos, printed);
    const std::string en = render(f, Lang::en).text;
    for (const char* printed : {">Illegal (compliance with law)<", ">Nature of Business (business scope)<", ">order number (No.)<",
                                ">Punishment department (authority)<", ">Default date<", ">Reference appendixA<",
                                ">HongKong (Hong Kong)<", ">Log off (dissolved) &#9888;", ">Abide by the rules (compliance with rules)<"})
      CHECK_MESSAGE(en.find(printed) != std::string::npos, printed);
    for (const char* ours : {"Business scope<", "Penalty authority", "Certification status<"})
      CHECK_MESSAGE(en.find(ours) == std::string::npos, ours);
    // Every label (not a value) of Table E.1 in the report's own language.
    for (const std::string& key : keys_under("report.e1.")) {
      if (key.find("_value.") != std::string::npos || key == "report.e1.date_format") continue;
      CAPTURE(key);
      CHECK(hans.find(escaped(R().texts.find(key)->second[Lang::zh_Hans])) != std::string::npos);
      CHECK(hant.find(escaped(R().texts.find(key)->second[Lang::zh_Hant])) != std::string::npos);
    }
    // The English report's clearer words come after the printed English, never instead of it.
    for (const std::string& key : keys_under("report.e1_en.")) {
      const std::string printed = R().text("report.e1." + key.substr(std::string("report.e1_en.").size()), Lang::en);
      const std::string clear = R().texts.find(key)->second[Lang::en];
      CAPTURE(key);
      const std::string head = printed.substr(0, printed.find_first_of(" /"));
      CHECK(clear.rfind(head, 0) == 0);
      // Its Chinese forms (every text has three) are Table E.1's own.
      const Text3& e1 = R().texts.find("report.e1." + key.substr(std::string("report.e1_en.").size()))->second;
      CHECK(R().texts.find(key)->second.v[0] == e1.v[0]);
      CHECK(R().texts.find(key)->second.v[1] == e1.v[1]);
    }
    // Dates in the tables: yyyy/mm/dd.
    for (const std::string* h : {&hant, &hans, &en}) {
      CHECK(h->find("2026/06/01") != std::string::npos);
      CHECK(h->find("2026-06-01") == std::string::npos);
    }
  }

  TEST_CASE("Table E.1: the labels come from the rule data, not from the engine") {
    const auto rules = load_rules(builtin_standard_json(), {builtin_texts_json(), builtin_report_json(),
                                                            R"({"report":{"e1":{"address":{"zh-Hans":"联络地址","zh-Hant":"聯絡位址<x>","en":"Contact address"},)"
                                                            R"("registration_value":{"revoked":{"zh-Hans":"吊销","zh-Hant":"吊銷","en":"Struck off"}}}}})"});
    Options o;
    o.lang = Lang::zh_Hant;
    const std::string f = file("", "HK", "x", R"(,"registration_status":"revoked")");
    CHECK(report_html(f, o, *rules).text.find(">聯絡位址&lt;x&gt;<") != std::string::npos);
    o.all_languages = true;
    CHECK(report_html(f, o, *rules).text.find(">Struck off<") != std::string::npos);
  }

  TEST_CASE("10: the trilingual form is the report's alone; other doors refuse it") {
    const Options o = parse_options(R"({"lang":"all"})");
    CHECK(o.errors.empty());
    CHECK(o.all_languages);
    CHECK(report_html(file(""), o, R()).verdict == Verdict::pass);
    const Output checked = check_json(file(""), o, R());
    CHECK(checked.verdict == Verdict::invalid);
    CHECK(checked.text.find("bad_option") != std::string::npos);
    CHECK(plan_json(file(""), o, R()).verdict == Verdict::invalid);
  }

  TEST_CASE("10: the summary comes first: verdict, earliest pass date, the actions that bring it forward") {
    const std::string f = file(R"("administrative_coercions":[{"id":"c1","subject":"enterprise","measure":"freezing","started_on":"2026-06-01"}])");
    for (Lang l : kLangs) {
      const std::string h = render(f, l).text;
      Options o;
      o.lang = l;
      Prepared p = prepare(f, o, R());
      REQUIRE(p.valid());
      const Plan plan = make_plan(p.parsed.enterprise, R(), p.on, p.parsed.warnings);
      REQUIRE_FALSE(plan.actions.empty());
      CHECK(in_order(h, {text("report.summary.verdict", l), text("report.summary.earliest_pass", l), text("report.summary.actions", l),
                         escaped(action_text(p.parsed.enterprise, plan, plan.actions[0], R(), l)), text("report.part.basic", l)}));
      CHECK(in_order(h, {text("report.summary.failing", l).substr(0, 6), "6.2.2", text("report.part.basic", l)}));
    }
  }

  TEST_CASE("7.3 and 8.3: the mark specimen only when the verdict is pass, in the rule data's style") {
    const std::string failing = file(R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property"}])");
    for (Lang l : kLangs) {
      const std::string fail = render(failing, l).text;
      CHECK(fail.find("class=\"specimen\"") == std::string::npos);
      CHECK(fail.find(text("report.mark.needs", l)) != std::string::npos);
      const std::string pass = render(file(""), l).text;
      CHECK(pass.find("class=\"specimen\"") != std::string::npos);
      CHECK(pass.find(text("report.mark.needs", l)) == std::string::npos);
      CHECK(pass.find(text("report.mark.issuer_value", l)) != std::string::npos);  // 8.3: the 标识管理机构
    }
    const std::string pass = render(file(""), Lang::en).text;
    CHECK(pass.find(".specimen .ic { font-size: " + std::to_string(R().mark_main_size) + "pt;") != std::string::npos);
    CHECK(pass.find(".specimen .ic-en { font-size: " + std::to_string(R().mark_english_size) + "pt;") != std::string::npos);
    CHECK(pass.find("font-family: \"" + R().mark_font + "\"") != std::string::npos);
    CHECK(pass.find("<p class=\"ic-en\">" + escaped(R().mark_name[Lang::en]) + "</p>") != std::string::npos);
    CHECK(R().mark_main_size == 96);
    CHECK(R().mark_english_size == 18);
    CHECK(R().mark_font == "Times New Roman");
    // Edited rule data: its sizes are used; a font name cannot leave the CSS string.
    std::string standard(builtin_standard_json());
    const std::string style = "\"font\": \"Times New Roman\",\n   \"main_size\": 96";
    REQUIRE(standard.find(style) != std::string::npos);
    standard.replace(standard.find(style), style.size(), "\"font\": \"x\\\"; } </style><script>alert(1)</script>\",\n   \"main_size\": 72");
    const auto rules = load_rules(standard, {builtin_texts_json(), builtin_report_json()});
    Options o;
    const std::string h = report_html(file(""), o, *rules).text;
    CHECK(h.find(".specimen .ic { font-size: 72pt;") != std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("</style>") == h.rfind("</style>"));
  }

  TEST_CASE("Appendix E: hostile texts show as text in the trilingual report too") {
    const std::string bad = "<script>alert(1)</script>\"'&";
    std::string f = file(R"("administrative_penalties":[{"id":)" + js("p" + bad) +
                             R"(,"decided_on":"2026-06-01","field":"labour","type":"property","authority":)" + js(bad + "A") +
                             R"(,"cause":)" + js(bad + "C") + "}]",
                         "HK", bad + "N", R"(,"address":)" + js(bad + "D"));
    const std::string at = "},\"application\"";
    REQUIRE(f.find(at) != std::string::npos);
    f.replace(f.find(at), at.size(), R"(},"certification":{"first_passed_on":"2025-01-01","institution":)" + js(bad + "I") + R"(},"application")");
    const std::string h = render_all(f).text;
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find(bad) == std::string::npos);
    for (const char* suffix : {"N", "D", "I", "A", "C"}) CHECK_MESSAGE(h.find(escaped(bad + suffix)) != std::string::npos, suffix);
    CHECK(h.find("<title>") != std::string::npos);
    CHECK(h.find(escaped(bad + "N") + " · ") != std::string::npos);  // the title names the enterprise, escaped
  }

  TEST_CASE("8.4, 8.5, 8.7: a certified enterprise that now fails is told what follows, in the result and the report") {
    auto certified = [](std::string f, const std::string& first) {
      const std::string at = "},\"application\"";
      REQUIRE(f.find(at) != std::string::npos);
      f.replace(f.find(at), at.size(), R"(},"certification":{"first_passed_on":")" + first + R"("},"application")");
      return f;
    };
    auto warnings_of = [](const std::string& f) {
      Options o;
      Prepared p = prepare(f, o, R());
      REQUIRE(p.valid());
      std::vector<Warning> ws = evaluate(p.parsed.enterprise, R(), p.on, p.parsed.warnings).warnings;
      return ws;
    };
    auto find = [](const std::vector<Warning>& ws, const std::string& code) -> const Warning* {
      for (const Warning& w : ws)
        if (w.code == code) return &w;
      return nullptr;
    };
    const std::string penalty = R"("administrative_penalties":[{"id":"p1","decided_on":"2026-06-01","field":"labour","type":"property"}])";
    // Certified in 2025, failing since the penalty of 2026-06-01 (8.4).
    const std::string f = certified(file(penalty), "2025-01-01");
    const std::vector<Warning> ws = warnings_of(f);
    const Warning* w = find(ws, "certified_now_fails");
    REQUIRE(w != nullptr);
    CHECK(w->record.empty());
    const std::vector<std::pair<std::string_view, std::string>> want = {{"first_passed_on", "2025-01-01"}, {"since", "2026-06-01"}};
    CHECK(w->args == want);
    CHECK(find(ws, "certified_complaints") == nullptr);
    for (Lang l : kLangs) {
      const std::string msg = warning_message(*w, R(), l);
      Day since = kNever;
      REQUIRE(parse_date("2026-06-01", since));
      CHECK(msg.find(human_date(since, l)) != std::string::npos);
      CHECK(msg.find("{") == std::string::npos);
      Options o;
      o.lang = l;
      CHECK(check_json(f, o, R()).text.find(msg) != std::string::npos);  // the result says it
      CHECK(render(f, l).text.find(escaped(msg)) != std::string::npos);   // and the report
    }
    CHECK(warning_message(*w, R(), Lang::zh_Hans).find("取消标识并依法予以公示") != std::string::npos);
    // Not certified, or certified and passing, or certified after the evaluation date: nothing.
    CHECK(find(warnings_of(file(penalty)), "certified_now_fails") == nullptr);
    CHECK(find(warnings_of(certified(file(""), "2025-01-01")), "certified_now_fails") == nullptr);
    CHECK(find(warnings_of(certified(file(penalty), "2027-06-01")), "certified_now_fails") == nullptr);
    // Certified after the failing record began: the failure holds from the certification on.
    const std::vector<Warning> late_ws = warnings_of(certified(file(penalty), "2026-09-01"));
    const Warning* late = find(late_ws, "certified_now_fails");
    REQUIRE(late != nullptr);
    CHECK(late->args[1].second == "2026-09-01");
    // 8.5: failing on complaints (two valid ones count under 6.2.8).
    const std::string complaints = certified(file(
        R"("contract_complaints":[{"id":"q1","contract_type":"commercial","valid":true,"received_on":"2026-06-01"},)"
        R"({"id":"q2","contract_type":"commercial","valid":true,"received_on":"2026-08-01"}])"), "2025-01-01");
    const std::vector<Warning> cw = warnings_of(complaints);
    REQUIRE(find(cw, "certified_now_fails") != nullptr);
    CHECK(find(cw, "certified_now_fails")->args[1].second == "2026-08-01");  // the second complaint made it fail
    CHECK(find(cw, "certified_complaints") != nullptr);
    // 8.7: a status other than subsisting gets its own plain warning; what 8.7 says only when the
    // enterprise holds a mark.
    const std::string revoked = file("", "GD", "测试企业", R"(,"registration_status":"revoked")");
    CHECK(find(warnings_of(revoked), "registration_not_subsisting") != nullptr);
    CHECK(find(warnings_of(revoked), "registration_changed") == nullptr);
    CHECK(find(warnings_of(certified(revoked, "2025-01-01")), "registration_changed") != nullptr);
    CHECK(find(warnings_of(file("")), "registration_not_subsisting") == nullptr);
    const Warning plain{"", "registration_not_subsisting", {{"status", "revoked"}}, -1, 0};
    CHECK(warning_message(plain, R(), Lang::zh_Hans).find("8.7") == std::string::npos);
    CHECK(R().text("warning.registration_changed", Lang::zh_Hans).find("未在规定期限内通知信用机构") != std::string::npos);
  }

  TEST_CASE("golden: the reports of tests/cases/reports match the library byte for byte") {
    std::vector<std::filesystem::path> inputs;
    for (const auto& entry : std::filesystem::directory_iterator(kReports))
      if (entry.path().extension() == ".json") inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 3);
    for (const auto& in : inputs) {
      const std::string json = slurp(in);
      for (int k = 0; k < 4; ++k) {
        const Lang l = k < 3 ? kLangs[k] : Lang::en;
        const std::string code = k < 3 ? kLangCodes[static_cast<std::size_t>(l)] : "all";
        const std::filesystem::path expected = kReports / (in.stem().string() + "." + code + ".html");
        INFO("golden " << expected.string() << " (regenerate: tools/regen-reports.sh, then review the diff)");
        REQUIRE(std::filesystem::exists(expected));
        const Output out = k < 3 ? render(json, l) : render_all(json);
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
