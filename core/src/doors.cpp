// The library's doors: options read, the file prepared with its evaluation date, and the result,
// plan and rule summary written as JSON.
#include <nlohmann/json.hpp>

#include "json_dom.hpp"
#include "render.hpp"
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {

namespace {
// Room for the report's counselling notes (clause 8.8); the other options fit in a few dozen bytes.

// The invalid result of a prepared file and its errors' messages (Output::errors): each message is
// written once, for both (a message names its record, the costliest part of an invalid result).
Output invalid_output(const Prepared& p, const Options& options, const Rules& rules) {
  std::vector<std::string> messages = error_messages(p.errors, rules, options.lang, &p.parsed.enterprise);
  std::string text = invalid_result_json_of(p.errors, messages, p.on, rules);
  return {std::move(text), Verdict::invalid, std::move(messages)};
}

// A short description of an option's value for its error message (never a deep dump).
std::string describe(const nlohmann::json& v) {
  if (v.is_string()) {
    std::string out;
    append_json_string(out, v.get_ref<const std::string&>().substr(0, 40));
    return out;
  }
  if (v.is_structured()) return v.is_object() ? "an object" : "an array";
  return v.dump();
}
}  // namespace

// Pure: a door that calls with the same options again and again keeps what it read itself
// (wasm/bindings.cpp), so no state here outlives a call.
Options parse_options(std::string_view options_json, Day today) {
  Options o;
  o.today = today;
  if (options_json.empty()) return o;
  // Room for the report's counselling notes; the other options fit in a few dozen bytes.
  if (options_json.size() > Limits{}.max_options_bytes) {
    o.errors.push_back({"", "bad_option", {{"option", "options"}, {"value", "(longer than 1 MiB)"}}});
    return o;
  }
  nlohmann::json j;
  if (!read_json(options_json, j) || !(j.is_object() || j.is_null())) {
    o.errors.push_back({"", "bad_option", {{"option", "options"}, {"value", std::string(options_json.substr(0, 80))}}});
    return o;
  }
  if (j.is_null()) return o;
  if (auto it = j.find("lang"); it != j.end() && !it->is_null()) {
    if (it->is_string() && it->get<std::string>() == "all") o.all_languages = true;
    else if (!it->is_string() || !parse_lang(it->get<std::string>(), o.lang))
      o.errors.push_back({"", "bad_option", {{"option", "lang"}, {"value", describe(*it)}}});
  }
  if (auto it = j.find("on"); it != j.end() && !it->is_null()) {
    Day d;
    if (!it->is_string() || !parse_date(it->get<std::string>(), d))
      o.errors.push_back({"", "bad_option", {{"option", "on"}, {"value", describe(*it)}}});
    else
      o.on = d;
  }
  if (auto it = j.find("detail"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) o.errors.push_back({"", "bad_option", {{"option", "detail"}, {"value", describe(*it)}}});
    else o.detail = it->get<bool>();
  }
  if (auto it = j.find("today"); it != j.end() && it->is_string()) {
    Day d;
    if (parse_date(it->get<std::string>(), d)) o.today = d;
  }
  // Clause 8.8: the counselling notes and the consultant, for the report (text only, never evaluated).
  for (const char* key : {"consultant", "notes"}) {
    if (auto it = j.find(key); it != j.end() && !it->is_null()) {
      if (!it->is_string()) o.errors.push_back({"", "bad_option", {{"option", key}, {"value", describe(*it)}}});
      else (std::string(key) == "notes" ? o.notes : o.consultant) = it->get<std::string>();
    }
  }
  if (auto it = j.find("record_notes"); it != j.end() && !it->is_null()) {
    bool ok = it->is_object();
    if (ok)
      for (auto n = it->begin(); n != it->end() && ok; ++n) ok = n.value().is_string();
    const std::string option = it.key();  // "record_notes"
    if (!ok) o.errors.push_back({"", "bad_option", {{"option", option}, {"value", describe(*it)}}});
    else
      for (auto n = it->begin(); n != it->end(); ++n)  // nlohmann's object: sorted by key
        if (!n.value().get<std::string>().empty()) o.record_notes.emplace_back(n.key(), n.value().get<std::string>());
  }
  return o;
}

Prepared prepare(std::string_view text, const Options& options, const Rules& rules, const Limits& limits) {
  Prepared p;
  p.parsed = parse_enterprise(text, rules, limits);
  p.errors = options.errors;
  if (options.all_languages) p.errors.push_back({"", "bad_option", {{"option", "lang"}, {"value", "\"all\""}}});
  for (auto& err : p.parsed.errors) p.errors.push_back(std::move(err));
  p.parsed.errors.clear();
  // D: --on (or the page's date), else application.date, else today (docs/rules.md "Dates").
  if (options.on != kNever) {
    p.on = options.on;
  } else if (p.parsed.enterprise.application_date != kNever) {
    p.on = p.parsed.enterprise.application_date;
    p.on_source = "application_date";
  } else if (p.errors.empty()) {  // an invalid file keeps evaluated_on to dates it was given
    p.on = options.today;
    p.on_source = "today";
  }
  if (p.on == kNever && p.errors.empty()) p.errors.push_back({"/application/date", "no_date", {}});
  return p;
}

Output check_json(std::string_view text, const Options& options, const Rules& rules) {
  Limits limits;
  // A result names no authority, court or source, but with `detail` each record's name does.
  limits.keep_free_text = options.detail;
  Prepared p = prepare(text, options, rules, limits);
  if (!p.valid())
    return invalid_output(p, options, rules);
  const Evaluation ev = evaluate(p.parsed.enterprise, rules, p.on, std::move(p.parsed.warnings));
  return {write_result(p.parsed.enterprise, ev, rules, options.lang, options.detail ? p.on_source : nullptr),
          ev.pass ? Verdict::pass : Verdict::fail, {}};
}

Output plan_json(std::string_view text, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  if (!p.valid())
    return invalid_output(p, options, rules);
  const Plan plan = make_plan(p.parsed.enterprise, rules, p.on, std::move(p.parsed.warnings));
  return {write_plan(p.parsed.enterprise, plan, rules, options.lang),
          plan.evaluation.pass ? Verdict::pass : Verdict::fail, {}};
}

namespace {

// The help lines of the page's fields (texts "help.*") name what the rule data holds by
// placeholders, filled here once: {regions} (the regions' labels), {region} (the region a
// "help.<...>.<region>" line is for), {digits} (the division code's digits, mark part "division")
// and {appendix} (the letter of the appendix the field refers to). Filled for the page (the
// rules summary); the texts themselves keep their placeholders, so a diff shows what was edited.
Text3 filled_help(const Rules& r, std::string_view key, const Text3& in) {
  Text3 text = in;
  if (key.rfind("help.", 0) != 0) return text;
  bool has = false;
  for (const std::string& v : text.v) has = has || v.find('{') != std::string::npos;
  if (!has) return text;
  std::string digits;
  for (const MarkPart& part : r.mark_parts)
    if (part.id == "division") digits = std::to_string(part.digits);
  // The appendix letter of a field, by "<list>.<field>" or by the field's name in any list.
  auto appendix_of = [&](std::string_view path) -> std::string {
    const std::size_t dot = path.find('.');
    for (std::size_t li = 0; li < kListCount; ++li) {
      std::string_view field = path;
      if (dot != std::string_view::npos) {
        if (path.substr(0, dot) != kListNames[li]) continue;
        field = path.substr(dot + 1);
      }
      for (const FieldDef& f : r.lists[li].fields)
        if (f.name == field && f.appendix >= 0 && f.appendix < 4) return std::string(1, static_cast<char>('A' + f.appendix));
    }
    return std::string();
  };
  {
    std::string_view path = key.substr(5);
    int region = -1;
    for (std::size_t i = 0; i < 3; ++i) {
      const std::string tail = std::string(".") + kRegionCodes[i];
      if (path.size() > tail.size() && path.substr(path.size() - tail.size()) == tail) {
        region = static_cast<int>(i);
        path.remove_suffix(tail.size());
      }
    }
    const std::string appendix = appendix_of(path);
    for (std::size_t l = 0; l < 3; ++l) {
      const Lang lang = static_cast<Lang>(l);
      std::vector<std::string> regions;
      for (const Text3& label : r.region_labels) regions.push_back(label[lang]);
      text.v[l] = fill(text.v[l], {{"regions", joined(regions, r, lang, "text.list.or")},
                                   {"region", region < 0 ? std::string() : r.region_labels[static_cast<std::size_t>(region)][lang]},
                                   {"digits", digits},
                                   {"appendix", appendix}});
    }
  }
  return text;
}

}  // namespace

std::string rules_summary_json(const Rules& rules) {
  std::string out = "{\"id\":";
  append_json_string(out, rules.id);
  out += ",\"version\":";
  append_json_string(out, rules.version);
  out += rules.edited ? ",\"edited\":true" : ",\"edited\":false";
  out += ",\"standard\":";
  const std::string& standard = rules.summary_json.empty() ? rules.standard_json : rules.summary_json;
  out += standard.empty() ? std::string("null") : standard;
  out += ",\"texts\":{";
  bool first = true;
  for (const auto& kv : rules.texts) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, kv.first);
    out += ":{";
    const Text3 text = filled_help(rules, kv.first, kv.second);
    for (std::size_t i = 0; i < 3; ++i) {
      if (i) out += ',';
      append_json_string(out, kLangCodes[i]);
      out += ':';
      append_json_string(out, text[static_cast<Lang>(i)]);
    }
    out += '}';
  }
  out += "}}";
  return out;
}

}  // namespace nvcheck
