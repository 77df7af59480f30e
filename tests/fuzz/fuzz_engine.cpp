// libFuzzer target over parse, validate, evaluate, plan and report (issue 6), and a differential
// check that the engine's JSON reader accepts exactly what nlohmann_json's strict parser accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "../../core/src/json_sax.hpp"
#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"

namespace {
struct Accept {
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(std::int64_t) { return true; }
  bool number_unsigned(std::uint64_t) { return true; }
  bool number_float(double, const std::string&) { return true; }
  bool string(std::string_view) { return true; }
  bool key(std::string_view) { return true; }
  bool start_object(std::size_t) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto rules = nvcheck::builtin_rules();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Accept a;
  const bool ours = nvcheck::json_sax::parse(text, a).status == nvcheck::json_sax::Status::ok;
  // nlohmann_json stops reading at a NUL byte after a complete document ("{}\0junk" is accepted);
  // the engine refuses trailing bytes, NUL included (docs/formats.md "The enterprise file": trailing text is an error).
  const bool theirs = nlohmann::json::accept(text.begin(), text.end());
  if (ours != theirs && !(theirs && text.find('\0') != std::string_view::npos)) std::abort();
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
