// The rule data built into the engine from rules/ at build time.
#pragma once
#include <memory>

#include "nvcheck/rules.hpp"

namespace nvcheck {
/// WQ-179 as shipped in rules/, loaded once.
std::shared_ptr<const Rules> builtin_rules();
/// The shipped files' text, for `nvcheck rules` and for tests.
std::string_view builtin_standard_json();
std::string_view builtin_texts_json();
std::string_view builtin_report_json();
}  // namespace nvcheck
