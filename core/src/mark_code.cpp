// Clause 7.4: checks that a presented mark code `RRRRRR III YYYYMMDD NNNN` is well formed.
#include "nvcheck/nvcheck.hpp"
#include "render.hpp"

namespace nvcheck {

namespace {
// The Greater Bay Area's division prefixes (rule data `regions[].division_prefix`), in Table 1's
// region order, joined for people: "44、81 或 82", "44, 81 or 82".
std::string prefixes(const Rules& rules, Lang lang) {
  std::vector<std::string> given;
  for (const std::string& p : rules.division_prefix)
    if (!p.empty()) given.push_back(p);
  return joined(given, rules, lang, "text.list.or");
}
}  // namespace

MarkCodeCheck check_mark_code(std::string_view code, const Rules& rules, Lang lang) {
  MarkCodeCheck c;
  auto problem = [&](const char* key, std::vector<std::pair<std::string_view, std::string>> args = {}) {
    c.problems.push_back(fill(rules.text(std::string("mark_code.") + key, lang), args));
  };
  // The parts and their digits are the rule data's (mark.parts: division, institution, date of
  // first evaluation, random code); `at[i]` is where part i starts in the code without spaces.
  const std::size_t n = rules.mark_parts.size();
  std::vector<std::size_t> at(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) at[i + 1] = at[i] + static_cast<std::size_t>(rules.mark_parts[i].digits);
  const std::size_t total = at[n];
  auto part_of = [&](const char* id) -> int {
    for (std::size_t i = 0; i < n; ++i)
      if (rules.mark_parts[i].id == id) return static_cast<int>(i);
    return -1;
  };
  const int division_part = part_of("division"), date_part = part_of("first_evaluation");
  std::string sizes, format;  // "6+3+8+4", "RRRRRR III YYYYMMDD NNNN"
  for (std::size_t i = 0; i < n; ++i) {
    sizes += (i ? "+" : "") + std::to_string(rules.mark_parts[i].digits);
    format += (i ? " " : "") + rules.mark_parts[i].format;
  }
  // Spaces are optional, but only between the parts; an ideographic space (U+3000, typed by
  // Chinese input methods) counts as a space.
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
      const std::size_t here = compact.size();
      bool between = false;
      for (std::size_t k = 1; k < n; ++k) between |= here == at[k];
      if (!between) misplaced_space = true;
    }
    pending_space = false;
    compact += ch;
    if (ch >= '0' && ch <= '9') digits += ch;
    else other = true;
  }
  if (other) problem("not_digits");
  if (digits.size() != total)
    problem("length", {{"count", std::to_string(digits.size())}, {"digits", std::to_string(total)}, {"parts", sizes}});
  else if (misplaced_space) problem("spacing", {{"format", format}});

  auto all_digits = [&](std::size_t from, std::size_t count) {
    if (compact.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i)
      if (compact[i] < '0' || compact[i] > '9') return false;
    return true;
  };
  // Each part that can be read is checked, so that every reason is reported at once.
  const std::size_t division_from = division_part < 0 ? 0 : at[static_cast<std::size_t>(division_part)];
  const std::size_t division_n = division_part < 0 ? 0 : at[static_cast<std::size_t>(division_part) + 1] - division_from;
  const std::string division =
      division_n && all_digits(division_from, division_n) ? compact.substr(division_from, division_n) : std::string();
  if (!division.empty()) {
    bool region_ok = false;
    for (const std::string& prefix : rules.division_prefix)
      if (!prefix.empty() && division.compare(0, prefix.size(), prefix) == 0) region_ok = true;
    if (!region_ok) problem("region", {{"division", division}, {"prefixes", prefixes(rules, lang)}});
  }
  std::string iso;
  const std::size_t date_from = date_part < 0 ? 0 : at[static_cast<std::size_t>(date_part)];
  const std::size_t date_n = date_part < 0 ? 0 : at[static_cast<std::size_t>(date_part) + 1] - date_from;
  if (date_n == 8 && compact.size() == total && all_digits(date_from, 8)) {  // YYYYMMDD
    const std::string date = compact.substr(date_from, 8);
    iso = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
    Day d;
    if (!parse_date(iso, d)) problem("date", {{"date", date}});
  }
  if (!c.problems.empty()) return c;
  c.well_formed = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) c.normalised += ' ';
    c.normalised += compact.substr(at[i], at[i + 1] - at[i]);
  }
  c.first_evaluation = iso;
  c.division = division;
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
  if (c.well_formed) append_json_string(out, c.division);
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
