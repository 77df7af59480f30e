// Clause 7.4: checks that a presented mark code `RRRRRR III YYYYMMDD NNNN` is well formed.
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {

MarkCodeCheck check_mark_code(std::string_view code, const Rules& rules, Lang lang) {
  MarkCodeCheck c;
  auto problem = [&](const char* key, std::vector<std::pair<std::string_view, std::string>> args = {}) {
    c.problems.push_back(fill(rules.text(std::string("mark_code.") + key, lang), args));
  };
  // Spaces are optional, but only between the four parts (after 6, 9 and 17 characters);
  // an ideographic space (U+3000, typed by Chinese input methods) counts as a space.
  std::string compact, digits;
  bool other = false, misplaced_space = false, pending_space = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    const bool ideographic = code.compare(i, 3, "\xE3\x80\x80") == 0;
    if (ch == ' ' || ch == '\t' || ideographic) {
      if (ideographic) i += 2;
      pending_space = true;
      continue;
    }
    if (pending_space && !compact.empty()) {
      const std::size_t at = compact.size();
      if (at != 6 && at != 9 && at != 17) misplaced_space = true;
    }
    pending_space = false;
    compact += ch;
    if (ch >= '0' && ch <= '9') digits += ch;
    else other = true;
  }
  if (other) problem("not_digits");
  if (digits.size() != 21) problem("length", {{"count", std::to_string(digits.size())}});
  else if (misplaced_space) problem("spacing");

  auto all_digits = [&](std::size_t from, std::size_t n) {
    if (compact.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (compact[i] < '0' || compact[i] > '9') return false;
    return true;
  };
  // Each part that can be read is checked, so that every reason is reported at once.
  const std::string division = all_digits(0, 6) ? compact.substr(0, 6) : std::string();
  if (!division.empty()) {
    bool region_ok = false;
    for (const std::string& prefix : rules.division_prefix)
      if (!prefix.empty() && division.compare(0, prefix.size(), prefix) == 0) region_ok = true;
    if (!region_ok) problem("region", {{"division", division}});
  }
  std::string iso;
  if (compact.size() == 21 && all_digits(9, 8)) {
    const std::string date = compact.substr(9, 8);
    iso = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
    Day d;
    if (!parse_date(iso, d)) problem("date", {{"date", date}});
  }
  if (!c.problems.empty()) return c;
  c.well_formed = true;
  c.normalised = compact.substr(0, 6) + " " + compact.substr(6, 3) + " " + compact.substr(9, 8) + " " + compact.substr(17, 4);
  c.first_evaluation = iso;
  if (const DivisionCode* dc = rules.division(division)) c.division_name = dc->name[lang];
  else c.notes.push_back(fill(rules.text("mark_code.unknown_division", lang), {{"division", division}}));
  return c;
}

std::string mark_code_json(const MarkCodeCheck& c) {
  std::string out = "{\"well_formed\":";
  out += c.well_formed ? "true" : "false";
  out += ",\"code\":";
  if (c.well_formed) append_json_string(out, c.normalised);
  else out += "null";
  out += ",\"division\":";
  if (c.well_formed) append_json_string(out, c.normalised.substr(0, 6));
  else out += "null";
  out += ",\"division_name\":";
  if (c.division_name.empty()) out += "null";
  else append_json_string(out, c.division_name);
  out += ",\"first_evaluation\":";
  if (c.first_evaluation.empty()) out += "null";
  else append_json_string(out, c.first_evaluation);
  out += ",\"problems\":[";
  for (std::size_t i = 0; i < c.problems.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, c.problems[i]);
  }
  out += "],\"notes\":[";
  for (std::size_t i = 0; i < c.notes.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, c.notes[i]);
  }
  out += "]}";
  return out;
}

}  // namespace nvcheck
