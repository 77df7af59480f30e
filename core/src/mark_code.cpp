// Clause 7.4: checks that a presented mark code `RRRRRR III YYYYMMDD NNNN` is well formed.
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {

MarkCodeCheck check_mark_code(std::string_view code, const Rules& rules, Lang lang) {
  MarkCodeCheck c;
  std::string digits;
  bool other = false;
  for (char ch : code) {
    if (ch == ' ') continue;
    if (ch >= '0' && ch <= '9') digits += ch;
    else other = true;
  }
  auto problem = [&](const char* key, std::vector<std::pair<std::string_view, std::string>> args = {}) {
    c.problems.push_back(fill(rules.text(std::string("mark_code.") + key, lang), args));
  };
  if (other) problem("not_digits");
  if (digits.size() != 21) {
    problem("length", {{"count", std::to_string(digits.size())}});
    return c;
  }
  const std::string division = digits.substr(0, 6), institution = digits.substr(6, 3), date = digits.substr(9, 8),
                    random = digits.substr(17, 4);
  bool region_ok = false;
  for (std::size_t i = 0; i < 3; ++i)
    if (!rules.division_prefix[i].empty() && division.compare(0, rules.division_prefix[i].size(), rules.division_prefix[i]) == 0)
      region_ok = true;
  if (!region_ok) problem("region", {{"division", division}});
  Day d;
  const std::string iso = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
  if (!parse_date(iso, d)) problem("date", {{"date", date}});
  if (!c.problems.empty()) return c;
  c.well_formed = true;
  c.normalised = division + " " + institution + " " + date + " " + random;
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
