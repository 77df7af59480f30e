// The rule data embedded from rules/ (see cmake/write_rules_cpp.cmake).
#include "nvcheck/builtin_rules.hpp"

#include "nvcheck/rules_identity.hpp"

namespace nvcheck {
namespace embedded {
extern const unsigned char kStandard[];
extern const unsigned long kStandardSize;
extern const unsigned char kTexts[];
extern const unsigned long kTextsSize;
extern const unsigned char kReport[];
extern const unsigned long kReportSize;
}  // namespace embedded

std::string_view builtin_standard_json() {
  return {reinterpret_cast<const char*>(embedded::kStandard), embedded::kStandardSize};
}
std::string_view builtin_texts_json() { return {reinterpret_cast<const char*>(embedded::kTexts), embedded::kTextsSize}; }
std::string_view builtin_report_json() {
  return {reinterpret_cast<const char*>(embedded::kReport), embedded::kReportSize};
}

std::shared_ptr<const Rules> builtin_rules() {
  // The page's first call waits for this: the files were checked when the project was built
  // and tested, and their digest written then (cmake/write_rules_cpp.cmake).
  static const std::shared_ptr<const Rules> kRules =
      load_builtin_rules(builtin_standard_json(), {builtin_texts_json(), builtin_report_json()}, builtin_rules_digest());
  return kRules;
}

}  // namespace nvcheck
