// The engine's JSON reader (json_sax.hpp) building an nlohmann_json tree: for the rule data and
// the options, which are read as trees. Same acceptance and the same tree as nlohmann_json's own
// parser (the reader is differential-tested against it), with a lexer several times faster; on
// the page, the rule data is read before the first verdict, so this is time a person waits.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "json_sax.hpp"

namespace nvcheck {

/// Reads `text` into `out`; false (and `out` null) when it is not JSON, with the 1-based byte
/// position of the fault in `error_position`.
inline bool read_json(std::string_view text, nlohmann::json& out, std::size_t* error_position = nullptr) {
  using json = nlohmann::json;
  // nlohmann's tree builder, fed by the engine's reader (which hands strings as views).
  struct Builder {
    nlohmann::detail::json_sax_dom_parser<json> dom;
    explicit Builder(json& j) : dom(j, false) {}
    bool null() { return dom.null(); }
    bool boolean(bool v) { return dom.boolean(v); }
    bool number_integer(json::number_integer_t v) { return dom.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return dom.number_unsigned(v); }
    bool number_float(json::number_float_t v, const std::string& s) { return dom.number_float(v, s); }
    bool string(std::string_view v) {
      std::string s(v);
      return dom.string(s);
    }
    bool key(std::string_view v) {
      std::string s(v);
      return dom.key(s);
    }
    bool start_object(std::size_t n) { return dom.start_object(n); }
    bool end_object() { return dom.end_object(); }
    bool start_array(std::size_t n) { return dom.start_array(n); }
    bool end_array() { return dom.end_array(); }
  };
  out = json();
  Builder b(out);
  const json_sax::Outcome read = json_sax::parse(text, b);
  if (read.status == json_sax::Status::ok) return true;
  out = json();
  if (error_position) *error_position = read.position;
  return false;
}

}  // namespace nvcheck
