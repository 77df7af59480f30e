// What changed between two rule sets (issue 15, item 2): windows, thresholds, periods, in-scope
// values, one-off measures, appendix entries, labels, the mark, texts; each change a line for
// people in three languages (texts "rules_diff.<kind>" of the rule data) and a record for programs.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "nvcheck/rules.hpp"

namespace nvcheck {

/// One change from rule set A to rule set B. `kind` names the text "rules_diff.<kind>"; `args`
/// fill its placeholders, each in the three languages (a number or a code is the same in all).
struct RuleChange {
  std::string kind;
  std::string clause;  // the standard's clause ("6.2.1", "7.3"), "" when none
  std::string path;    // where, as a JSON pointer into B's wq179.json (A's when removed); "" for texts
  std::string from, to;             // the values for programs ("12", "24"; "" when added or removed)
  std::vector<std::string> items;   // texts: the keys of the texts concerned; other: the JSON pointers
  std::vector<std::pair<std::string, Text3>> args;
};

/// Every change from `a` to `b`, in the standard's order (version, 6.1, 6.2, enumerations, record
/// fields, Appendices A-D, the mark, other values, texts). Empty when the sets are the same.
std::vector<RuleChange> diff_rules(const Rules& a, const Rules& b);

/// A change for people, from `messages` (any loaded rules with the rules_diff texts).
std::string rule_change_text(const RuleChange& c, const Rules& messages, Lang lang);

/// The diff as JSON: {"a":{"id","version"},"b":{"id","version"},"same":bool,
/// "changes":[{"kind","clause","path","from","to","items"?,"message":{"zh-Hans","zh-Hant","en"}}]}.
std::string rule_changes_json(const Rules& a, const Rules& b, const std::vector<RuleChange>& changes,
                              const Rules& messages);

}  // namespace nvcheck
