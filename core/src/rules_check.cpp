// The validation of a rule set (issue 15, item 2): bounded numbers, known values, unique ids,
// texts in three languages with known placeholders, shapes the engine and the page can use.
// Reads the documents itself and never throws on bad data: every problem is listed.
#include "nvcheck/rules_check.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "json_dom.hpp"
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {
namespace {

using json = nlohmann::json;
using Args = std::vector<std::pair<std::string, std::string>>;

std::string pointer_part(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// The nesting and duplicate keys of a document, which a tree (nlohmann_json keeps the last of
// two equal keys) cannot show: read once with the engine's SAX reader, no recursion.
struct Shape {
  std::vector<RuleProblem>& out;
  std::string document;
  struct Frame {
    bool object;
    std::set<std::string, std::less<>> keys;
    std::size_t next = 0;
    std::string segment;
  };
  std::vector<Frame> stack;
  bool deep = false;

  std::string path() const {
    std::string p;
    for (const Frame& f : stack) p += "/" + f.segment;
    return p;
  }
  void value() {
    if (!stack.empty() && !stack.back().object) stack.back().segment = std::to_string(stack.back().next++);
  }
  bool open(bool object) {
    value();
    if (static_cast<int>(stack.size()) >= kMaxRuleDepth) {
      out.push_back({document, path(), "too_deep", {{"max", std::to_string(kMaxRuleDepth)}}});
      deep = true;
      return false;
    }
    stack.push_back({object, {}, 0, {}});
    return true;
  }
  bool close() {
    stack.pop_back();
    return true;
  }
  bool null() { value(); return true; }
  bool boolean(bool) { value(); return true; }
  bool number_integer(std::int64_t) { value(); return true; }
  bool number_unsigned(std::uint64_t) { value(); return true; }
  bool number_float(double, const std::string&) { value(); return true; }
  bool string(std::string_view) { value(); return true; }
  bool key(std::string_view k) {
    Frame& f = stack.back();
    f.segment = pointer_part(k);
    if (!f.keys.emplace(k).second) out.push_back({document, path(), "duplicate_key", {{"name", std::string(k)}}});
    return true;
  }
  bool start_object(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }
};

// What the engine fills into a text (render.cpp, report.cpp, mark_code.cpp, the page).
const std::set<std::string, std::less<>>& known_placeholders() {
  static const std::set<std::string, std::less<>> k = {
      "allowed", "appendix", "clause", "clause_clears_on", "clears_on", "code", "count", "counts_until",
      "date", "decider", "detail", "division", "done_on", "earliest", "end", "expected", "field_label",
      "file", "id", "incorporated_on", "letter", "max", "min", "months", "name", "option", "path",
      "position", "reached_on", "received_on", "record", "records", "region", "resolved_months",
      "result_on", "schema", "start", "status", "threshold", "until", "valid_until", "value",
      "value_label", "verdict", "what", "window_months", "resolved_window_months", "lang", "document", "a", "b",
      "first_passed_on", "since", "clauses", "digits", "parts", "format", "kind", "role",
      "key", "place", "problem", "n", "who", "field", "from", "to", "version",
      "prefixes", "window_from", "table", "head", "regions", "values"};
  return k;
}

// The {name}s of a text (lower-case letters, digits and '_' between braces; other braces are text).
std::set<std::string> placeholders_of(std::string_view s) {
  std::set<std::string> out;
  for (std::size_t i = s.find('{'); i != std::string_view::npos; i = s.find('{', i + 1)) {
    const std::size_t close = s.find('}', i + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = s.substr(i + 1, close - i - 1);
    const bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (word) out.emplace(name);
  }
  return out;
}

struct Checker {
  std::vector<RuleProblem>& out;
  std::string document;

  void add(const std::string& path, const char* code, Args args = {}) {
    out.push_back({document, path, code, std::move(args)});
  }

  static std::string at(const std::string& path, std::string_view key) { return path + "/" + pointer_part(key); }
  static std::string at(const std::string& path, std::size_t i) { return path + "/" + std::to_string(i); }

  static std::string shown(const json& v) {
    if (v.is_string()) return v.get<std::string>().substr(0, 60);
    if (v.is_object()) return "{…}";
    if (v.is_array()) return "[…]";
    return v.dump();
  }

  // A member of an object, or null (and a problem when required).
  const json* member(const json& j, const char* key, const std::string& path, bool required) {
    if (j.is_object())
      if (auto it = j.find(key); it != j.end()) return &*it;
    if (required) add(at(path, key), "missing");
    return nullptr;
  }

  bool is(const json* v, json::value_t type, const std::string& path) {
    if (!v) return false;
    const bool ok = type == json::value_t::object ? v->is_object()
                    : type == json::value_t::array ? v->is_array()
                                                   : v->is_string();
    if (!ok) add(path, type == json::value_t::object ? "not_object" : type == json::value_t::array ? "not_array" : "not_string");
    return ok;
  }

  const json* object(const json& j, const char* key, const std::string& path, bool required) {
    const json* v = member(j, key, path, required);
    return is(v, json::value_t::object, at(path, key)) ? v : nullptr;
  }
  const json* array(const json& j, const char* key, const std::string& path, bool required) {
    const json* v = member(j, key, path, required);
    return is(v, json::value_t::array, at(path, key)) ? v : nullptr;
  }
  void string(const json& j, const char* key, const std::string& path, bool required, bool non_empty = true) {
    const json* v = member(j, key, path, required);
    if (is(v, json::value_t::string, at(path, key)) && non_empty && v->get_ref<const std::string&>().empty())
      add(at(path, key), "empty");
  }

  // An integer within [lo, hi] (2.5, 1e10, a string or a negative number are refused).
  void integer(const json& j, const char* key, const std::string& path, bool required, int lo, int hi) {
    const json* v = member(j, key, path, required);
    if (!v) return;
    const std::string p = at(path, key);
    if (!v->is_number_integer()) {
      add(p, "not_integer", {{"value", shown(*v)}, {"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
      return;
    }
    const bool fits = v->is_number_unsigned()
                          ? v->get<std::uint64_t>() >= static_cast<std::uint64_t>(lo) && v->get<std::uint64_t>() <= static_cast<std::uint64_t>(hi)
                          : v->get<std::int64_t>() >= lo && v->get<std::int64_t>() <= hi;
    if (!fits) add(p, "out_of_range", {{"value", v->dump()}, {"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
  }

  // A text: an object with the three languages, each a non-empty string with known placeholders.
  void text(const json& t, const std::string& path) {
    if (!t.is_object()) {
      add(path, "not_text");
      return;
    }
    for (const char* lang : kLangCodes) {
      auto it = t.find(lang);
      if (it == t.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        add(path, "missing_language", {{"lang", lang}});
        continue;
      }
      for (const std::string& n : placeholders_of(it->get_ref<const std::string&>()))
        if (!known_placeholders().count(n)) add(at(path, lang), "unknown_placeholder", {{"name", n}});
    }
  }
  void text_member(const json& j, const char* key, const std::string& path, bool required) {
    if (const json* v = member(j, key, path, required)) text(*v, at(path, key));
  }

  // A list of enumeration values: strings of `def`, each once.
  void values(const json& v, const EnumDef& def, const std::string& path) {
    if (!v.is_array()) {
      add(path, "not_array");
      return;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string() || def.index_of(v[i].get<std::string>()) < 0) {
        add(at(path, i), "unknown_value", {{"value", shown(v[i])}});
      } else if (!seen.insert(v[i].get<std::string>()).second) {
        add(at(path, i), "duplicate_value", {{"value", v[i].get<std::string>()}});
      }
    }
  }

  void standard(const json& j);
  void record_list(const json& l, const std::string& p, const Rules& enums);
  void indicator_counting(const json& d, const std::string& p, const json* fields, const Rules& enums);
  void group_indicators(const json& g, const std::string& p, const json& root);
  void texts(const json& j, const std::string& path, int depth);
  void appendix(const json& arr, char letter, const std::string& path);
};

void Checker::appendix(const json& arr, char letter, const std::string& path) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const json& e = arr[i];
    const std::string p = at(path, i);
    if (!e.is_object()) {
      add(p, "not_object");
      continue;
    }
    string(e, "id", p, true);
    if (auto it = e.find("id"); it != e.end() && it->is_string() && !it->get<std::string>().empty() &&
                                !ids.insert(it->get<std::string>()).second)
      add(at(p, "id"), "duplicate_value", {{"value", it->get<std::string>()}});
    string(e, "name", p, false);
    string(e, "zh-Hant", p, true);
    string(e, "en", p, true);
    string(e, "as_printed", p, false, false);
    if (letter == 'A') {
      const json* r = member(e, "region", p, true);
      if (r && !(r->is_string() && (*r == "GD" || *r == "HK" || *r == "MO")))
        add(at(p, "region"), "unknown_value", {{"value", shown(*r)}});
    }
    if (letter == 'C') {
      const json* c = member(e, "category", p, true);
      if (c && !(c->is_string() && (*c == "mandatory" || *c == "voluntary")))
        add(at(p, "category"), "unknown_value", {{"value", shown(*c)}});
      text_member(e, "body", p, false);
    }
    text_member(e, "note", p, false);
    if (const json* a = array(e, "aliases", p, false))
      for (std::size_t k = 0; k < a->size(); ++k)
        if (!(*a)[k].is_string()) add(at(at(p, "aliases"), k), "not_string");
  }
}

// Which kinds a role can have (a date role is a date field, a flag a boolean, ...).
bool role_fits(std::string_view role, std::string_view kind) {
  if (role == "start" || role == "end" || role == "valid_until" || role == "information_date") return kind == "date";
  if (role == "scope" || role == "detail") return kind == "enum";
  if (role == "appendix") return kind == "appendix";
  if (role == "flag" || role == "disputed") return kind == "bool";
  return kind == "text";
}

// A field of a record list by name (null when absent or not an object).
const json* field_named(const json* fields, std::string_view name) {
  if (!fields || !fields->is_array()) return nullptr;
  for (const json& f : *fields)
    if (f.is_object())
      if (auto it = f.find("field"); it != f.end() && it->is_string() && it->get_ref<const std::string&>() == name) return &f;
  return nullptr;
}
std::string field_str(const json* f, const char* key) {
  if (!f) return {};
  auto it = f->find(key);
  return it != f->end() && it->is_string() ? it->get<std::string>() : std::string();
}

void Checker::record_list(const json& l, const std::string& p, const Rules& enums) {
  if (!l.is_array()) { add(p, "not_array"); return; }
  if (l.size() > ListDef::kMaxFields)
    add(p, "too_many_values", {{"count", std::to_string(l.size())}, {"max", std::to_string(ListDef::kMaxFields)}});
  std::set<std::string> names;
  int scopes = 0, ids = 0, starts = 0, ends = 0;
  for (std::size_t i = 0; i < l.size(); ++i) {
    const json& f = l[i];
    const std::string fp = at(p, i);
    if (!f.is_object()) { add(fp, "not_object"); continue; }
    string(f, "field", fp, true);
    if (auto it = f.find("field"); it != f.end() && it->is_string() && !it->get<std::string>().empty() &&
                                   !names.insert(it->get<std::string>()).second)
      add(at(fp, "field"), "duplicate_value", {{"value", it->get<std::string>()}});
    text_member(f, "label", fp, true);
    for (const char* b : {"required", "closed"})
      if (const json* v = member(f, b, fp, false); v && !v->is_boolean()) add(at(fp, b), "not_boolean");
    string(f, "reason", fp, false);
    const json* kind = member(f, "kind", fp, true);
    static const std::set<std::string, std::less<>> kKinds = {"text", "date", "bool", "enum", "appendix"};
    const bool kind_ok = kind && kind->is_string() && kKinds.count(kind->get_ref<const std::string&>());
    if (kind && !kind_ok) {
      add(at(fp, "kind"), "unknown_value", {{"value", shown(*kind)}});
    } else if (kind_ok && *kind == "enum") {
      const json* en = member(f, "enum", fp, true);
      if (en && !(en->is_string() && !enums.enum_def(en->get<std::string>()).values.empty()))
        add(at(fp, "enum"), "unknown_value", {{"value", shown(*en)}});
    } else if (kind_ok && *kind == "appendix") {
      const json* ap = member(f, "appendix", fp, true);
      if (ap && !(ap->is_string() && (*ap == "A" || *ap == "B" || *ap == "C" || *ap == "D")))
        add(at(fp, "appendix"), "unknown_value", {{"value", shown(*ap)}});
    }
    const json* role = member(f, "role", fp, true);
    if (!role) continue;
    const bool role_ok = role->is_string() &&
                         std::find_if(kFieldRoles.begin(), kFieldRoles.end(), [&](const char* r) { return *role == r; }) != kFieldRoles.end();
    if (!role_ok) { add(at(fp, "role"), "unknown_value", {{"value", shown(*role)}}); continue; }
    const std::string& r = role->get_ref<const std::string&>();
    if (kind_ok && !role_fits(r, kind->get_ref<const std::string&>()))
      add(at(fp, "role"), "role_kind", {{"role", r}, {"kind", kind->get<std::string>()}});
    if (r == "scope" && ++scopes == 3) add(at(fp, "role"), "too_many_values", {{"count", "3"}, {"max", "2"}});
    if (r != "scope" && r != "disputed" && r != "detail") {  // one field per slot of a record
      if (r == "id") ++ids;
      else if (r == "start") ++starts;
      else if (r == "end") ++ends;
    }
  }
  if (ids != 1) add(p, "role_count", {{"role", "id"}});
  if (starts != 1) add(p, "role_count", {{"role", "start"}});
  if (ends > 1) add(p, "role_count", {{"role", "end"}});
}

// An indicator's counting: its shape, the date its window runs from (a date field of its list),
// the end event (its list's end field), the flags (boolean fields), the appendix, the scope and
// one-off values, and its months.
void Checker::indicator_counting(const json& d, const std::string& p, const json* fields, const Rules& enums) {
  const json* counting = member(d, "counting", p, true);
  std::string shape;
  if (counting) {
    shape = counting->is_string() ? counting->get<std::string>() : std::string();
    if (std::find_if(kCountings.begin(), kCountings.end(), [&](const char* c) { return shape == c; }) == kCountings.end()) {
      add(at(p, "counting"), "unknown_value", {{"value", shown(*counting)}});
      shape.clear();
    }
  }
  const bool listed = shape == "while_listed", complaints = shape == "complaints";
  integer(d, "window_months", p, !listed, listed ? 0 : 1, kMaxMonths);
  integer(d, "resolved_window_months", p, complaints, complaints ? 1 : 0, kMaxMonths);
  if (const json* ch = array(d, "checks", p, false)) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < ch->size(); ++i) {
      const json& c = (*ch)[i];
      const bool ok = c.is_string() && std::find_if(kChecks.begin(), kChecks.end(), [&](const char* k) { return c == k; }) != kChecks.end();
      if (!ok) add(at(at(p, "checks"), i), "unknown_value", {{"value", shown(c)}});
      else if (!seen.insert(c.get<std::string>()).second) add(at(at(p, "checks"), i), "duplicate_value", {{"value", c.get<std::string>()}});
    }
  }
  // window_from: a date field of this list; absent on a record, it needs a reason unless it is the end event.
  if (const json* wf = member(d, "window_from", p, true)) {
    const json* f = wf->is_string() ? field_named(fields, wf->get<std::string>()) : nullptr;
    if (!f || field_str(f, "kind") != "date") {
      add(at(p, "window_from"), "not_date_field", {{"value", shown(*wf)}});
    } else {
      const json* req = member(*f, "required", "", false);
      const bool required = req && req->is_boolean() && req->get<bool>();
      if (!required && field_str(f, "reason").empty() && !(shape == "during" && field_str(f, "role") == "end"))
        add(at(p, "window_from"), "window_from_optional", {{"value", wf->get<std::string>()}});
    }
  }
  if (const json* ou = member(d, "ongoing_until", p, false)) {
    const json* f = ou->is_string() ? field_named(fields, ou->get<std::string>()) : nullptr;
    if (!f || field_str(f, "role") != "end") add(at(p, "ongoing_until"), "not_end_field", {{"value", shown(*ou)}});
  }
  if (const json* fl = object(d, "flags", p, false)) {
    if (fl->size() > 1) add(at(p, "flags"), "too_many_values", {{"count", std::to_string(fl->size())}, {"max", "1"}});
    for (auto it = fl->begin(); it != fl->end(); ++it) {
      const json* f = field_named(fields, it.key());
      if (!f || field_str(f, "role") != "flag") add(at(at(p, "flags"), it.key()), "not_flag_field", {{"value", it.key()}});
      else if (!it->is_boolean()) add(at(at(p, "flags"), it.key()), "not_boolean");
      else if (field_str(f, "reason").empty()) add(at(at(p, "flags"), it.key()), "no_reason", {{"value", it.key()}});
    }
  }
  if (const json* af = member(d, "appendix_field", p, false)) {
    const json* f = af->is_string() ? field_named(fields, af->get<std::string>()) : nullptr;
    if (!f || field_str(f, "kind") != "appendix") {
      add(at(p, "appendix_field"), "not_appendix_field", {{"value", shown(*af)}});
    } else {
      if (field_str(f, "reason").empty()) add(at(p, "appendix_field"), "no_reason", {{"value", af->get<std::string>()}});
      if (const json* ap = member(d, "appendix", p, false); ap && !(ap->is_string() && *ap == field_str(f, "appendix")))
        add(at(p, "appendix"), "wrong_appendix", {{"value", shown(*ap)}, {"expected", field_str(f, "appendix")}});
    }
  }
  if (const json* sc = object(d, "in_scope", p, false))
    for (auto it = sc->begin(); it != sc->end(); ++it) {
      const json* f = field_named(fields, it.key());
      if (f && field_str(f, "kind") == "appendix") continue;  // the appendix decides (6.2.10)
      if (!f || field_str(f, "role") != "scope") {
        add(at(at(p, "in_scope"), it.key()), "unknown_field", {{"value", it.key()}});
        continue;
      }
      values(*it, enums.enum_def(field_str(f, "enum")), at(at(p, "in_scope"), it.key()));
    }
  if (const json* oo = member(d, "one_off", p, false)) {
    const json* first = nullptr;  // the list's first scope field (the measure)
    if (fields && fields->is_array())
      for (const json& f : *fields)
        if (f.is_object() && field_str(&f, "role") == "scope") { first = &f; break; }
    values(*oo, enums.enum_def(field_str(first, "enum")), at(p, "one_off"));
    if (shape != "during") add(at(p, "one_off"), "one_off_shape", {{"value", shape}});
  }
  if (const json* ev = object(d, "end_event", p, false)) {
    string(*ev, "action", at(p, "end_event"), true);
    const json* by = member(*ev, "by", at(p, "end_event"), true);
    if (by && !(by->is_string() && (*by == "enterprise" || *by == "authority")))
      add(at(at(p, "end_event"), "by"), "unknown_value", {{"value", shown(*by)}});
    if (!member(d, "ongoing_until", p, false)) add(at(p, "end_event"), "not_end_field", {{"value", ""}});
    // decider: the record's field that names who decides the end event (an authority, a source, an appendix entry).
    if (const json* dec = member(*ev, "decider", at(p, "end_event"), false)) {
      const json* f = dec->is_string() ? field_named(fields, dec->get<std::string>()) : nullptr;
      const std::string role = field_str(f, "role");
      if (!f || !(role == "authority" || role == "source" || role == "appendix"))
        add(at(at(p, "end_event"), "decider"), "not_decider_field", {{"value", shown(*dec)}});
    }
  }
}

// 5.1: a class's indicators are clauses of indicators.
void Checker::group_indicators(const json& g, const std::string& p, const json& root) {
  const json* li = array(g, "indicators", p, true);
  if (!li) return;
  const auto ind = root.find("indicators");
  for (std::size_t i = 0; i < li->size(); ++i) {
    bool known = false;
    if (ind != root.end() && ind->is_array())
      for (const json& d : *ind)
        if (d.is_object() && d.contains("clause") && d["clause"] == (*li)[i]) known = true;
    if (!known) add(at(at(p, "indicators"), i), "unknown_value", {{"value", shown((*li)[i])}});
  }
}

void Checker::standard(const json& j) {
  if (!j.is_object()) {
    add("", "not_object");
    return;
  }
  string(j, "id", "", true);
  string(j, "version", "", true);
  text_member(j, "title", "", false);
  text_member(j, "mark_name", "", false);
  text_member(j, "appendix_d_amount_note", "", false);
  if (const json* rg = object(j, "regions", "", false))
    for (const char* code : kRegionCodes)
      if (const json* r = object(*rg, code, "/regions", true)) {
        text_member(*r, "label", at("/regions", code), true);
        string(*r, "division_prefix", at("/regions", code), false);
      }
  if (const json* gs = array(j, "groups", "", false))
    for (std::size_t i = 0; i < gs->size(); ++i) {
      const std::string p = at("/groups", i);
      if (!(*gs)[i].is_object()) { add(p, "not_object"); continue; }
      string((*gs)[i], "id", p, true);
      text_member((*gs)[i], "label", p, true);
      text_member((*gs)[i], "intro", p, false);
      group_indicators((*gs)[i], p, j);
    }
  // Every indicator in exactly one class (the report's sections are the classes).
  if (const json* gs = member(j, "groups", "", false); gs && gs->is_array())
    if (const json* is = member(j, "indicators", "", false); is && is->is_array())
      for (std::size_t i = 0; i < is->size(); ++i) {
        const json& d = (*is)[i];
        if (!d.is_object() || !d.contains("clause")) continue;
        int in = 0;
        for (const json& g : *gs)
          if (g.is_object())
            if (auto li = g.find("indicators"); li != g.end() && li->is_array())
              for (const json& c : *li) in += c == d["clause"];
        if (in != 1) add(at(at("/indicators", i), "clause"), "not_in_group", {{"value", shown(d["clause"])}});
      }

  // Enumerations: objects of values with labels, at most what a 64-bit mask holds.
  Rules enums;  // only its enumerations, for the in-scope and one-off values below
  if (const json* es = object(j, "enums", "", true))
    for (auto e = es->begin(); e != es->end(); ++e) {
      const std::string p = at("/enums", e.key());
      if (!e->is_object()) { add(p, "not_object"); continue; }
      if (e->size() > kMaxEnumValues)
        add(p, "too_many_values", {{"count", std::to_string(e->size())}, {"max", std::to_string(kMaxEnumValues)}});
      EnumDef def;
      def.name = e.key();
      for (auto v = e->begin(); v != e->end(); ++v) {
        def.values.push_back(v.key());
        text(*v, at(p, v.key()));
      }
      enums.enums.emplace(def.name, std::move(def));
    }

  if (const json* bs = array(j, "basic_requirements", "", true)) {
    if (bs->size() != kBasicCount) add("/basic_requirements", "wrong_count", {{"expected", std::to_string(kBasicCount)}});
    for (std::size_t i = 0; i < bs->size() && i < kBasicCount; ++i) {
      const std::string p = at("/basic_requirements", i);
      if (!(*bs)[i].is_object()) { add(p, "not_object"); continue; }
      string((*bs)[i], "clause", p, true);
      integer((*bs)[i], "months", p, true, 1, kMaxMonths);
      text_member((*bs)[i], "label", p, true);
      text_member((*bs)[i], "text", p, false);
      text_member((*bs)[i], "question", p, false);
    }
  }

  // Record lists: each field named once, of a known kind and role, with its enumeration or appendix.
  const json* rf = object(j, "record_fields", "", true);
  if (rf) {
    for (auto l = rf->begin(); l != rf->end(); ++l)
      if (std::find(kListNames.begin(), kListNames.end(), l.key()) == kListNames.end())
        add(at("/record_fields", l.key()), "unknown_field", {{"value", l.key()}});
    for (const char* name : kListNames)
      if (const json* l = member(*rf, name, "/record_fields", true)) record_list(*l, at("/record_fields", name), enums);
  }

  // The report's record tables (Table E.1): each column shows a field of its list the report can
  // show (not the id, a flag or the dispute), with fields under it, and at most an appendix
  // entry's category.
  if (const json* rc = object(j, "report_columns", "", false)) {
    for (auto l = rc->begin(); l != rc->end(); ++l) {
      const std::string lp = at("/report_columns", l.key());
      if (std::find(kListNames.begin(), kListNames.end(), l.key()) == kListNames.end()) {
        add(lp, "unknown_field", {{"value", l.key()}});
        continue;
      }
      const json* fields = rf ? member(*rf, l.key().c_str(), "", false) : nullptr;
      if (!l->is_array()) { add(lp, "not_array"); continue; }
      auto shown_field = [&](const json* name, const std::string& path) {
        const json* f = name && name->is_string() ? field_named(fields, name->get<std::string>()) : nullptr;
        const std::string role = field_str(f, "role");
        if (name && (!f || role == "id" || role == "flag" || role == "disputed"))
          add(path, "not_report_field", {{"value", shown(*name)}});
        return f;
      };
      for (std::size_t i = 0; i < l->size(); ++i) {
        const json& c = (*l)[i];
        const std::string cp = at(lp, i);
        if (!c.is_object()) { add(cp, "not_object"); continue; }
        string(c, "head", cp, false);
        const json* f = shown_field(member(c, "field", cp, true), at(cp, "field"));
        if (const json* u = array(c, "under", cp, false))
          for (std::size_t k = 0; k < u->size(); ++k) shown_field(&(*u)[k], at(at(cp, "under"), k));
        if (const json* sh = member(c, "show", cp, false); sh && !(*sh == "category" && field_str(f, "kind") == "appendix"))
          add(at(cp, "show"), "unknown_value", {{"value", shown(*sh)}});
      }
    }
  }

  if (const json* is = array(j, "indicators", "", true)) {
    if (is->size() != kListCount) add("/indicators", "wrong_count", {{"expected", std::to_string(kListCount)}});
    for (std::size_t i = 0; i < is->size() && i < kListCount; ++i) {
      const json& d = (*is)[i];
      const std::string p = at("/indicators", i);
      if (!d.is_object()) { add(p, "not_object"); continue; }
      string(d, "clause", p, true);
      string(d, "id", p, true);
      if (const json* rec = member(d, "records", p, true); rec && !(rec->is_string() && *rec == kListNames[i]))
        add(at(p, "records"), "wrong_records", {{"expected", kListNames[i]}, {"value", shown(*rec)}});
      integer(d, "threshold", p, false, 1, kMaxThreshold);
      indicator_counting(d, p, rf ? rf->find(kListNames[i]) != rf->end() ? &(*rf)[kListNames[i]] : nullptr : nullptr, enums);
      if (const json* nm = object(d, "names", p, false))
        for (const char* code : kRegionCodes) text_member(*nm, code, at(p, "names"), true);
      for (const char* k : {"description", "source", "question", "requirements", "note"}) text_member(d, k, p, false);
    }
  }

  const char* const kApp[4] = {"appendix_a", "appendix_b", "appendix_c", "appendix_d"};
  for (std::size_t a = 0; a < 4; ++a)
    if (const json* arr = array(j, kApp[a], "", true)) appendix(*arr, static_cast<char>('A' + a), at("", kApp[a]));

  if (const json* dc = array(j, "division_codes", "", false))
    for (std::size_t i = 0; i < dc->size(); ++i) {
      const std::string p = at("/division_codes", i);
      if (!(*dc)[i].is_object()) { add(p, "not_object"); continue; }
      string((*dc)[i], "code", p, true);
      text_member((*dc)[i], "name", p, true);
    }

  if (const json* mk = object(j, "mark", "", false)) {
    if (const json* c = member(*mk, "colour", "/mark", true)) {
      const std::string colour = c->is_string() ? c->get<std::string>() : std::string();
      const bool hex = colour.size() == 7 && colour[0] == '#' &&
                       std::all_of(colour.begin() + 1, colour.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
      if (!hex) add("/mark/colour", "bad_colour", {{"value", shown(*c)}});
    }
    if (const json* parts = array(*mk, "parts", "/mark", true)) {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < parts->size(); ++i) {
        const std::string pp = at("/mark/parts", i);
        if (!(*parts)[i].is_object()) { add(pp, "not_object"); continue; }
        integer((*parts)[i], "digits", pp, true, 1, 16);
        string((*parts)[i], "id", pp, true);
        string((*parts)[i], "format", pp, true);
        if (const json* id = member((*parts)[i], "id", pp, false); id && id->is_string() && !ids.insert(id->get<std::string>()).second)
          add(at(pp, "id"), "duplicate_value", {{"value", id->get<std::string>()}});
      }
      if (parts->empty()) add("/mark/parts", "wrong_count", {{"expected", "4"}});
    }
  }
}

// A text document: objects nested by key, down to texts in three languages.
void Checker::texts(const json& j, const std::string& path, int depth) {
  if (!j.is_object()) {
    add(path, path.empty() ? "not_object" : "not_text");
    return;
  }
  if (depth > kMaxRuleDepth) return;  // the shape pass has said so
  for (const char* l : kLangCodes)
    if (j.contains(l)) {
      text(j, path);
      return;
    }
  for (auto it = j.begin(); it != j.end(); ++it) texts(*it, at(path, it.key()), depth + 1);
}

// The shape first (nesting, duplicate keys, syntax), then the tree when it is not too deep.
bool read_document(std::string_view text, const std::string& name, std::vector<RuleProblem>& out, json& tree) {
  Shape shape{out, name, {}, false};
  const json_sax::Outcome o = json_sax::parse(text, shape);
  if (o.status == json_sax::Status::syntax_error) {
    out.push_back({name, "", "not_json", {{"position", std::to_string(o.position)}}});
    return false;
  }
  return !shape.deep && read_json(text, tree);
}

}  // namespace

std::string rule_document_name(std::size_t position) {
  if (position == 0) return "wq179.json";
  if (position == 1) return "texts.json";
  if (position == 2) return "report.json";
  return "texts " + std::to_string(position);
}

std::vector<RuleProblem> check_rules(std::string_view standard_json, const std::vector<std::string_view>& text_jsons) {
  std::vector<RuleProblem> out;
  try {
    json tree;
    if (read_document(standard_json, rule_document_name(0), out, tree)) Checker{out, rule_document_name(0)}.standard(tree);
    for (std::size_t i = 0; i < text_jsons.size(); ++i) {
      json t;
      const std::string name = rule_document_name(i + 1);
      if (read_document(text_jsons[i], name, out, t)) Checker{out, name}.texts(t, "", 0);
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& ex) {  // a shape the checks above did not foresee
    out.push_back({rule_document_name(0), "", "unreadable", {{"detail", ex.what()}}});
  }
  return out;
}

std::string rule_problem_text(const RuleProblem& p, const Rules& messages, Lang lang) {
  std::vector<std::pair<std::string_view, std::string>> args;
  for (const auto& [k, v] : p.args) args.emplace_back(k, v);
  return fill(messages.text("rules_check.where", lang), {{"document", p.document}, {"path", p.path.empty() ? "/" : p.path}}) +
         fill(messages.text("rules_check." + p.code, lang), args);
}

std::string rule_problems_json(const std::vector<RuleProblem>& problems, const Rules& messages) {
  std::string out = "[";
  for (std::size_t i = 0; i < problems.size(); ++i) {
    const RuleProblem& p = problems[i];
    if (i) out += ',';
    out += "{\"document\":";
    append_json_string(out, p.document);
    out += ",\"path\":";
    append_json_string(out, p.path);
    out += ",\"code\":";
    append_json_string(out, p.code);
    out += ",\"message\":{";
    for (std::size_t l = 0; l < 3; ++l) {
      if (l) out += ',';
      append_json_string(out, kLangCodes[l]);
      out += ':';
      append_json_string(out, rule_problem_text(p, messages, static_cast<Lang>(l)));
    }
    out += "}}";
  }
  out += ']';
  return out;
}

namespace {
std::string plain(const std::vector<RuleProblem>& problems) {
  std::string s = "rule data: ";
  for (std::size_t i = 0; i < problems.size() && i < 5; ++i) {
    if (i) s += "; ";
    s += problems[i].document + " " + (problems[i].path.empty() ? "/" : problems[i].path) + " " + problems[i].code;
    for (const auto& [k, v] : problems[i].args) s += " " + k + "=" + v;
  }
  if (problems.size() > 5) s += "; and " + std::to_string(problems.size() - 5) + " more";
  return s;
}
}  // namespace

RulesInvalid::RulesInvalid(std::vector<RuleProblem> problems) : RulesError(plain(problems)), problems_(std::move(problems)) {}

}  // namespace nvcheck
