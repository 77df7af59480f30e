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
      "first_passed_on", "since", "clauses"};
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

  if (const json* is = array(j, "indicators", "", true)) {
    if (is->size() != kListCount) add("/indicators", "wrong_count", {{"expected", std::to_string(kListCount)}});
    for (std::size_t i = 0; i < is->size() && i < kListCount; ++i) {
      const json& d = (*is)[i];
      const std::string p = at("/indicators", i);
      if (!d.is_object()) { add(p, "not_object"); continue; }
      const auto list = static_cast<ListKind>(i);
      string(d, "clause", p, true);
      string(d, "id", p, true);
      if (const json* rec = member(d, "records", p, true); rec && !(rec->is_string() && *rec == kListNames[i]))
        add(at(p, "records"), "wrong_records", {{"expected", kListNames[i]}, {"value", shown(*rec)}});
      integer(d, "threshold", p, false, 1, kMaxThreshold);
      integer(d, "window_months", p, list != ListKind::risk_list_entries, list == ListKind::risk_list_entries ? 0 : 1, kMaxMonths);
      const bool complaints = list == ListKind::contract_complaints || list == ListKind::commitment_complaints;
      integer(d, "resolved_window_months", p, complaints, complaints ? 1 : 0, kMaxMonths);
      if (const json* sc = object(d, "in_scope", p, false); sc && list != ListKind::risk_list_entries)
        for (auto f = sc->begin(); f != sc->end(); ++f) {
          const EnumDef& def = enums.enum_def(in_scope_enum(list, f.key()));
          if (def.values.empty()) add(at(at(p, "in_scope"), f.key()), "unknown_field", {{"value", f.key()}});
          else values(*f, def, at(at(p, "in_scope"), f.key()));
        }
      if (const json* oo = member(d, "one_off", p, false)) {
        const EnumDef& def = enums.enum_def(in_scope_enum(list, "measure"));
        values(*oo, def, at(p, "one_off"));
      }
      if (const json* nm = object(d, "names", p, false))
        for (const char* code : kRegionCodes) text_member(*nm, code, at(p, "names"), true);
      for (const char* k : {"description", "source", "question", "requirements", "note"}) text_member(d, k, p, false);
    }
  }

  // Record lists as the page draws them: each field named, of a known kind, with its enumeration.
  if (const json* rf = object(j, "record_fields", "", false))
    for (auto l = rf->begin(); l != rf->end(); ++l) {
      const std::string p = at("/record_fields", l.key());
      if (std::find(kListNames.begin(), kListNames.end(), l.key()) == kListNames.end())
        add(p, "unknown_field", {{"value", l.key()}});
      if (!l->is_array()) { add(p, "not_array"); continue; }
      for (std::size_t i = 0; i < l->size(); ++i) {
        const json& f = (*l)[i];
        const std::string fp = at(p, i);
        if (!f.is_object()) { add(fp, "not_object"); continue; }
        string(f, "field", fp, true);
        text_member(f, "label", fp, true);
        const json* kind = member(f, "kind", fp, true);
        if (!kind) continue;
        static const std::set<std::string, std::less<>> kKinds = {"text", "date", "bool", "enum", "appendix"};
        if (!kind->is_string() || !kKinds.count(kind->get_ref<const std::string&>())) {
          add(at(fp, "kind"), "unknown_value", {{"value", shown(*kind)}});
        } else if (*kind == "enum") {
          const json* en = member(f, "enum", fp, true);
          if (en && !(en->is_string() && !enums.enum_def(en->get<std::string>()).values.empty()))
            add(at(fp, "enum"), "unknown_value", {{"value", shown(*en)}});
        } else if (*kind == "appendix") {
          const json* ap = member(f, "appendix", fp, true);
          if (ap && !(ap->is_string() && (*ap == "A" || *ap == "B" || *ap == "C" || *ap == "D")))
            add(at(fp, "appendix"), "unknown_value", {{"value", shown(*ap)}});
        }
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
    if (const json* c = member(*mk, "colour", "/mark", false)) {
      const std::string colour = c->is_string() ? c->get<std::string>() : std::string();
      const bool hex = colour.size() == 7 && colour[0] == '#' &&
                       std::all_of(colour.begin() + 1, colour.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
      if (!hex) add("/mark/colour", "bad_colour", {{"value", shown(*c)}});
    }
    if (const json* parts = array(*mk, "parts", "/mark", false))
      for (std::size_t i = 0; i < parts->size(); ++i)
        integer((*parts)[i], "digits", at("/mark/parts", i), false, 1, 16);
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
