// Swapping the rule data never changes a result: a rule set freed and the next one allocated at
// the same address must not see anything of the first (issue 15, item 3: no cache keyed by an
// address). Every golden case, swapped engine against a freshly loaded one, many rounds.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace test;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> golden_inputs() {
  std::vector<fs::path> paths;
  for (const char* dir : {"good", "invalid"})
    for (const auto& e : fs::directory_iterator(fs::path(NVCHECK_SOURCE_DIR) / "tests" / "cases" / dir)) {
      const std::string n = e.path().filename().string();
      if (e.path().extension() == ".json" && n.find(".expect.") == std::string::npos) paths.push_back(e.path());
    }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(slurp(p));
  return out;
}

// Every string under `j` gets `mark` appended (the reasons of round r read differently from those
// of round r - 1, so a text kept from the freed set shows).
void mark_strings(json& j, const std::string& mark) {
  if (j.is_string()) j = j.get<std::string>() + mark;
  else if (j.is_structured())
    for (auto& v : j) mark_strings(v, mark);
}

// Round r's rule data: the standard with one more Appendix A entry (the same allocation sizes
// as the round before), and texts whose reasons, errors and plan texts carry the round's mark.
struct RoundData {
  std::string standard, texts;
};
RoundData round_data(int r) {
  json s = json::parse(builtin_standard_json());
  s["appendix_a"].push_back({{"id", "A33"}, {"region", "GD"}, {"name", "新商会" + std::to_string(r % 10)},
                             {"zh-Hant", "新商會"}, {"en", "New Chamber"}});
  json t = json::parse(builtin_texts_json());
  for (const char* k : {"reason", "error", "plan", "warning"})
    if (t.contains(k)) mark_strings(t[k], " #" + std::to_string(r % 10));
  return {s.dump(), t.dump()};
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("Rules: swapping rule sets many times gives what a freshly loaded engine gives, every golden case") {
    const std::vector<std::string> inputs = golden_inputs();
    REQUIRE(inputs.size() > 20);
    std::vector<RoundData> data;
    for (int r = 0; r < 10; ++r) data.push_back(round_data(r));
    std::shared_ptr<const Rules> in_use;
    int compared = 0;
    for (int round = 0; round < 30; ++round) {
      const RoundData& d = data[static_cast<std::size_t>(round % 10)];
      in_use.reset();  // freed first, so the next set is likely to take its place
      in_use = load_rules(d.standard, {d.texts, builtin_report_json()});
      const auto fresh = load_rules(d.standard, {d.texts, builtin_report_json()});
      for (const std::string& text : inputs)
        for (const char* lang : kLangCodes) {
          Options o;
          REQUIRE(parse_lang(lang, o.lang));
          o.today = day("2026-06-01");
          // The swapped engine first, so whatever it keeps is kept under its own address.
          const Output swapped = check_json(text, o, *in_use), swapped_plan = plan_json(text, o, *in_use);
          const Output want = check_json(text, o, *fresh), want_plan = plan_json(text, o, *fresh);
          CAPTURE(round);
          CAPTURE(lang);
          REQUIRE(swapped.text == want.text);
          REQUIRE(swapped_plan.text == want_plan.text);
          compared += 2;
        }
    }
    CHECK(compared > 1000);
  }

  TEST_CASE("Rules: a text the rule data lacks is its key, kept as long as the rules") {
    const auto r = load_rules(builtin_standard_json(), {builtin_texts_json()});
    const std::string& a = r->text("no.such.key.a", Lang::en);
    const std::string& b = r->text("no.such.key.b", Lang::en);
    CHECK(a == "no.such.key.a");  // the first is not overwritten by the second
    CHECK(b == "no.such.key.b");
  }
}
