// Which rule set is in use: a content digest of its documents, computed once at load, and whether
// it is the built-in set (rules/ as this engine was built) or an edited one (issue 15, item 2).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace nvcheck {

/// The digest of a rule set's documents as given to load_rules (the standard, then each text
/// document): the SHA-256 of their SHA-256s, one per line, in 64 hexadecimal digits.
std::string rules_digest(std::string_view standard_json, const std::vector<std::string_view>& text_jsons);

/// The digest of the built-in rule set (rules/wq179.json, texts.json, report.json at build time).
std::string_view builtin_rules_digest();

}  // namespace nvcheck
