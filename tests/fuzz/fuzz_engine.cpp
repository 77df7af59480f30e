// libFuzzer target over parse, validate, evaluate, plan and report (issue 6).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto rules = nvcheck::builtin_rules();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nvcheck::Options o;
  o.today = nvcheck::days_from_civil(2026, 11, 25);
  o.lang = static_cast<nvcheck::Lang>(size % 3);
  (void)nvcheck::check_json(text, o, *rules);
  (void)nvcheck::plan_json(text, o, *rules);
  (void)nvcheck::report_html(text, o, *rules);
  (void)nvcheck::check_mark_code(text.substr(0, 64), *rules, o.lang);
  (void)nvcheck::parse_options(text.substr(0, 256));
  return 0;
}
