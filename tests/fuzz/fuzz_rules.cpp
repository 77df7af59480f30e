// libFuzzer target over rule data (issue 15): edits of the built-in rule set are checked, loaded
// and used on the golden cases. A set check_rules passes must load, and evaluate, plan and report
// every golden case without a trap, and be compared with the built-in set (rules diff); a set it
// refuses must be refused by load_rules too.
//
// Input: lines "POINTER=JSON" (an edit of wq179.json: /indicators/0/window_months=141110341) or
// "t:POINTER=JSON" (an edit of texts.json); a line "raw:" makes the rest of the input the whole
// texts.json. Corpus: tests/fuzz/rules_corpus/.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"
#include "nvcheck/rules_check.hpp"
#include "nvcheck/rules_diff.hpp"

namespace {

using json = nlohmann::json;

const std::vector<std::string>& golden_cases() {
  static const std::vector<std::string> cases = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir = std::filesystem::path(NVCHECK_SOURCE_DIR) / "tests" / "cases" / "good";
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".json" && e.path().filename().string().find(".expect.") == std::string::npos)
        paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream f(p, std::ios::binary);
      std::ostringstream ss;
      ss << f.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }();
  return cases;
}

// Applies one "POINTER=JSON" edit; a line that is not one is ignored.
void apply(json& doc, std::string_view line) {
  const std::size_t eq = line.find('=');
  if (eq == std::string_view::npos) return;
  try {
    const json::json_pointer ptr{std::string(line.substr(0, eq))};
    json value = json::parse(line.substr(eq + 1));
    doc[ptr] = std::move(value);
  } catch (const std::exception&) {
    // not an edit
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const json standard0 = json::parse(nvcheck::builtin_standard_json());
  static const json texts0 = json::parse(nvcheck::builtin_texts_json());
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  json standard = standard0, texts = texts0;
  std::string raw_texts;
  bool raw = false;
  for (std::size_t at = 0; at < in.size();) {
    std::size_t end = in.find('\n', at);
    if (end == std::string_view::npos) end = in.size();
    const std::string_view line = in.substr(at, end - at);
    if (line == "raw:") {
      raw = true;
      raw_texts.assign(in.substr(std::min(end + 1, in.size())));
      break;
    }
    if (line.substr(0, 2) == "t:") apply(texts, line.substr(2));
    else apply(standard, line);
    at = end + 1;
  }
  std::string s, t;
  try {  // an edit may put invalid UTF-8 into a key: not rule data anyone can write
    s = standard.dump();
    t = raw ? raw_texts : texts.dump();
  } catch (const nlohmann::json::exception&) {
    return 0;
  }
  const std::vector<std::string_view> docs = {t, nvcheck::builtin_report_json()};
  const auto problems = nvcheck::check_rules(s, docs);
  std::shared_ptr<const nvcheck::Rules> rules;
  try {
    rules = nvcheck::load_rules(s, docs);
  } catch (const nvcheck::RulesError&) {
    if (problems.empty()) std::abort();  // refused by the loader but passed by the check
    return 0;
  }
  if (!problems.empty()) std::abort();  // loaded although the check found problems
  nvcheck::Options o;
  o.today = nvcheck::days_from_civil(2026, 11, 25);
  for (const std::string& c : golden_cases()) {
    o.lang = static_cast<nvcheck::Lang>(c.size() % 3);
    (void)nvcheck::check_json(c, o, *rules);
    (void)nvcheck::plan_json(c, o, *rules);
  }
  (void)nvcheck::report_html(golden_cases().front(), o, *rules);
  // What the set changes, both ways, and said in the three languages (rules diff, the page).
  const nvcheck::Rules& builtin = *nvcheck::builtin_rules();
  (void)nvcheck::rule_changes_json(builtin, *rules, nvcheck::diff_rules(builtin, *rules), builtin);
  (void)nvcheck::rule_changes_json(*rules, builtin, nvcheck::diff_rules(*rules, builtin), builtin);
  return 0;
}
