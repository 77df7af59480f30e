// What if (issue 15, item 4): what_if_json applies the plan's actions to the file and checks it,
// and gives what checking the file edited by hand gives, for every action kind the plan offers in
// the golden cases and the demo samples.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace test;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<fs::path> files() {
  std::vector<fs::path> out;
  for (const char* dir : {"tests/cases/good", "web/samples"})
    for (const auto& e : fs::directory_iterator(fs::path(NVCHECK_SOURCE_DIR) / dir)) {
      const std::string n = e.path().filename().string();
      if (e.path().extension() == ".json" && n.find(".expect.") == std::string::npos) out.push_back(e.path());
    }
  std::sort(out.begin(), out.end());
  return out;
}

// The end event each action sets, as a person editing the file knows it (docs/rules.md "Route to
// passing"), written here independently of the rule data the engine reads it from.
const std::map<std::string, std::pair<std::string, std::string>>& by_hand() {
  static const std::map<std::string, std::pair<std::string, std::string>> m = {
      {"release_coercion", {"", "released_on"}},   {"perform_judgment", {"", "performed_on"}},
      {"close_criminal_case", {"", "closed_on"}},  {"end_measure", {"", "ended_on"}},
      {"resolve_complaint", {"", "resolved_on"}},  {"remove_listing", {"", "removed_on"}}};
  return m;
}

Options options_on(const std::string& on) {
  Options o;
  o.on = day(on.c_str());
  return o;
}

}  // namespace

TEST_SUITE("plan") {
  TEST_CASE("What if: each action kind gives what the file edited by hand gives") {
    std::set<std::string> kinds;
    int compared = 0;
    for (const fs::path& p : files()) {
      const std::string text = slurp(p);
      for (const char* on : {"2026-06-30", "2027-03-01"}) {
        const Options o = options_on(on);
        const json plan = json::parse(plan_json(text, o, rules()).text);
        if (plan["schema"] != "nvcheck/plan@1") continue;
        json all = json::array();
        json edited = json::parse(text);
        for (const auto& a : plan["actions"]) {
          const std::string kind = a["action"].get<std::string>();
          REQUIRE_MESSAGE(by_hand().count(kind), kind);
          kinds.insert(kind);
          // One action: the file with that record's end date set by hand.
          json one = json::parse(text);
          bool found = false;
          for (auto& [list, recs] : one["records"].items())
            for (auto& r : recs)
              if (r["id"] == a["record"]) {
                r[by_hand().at(kind).second] = a["done_on"];
                for (auto& r2 : edited["records"][list])
                  if (r2["id"] == a["record"]) r2[by_hand().at(kind).second] = a["done_on"];
                found = true;
              }
          REQUIRE(found);
          const Output w = what_if_json(text, json::array({a}).dump(), o, rules());
          const json got = json::parse(w.text);
          const std::string where = p.filename().string() + " " + w.text.substr(0, 300);
          REQUIRE_MESSAGE(got["schema"] == "nvcheck/what-if@1", where);
          CHECK(got["result"].dump() == json::parse(check_json(one.dump(), o, rules()).text).dump());
          REQUIRE(got["changes"].size() == 1);
          CHECK(got["changes"][0]["record"] == a["record"]);
          CHECK(got["changes"][0]["field"] == by_hand().at(kind).second);
          CHECK(got["changes"][0]["value"] == a["done_on"]);
          // The plan's own projection of the action agrees with the check of the edited file.
          CHECK(got["result"]["earliest_pass_date"] == a["earliest_pass_date"]);
          all.push_back(a);
          ++compared;
        }
        if (all.empty()) continue;
        const json got = json::parse(what_if_json(text, all.dump(), o, rules()).text);
        CHECK(got["result"].dump() == json::parse(check_json(edited.dump(), o, rules()).text).dump());
        CHECK(got["result"]["earliest_pass_date"] == plan["earliest_pass_date_all_actions"]);
      }
    }
    CHECK(compared > 10);
    CHECK(kinds.size() == by_hand().size());  // every action kind was applied at least once
  }

  TEST_CASE("What if: an action the plan does not offer, or no actions array, is refused as bad_action") {
    const std::string text = slurp(fs::path(NVCHECK_SOURCE_DIR) / "tests/cases/good/11-hk-coercion-release.json");
    const Options o = options_on("2026-06-30");
    const json plan = json::parse(plan_json(text, o, rules()).text);
    REQUIRE(!plan["actions"].empty());
    json a = plan["actions"][0];
    a["record"] = "no-such-record";
    for (const std::string& actions : {json::array({a}).dump(), std::string("{}"), std::string("[1]")}) {
      const Output w = what_if_json(text, actions, o, rules());
      const json got = json::parse(w.text);
      CHECK(got["verdict"] == "invalid");
      CHECK(got["errors"][0]["code"] == "bad_action");
      CHECK(w.errors.size() == 1);
    }
    // No actions: the file as it is.
    CHECK(json::parse(what_if_json(text, "[]", o, rules()).text)["result"].dump() ==
          json::parse(check_json(text, o, rules()).text).dump());
  }

  TEST_CASE("Detail: the evaluation date's source, each record's name and each counted record's window start") {
    const std::string recs = R"("administrative_penalties":[{"id":"p1","decided_on":"2026-01-10","field":"market_regulation","type":"property","annulled":false}])";
    Options o;
    o.today = day("2026-06-30");
    o.detail = true;
    const json today = json::parse(check_json(file(recs), o, rules()).text);
    CHECK(today["evaluated_on_source"] == "today");
    REQUIRE(today["indicators"][0]["counted"].size() == 1);
    CHECK(today["indicators"][0]["counted"][0]["counts_from"] == "2026-01-10");
    std::string dated = file(recs);
    dated.replace(dated.find("\"application\":{"), 15, "\"application\":{\"date\":\"2026-05-01\",");
    const json applied = json::parse(check_json(dated, o, rules()).text);
    CHECK(applied["evaluated_on_source"] == "application_date");
    CHECK(applied["evaluated_on"] == "2026-05-01");
    o.on = day("2026-07-01");
    CHECK(json::parse(check_json(file(recs), o, rules()).text)["evaluated_on_source"] == "on");
    o.detail = false;
    CHECK_FALSE(json::parse(check_json(file(recs), o, rules()).text).contains("evaluated_on_source"));
    // Each record named by what it is, its authority included (a check alone reads no free text).
    const std::string named = R"("administrative_penalties":[{"id":"p1","decided_on":"2026-01-10","field":"market_regulation","type":"property","annulled":false,"authority":"Guangzhou AMR"},)"
                              R"({"id":"p2","decided_on":"2020-01-10","field":"market_regulation","type":"property","annulled":false}])";
    o.detail = true;
    const json withNames = json::parse(check_json(file(named), o, rules()).text);
    CHECK(withNames["indicators"][0]["counted"][0].value("name", std::string()) == "the administrative penalty of 10 January 2026 (Guangzhou AMR, no. p1)");
    CHECK(withNames["indicators"][0]["not_counted"][0].value("name", std::string()) == "the administrative penalty of 10 January 2020 (no. p2)");
    o.detail = false;
    CHECK_FALSE(json::parse(check_json(file(named), o, rules()).text)["indicators"][0]["counted"][0].contains("name"));
    Options parsed = parse_options(R"({"detail":true})");
    CHECK(parsed.detail);
    CHECK(parse_options(R"({"detail":"yes"})").errors.size() == 1);
  }
}
