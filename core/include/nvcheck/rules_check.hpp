// One validation of a rule set (the standard's data and its text documents): every problem with
// where it is (the document and the JSON path) and a plain reason in three languages. load_rules
// runs it first, so the CLI (--rules), the module (setRules) and the page refuse the same sets.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nvcheck/rules.hpp"

namespace nvcheck {

/// What is wrong with one value of the rule data. `code` names the text "rules_check.<code>".
struct RuleProblem {
  std::string document;  // "wq179.json", "texts.json", "report.json" (by position)
  std::string path;      // JSON pointer, "" for the document itself
  std::string code;
  std::vector<std::pair<std::string, std::string>> args;
};

/// Limits of the rule data: what the engine can hold (bit masks of 64 values) and sane ranges.
inline constexpr int kMaxMonths = 1200;       // windows, periods: 0-1200 months (100 years)
inline constexpr int kMaxThreshold = 100;     // a threshold: 1-100 records
inline constexpr std::size_t kMaxEnumValues = 64;
inline constexpr int kMaxRuleDepth = 24;      // nesting of any rule document

/// Every problem of the rule set; empty when it can be loaded. Never throws on bad data.
std::vector<RuleProblem> check_rules(std::string_view standard_json, const std::vector<std::string_view>& text_jsons);

/// The document name of the standard (position 0) and of the text documents (1, 2, ...).
std::string rule_document_name(std::size_t position);

/// A problem for people: "wq179.json, /indicators/0/window_months: <reason>", the reason from
/// `messages` (any loaded rules with the rules_check texts, e.g. the built-in ones).
std::string rule_problem_text(const RuleProblem& p, const Rules& messages, Lang lang);

/// Problems as JSON: [{"document","path","code","message":{"zh-Hans","zh-Hant","en"}}, ...].
std::string rule_problems_json(const std::vector<RuleProblem>& problems, const Rules& messages);

/// Thrown by load_rules when check_rules finds problems (what(): the first ones, plainly).
class RulesInvalid : public RulesError {
 public:
  explicit RulesInvalid(std::vector<RuleProblem> problems);
  const std::vector<RuleProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<RuleProblem> problems_;
};

}  // namespace nvcheck
