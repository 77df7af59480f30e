// The changes between two rule sets (issue 15, item 2; docs/formats.md "Command line").
// Reads both sets' documents as the rules were loaded from them (already validated) and says each
// change in the standard's terms; whatever no named kind explains is counted, never left out.
#include "nvcheck/rules_diff.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "json_dom.hpp"
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {
namespace {

using json = nlohmann::json;

const json& null_json() {
  static const json kNull;
  return kNull;
}
const json& member(const json& j, std::string_view key) {
  if (j.is_object())
    if (auto it = j.find(key); it != j.end()) return *it;
  return null_json();
}
const json& element(const json& j, std::size_t i) { return j.is_array() && i < j.size() ? j[i] : null_json(); }

std::string pointer_part(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}
std::string at(const std::string& path, std::string_view key) { return path + "/" + pointer_part(key); }
std::string at(const std::string& path, std::size_t i) { return path + "/" + std::to_string(i); }

Text3 same3(const std::string& s) {
  Text3 t;
  t.v = {s, s, s};
  return t;
}
// A text of the rule data ({zh-Hans, zh-Hant, en}); a plain string is the same in every language.
Text3 text_of(const json& j) {
  if (j.is_string()) return same3(j.get<std::string>());
  Text3 t;
  if (j.is_object())
    for (std::size_t i = 0; i < 3; ++i)
      if (auto it = j.find(kLangCodes[i]); it != j.end() && it->is_string()) t.v[i] = it->get<std::string>();
  return t;
}
// A number or string value as written ("" when absent).
std::string scalar(const json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}
int integer_or(const json& v, int fallback) { return v.is_number_integer() ? v.get<int>() : fallback; }

// An appendix entry's name in each language (name, zh-Hant, en at the entry's top level).
Text3 entry_name(const json& e) {
  Text3 t;
  t.v[0] = scalar(member(e, "name"));
  t.v[1] = scalar(member(e, "zh-Hant"));
  t.v[2] = scalar(member(e, "en"));
  for (auto& s : t.v)
    if (s.empty()) s = t.v[0].empty() ? scalar(member(e, "id")) : t.v[0];
  return t;
}
// Ids printed in the standard (A01, C28) are shown with the name; slugs (Appendix B, D) are not.
Text3 entry_label(const json& e) {
  Text3 t = entry_name(e);
  const std::string id = scalar(member(e, "id"));
  const bool printed = id.size() >= 2 && id[0] >= 'A' && id[0] <= 'D' &&
                       std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (printed)
    for (auto& s : t.v) s = id + " " + s;
  return t;
}

struct Differ {
  const json& a;
  const json& b;
  const Rules& rules_a;
  const Rules& rules_b;
  std::vector<RuleChange>& out;
  std::vector<std::string> covered;  // pointers a named kind explains (changed or not)

  RuleChange& add(std::string kind, std::string clause, std::string path, std::string from, std::string to) {
    RuleChange c;
    c.kind = std::move(kind);
    c.clause = std::move(clause);
    c.path = std::move(path);
    c.from = std::move(from);
    c.to = std::move(to);
    c.args.emplace_back("clause", same3(c.clause));
    c.args.emplace_back("from", same3(c.from));
    c.args.emplace_back("to", same3(c.to));
    out.push_back(std::move(c));
    return out.back();
  }
  static void arg(RuleChange& c, const char* name, Text3 value) {
    for (auto& [k, v] : c.args)
      if (k == name) { v = std::move(value); return; }
    c.args.emplace_back(name, std::move(value));
  }
  void cover(std::string path) { covered.push_back(std::move(path)); }
  bool is_covered(const std::string& path) const {
    return std::any_of(covered.begin(), covered.end(), [&](const std::string& p) {
      return path == p || (path.size() > p.size() && path.compare(0, p.size(), p) == 0 && path[p.size()] == '/');
    });
  }

  // A text whose {months}/{window_months} placeholders are filled with that side's numbers.
  static Text3 filled(const json& tpl, const json& owner) {
    Text3 t = text_of(tpl);
    std::vector<std::pair<std::string_view, std::string>> nums;
    for (const char* k : {"months", "window_months", "resolved_window_months", "threshold"})
      if (member(owner, k).is_number_integer()) nums.emplace_back(k, scalar(member(owner, k)));
    for (auto& s : t.v) s = fill(s, nums);
    return t;
  }

  // A label renamed: from and to in each language.
  void renamed(const char* kind, const std::string& clause, const std::string& path, const Text3& from, const Text3& to,
               std::vector<std::pair<const char*, Text3>> extra = {}) {
    if (from.v == to.v) return;
    // A language whose text did not change shows the change made in another language.
    Text3 f = from, t = to;
    std::size_t changed = 0;
    while (from.v[changed] == to.v[changed]) ++changed;
    for (std::size_t l = 0; l < 3; ++l)
      if (from.v[l] == to.v[l]) {
        f.v[l] = from.v[changed];
        t.v[l] = to.v[changed];
      }
    RuleChange& c = add(kind, clause, path, from.v[changed], to.v[changed]);
    arg(c, "from", f);
    arg(c, "to", t);
    for (auto& [k, v] : extra) arg(c, k, std::move(v));
  }

  // The texts of a clause (description, question, ...): how many changed, one line.
  void clause_texts(const json& ja, const json& jb, const std::string& path, const std::string& clause, const Text3& name,
                    std::initializer_list<const char*> keys) {
    int n = 0;
    std::vector<std::string> which;
    for (const char* k : keys) {
      cover(at(path, k));
      if (member(ja, k) != member(jb, k)) {
        ++n;
        which.push_back(at(path, k));
      }
    }
    if (!n) return;
    RuleChange& c = add("clause_texts", clause, which.front(), "", "");
    c.items = std::move(which);
    arg(c, "name", name);
    arg(c, "count", same3(std::to_string(n)));
  }

  // The field of a record list (or of the enterprise) whose choices are enumeration `name`.
  Text3 enum_field_label(const std::string& name) const {
    for (const json* side : {&b, &a}) {
      for (const auto& [list, fields] : member(*side, "record_fields").items()) {
        (void)list;
        for (const json& f : fields)
          if (member(f, "enum") == name || (name == "risk_list" && member(f, "appendix") == "D")) return text_of(member(f, "label"));
      }
      for (const char* group : {"enterprise_fields", "certification_fields", "application_fields"})
        for (const json& f : member(*side, group))
          if (member(f, "enum") == name) return text_of(member(f, "label"));
    }
    return text3_of_key("rules_diff.unnamed_field");
  }
  Text3 text3_of_key(const char* key) const {
    Text3 t;
    for (std::size_t l = 0; l < 3; ++l) t.v[l] = rules_b.text(key, static_cast<Lang>(l));
    return t;
  }

  // The enumeration a record field of `list` takes ("" when none).
  static std::string field_enum(const json& side, const std::string& list, const std::string& field) {
    for (const json& f : member(member(side, "record_fields"), list))
      if (member(f, "field") == field) {
        if (member(f, "kind") == "appendix" && member(f, "appendix") == "D") return "risk_list";
        return scalar(member(f, "enum"));
      }
    return {};
  }
  static Text3 field_label(const json& side, const std::string& list, const std::string& field) {
    for (const json& f : member(member(side, "record_fields"), list))
      if (member(f, "field") == field) return text_of(member(f, "label"));
    return same3(field);
  }
  static Text3 value_label(const json& side, const std::string& en, const std::string& value) {
    const json& l = member(member(member(side, "enums"), en), value);
    return l.is_null() ? same3(value) : text_of(l);
  }

  // The values of a record field that count: those listed, or every value when none is listed.
  static std::vector<std::string> in_scope(const json& side, const json& ind, const std::string& field) {
    std::vector<std::string> out;
    const json& listed = member(member(ind, "in_scope"), field);
    if (listed.is_array()) {
      for (const json& v : listed) out.push_back(scalar(v));
    } else {
      for (const auto& [v, label] : member(member(side, "enums"), field_enum(side, scalar(member(ind, "records")), field)).items()) {
        (void)label;
        out.push_back(v);
      }
    }
    return out;
  }

  void top() {
    cover("/id");
    cover("/version");
    if (member(a, "id") != member(b, "id")) add("id", "", "/id", scalar(member(a, "id")), scalar(member(b, "id")));
    if (member(a, "version") != member(b, "version"))
      add("version", "", "/version", scalar(member(a, "version")), scalar(member(b, "version")));
    cover("/title");
    renamed("title", "", "/title", text_of(member(a, "title")), text_of(member(b, "title")));
    cover("/mark_name");
    renamed("mark_name", "7.1", "/mark_name", text_of(member(a, "mark_name")), text_of(member(b, "mark_name")));
    for (const char* r : kRegionCodes) {
      const std::string p = at(at("/regions", r), "label");
      cover(p);
      renamed("region_label", "", p, text_of(member(member(member(a, "regions"), r), "label")),
              text_of(member(member(member(b, "regions"), r), "label")));
    }
  }

  void groups() {
    const json &ga = member(a, "groups"), &gb = member(b, "groups");
    for (std::size_t i = 0; i < std::min(ga.size(), gb.size()); ++i) {
      if (member(ga[i], "id") != member(gb[i], "id")) continue;
      const std::string p = at("/groups", i), clause = scalar(member(gb[i], "clause"));
      cover(at(p, "label"));
      renamed("clause_label", clause, at(p, "label"), text_of(member(ga[i], "label")), text_of(member(gb[i], "label")));
      clause_texts(ga[i], gb[i], p, clause, text_of(member(gb[i], "label")), {"intro", "text", "note"});
    }
  }

  void basic() {
    const json &ba = member(a, "basic_requirements"), &bb = member(b, "basic_requirements");
    for (std::size_t i = 0; i < std::min(ba.size(), bb.size()); ++i) {
      const std::string p = at("/basic_requirements", i), clause = scalar(member(bb[i], "clause"));
      cover(at(p, "months"));
      if (member(ba[i], "months") != member(bb[i], "months"))
        add("months", clause, at(p, "months"), scalar(member(ba[i], "months")), scalar(member(bb[i], "months")));
      cover(at(p, "label"));
      if (member(ba[i], "label") != member(bb[i], "label"))
        renamed("clause_label", clause, at(p, "label"), filled(member(ba[i], "label"), ba[i]), filled(member(bb[i], "label"), bb[i]));
      clause_texts(ba[i], bb[i], p, clause, filled(member(bb[i], "label"), bb[i]), {"text", "question"});
    }
  }

  void indicators() {
    const json &ia = member(a, "indicators"), &ib = member(b, "indicators");
    for (std::size_t i = 0; i < std::min(ia.size(), ib.size()); ++i) {
      const json &da = ia[i], &db = ib[i];
      const std::string p = at("/indicators", i), clause = scalar(member(db, "clause")), list = scalar(member(db, "records"));
      const Text3 name = text_of(member(member(db, "names"), "GD"));
      auto number = [&](const char* key, int fallback) {
        cover(at(p, key));
        const int x = integer_or(member(da, key), fallback), y = integer_or(member(db, key), fallback);
        if (x != y) arg(add(key, clause, at(p, key), std::to_string(x), std::to_string(y)), "name", name);
      };
      number("threshold", 1);
      number("window_months", 0);
      number("resolved_window_months", 0);

      // In-scope values, field by field (a field not listed: every value counts).
      cover(at(p, "in_scope"));
      std::set<std::string> fields;
      for (const json* d : {&da, &db})
        for (const auto& [f, v] : member(*d, "in_scope").items()) {
          (void)v;
          fields.insert(f);
        }
      for (const std::string& f : fields) {
        const std::vector<std::string> va = in_scope(a, da, f), vb = in_scope(b, db, f);
        const std::string en = field_enum(b, list, f);
        for (const std::string& v : vb)
          if (std::find(va.begin(), va.end(), v) == va.end()) {
            RuleChange& c = add("in_scope_added", clause, at(at(p, "in_scope"), f), "", v);
            arg(c, "name", name);
            arg(c, "field_label", field_label(b, list, f));
            arg(c, "value_label", value_label(b, en, v));
          }
        for (const std::string& v : va)
          if (std::find(vb.begin(), vb.end(), v) == vb.end()) {
            RuleChange& c = add("in_scope_removed", clause, at(at(p, "in_scope"), f), v, "");
            arg(c, "name", name);
            arg(c, "field_label", field_label(a, list, f));
            arg(c, "value_label", value_label(a, field_enum(a, list, f), v));
          }
      }

      // One-off measures (6.2.5, 6.2.6).
      cover(at(p, "one_off"));
      std::vector<std::string> oa, ob;
      for (const json& v : member(da, "one_off")) oa.push_back(scalar(v));
      for (const json& v : member(db, "one_off")) ob.push_back(scalar(v));
      for (const std::string& v : ob)
        if (std::find(oa.begin(), oa.end(), v) == oa.end()) {
          RuleChange& c = add("one_off_added", clause, at(p, "one_off"), "", v);
          arg(c, "name", name);
          arg(c, "value_label", value_label(b, field_enum(b, list, "measure"), v));
        }
      for (const std::string& v : oa)
        if (std::find(ob.begin(), ob.end(), v) == ob.end()) {
          RuleChange& c = add("one_off_removed", clause, at(p, "one_off"), v, "");
          arg(c, "name", name);
          arg(c, "value_label", value_label(a, field_enum(a, list, "measure"), v));
        }

      // Table 1's names, per region.
      for (std::size_t r = 0; r < 3; ++r) {
        const std::string np = at(at(p, "names"), kRegionCodes[r]);
        cover(np);
        renamed("indicator_name", clause, np, text_of(member(member(da, "names"), kRegionCodes[r])),
                text_of(member(member(db, "names"), kRegionCodes[r])),
                {{"region", text_of(member(member(member(b, "regions"), kRegionCodes[r]), "label"))}});
      }
      clause_texts(da, db, p, clause, name, {"description", "source", "question", "requirements", "note"});

      // The labels of the list's fields, matched by field.
      const json &fa = member(member(a, "record_fields"), list), &fb = member(member(b, "record_fields"), list);
      for (std::size_t k = 0; k < fb.size(); ++k)
        for (std::size_t m = 0; m < fa.size(); ++m)
          if (member(fa[m], "field") == member(fb[k], "field")) {
            const std::string lp = at(at(at("/record_fields", list), k), "label");
            if (m == k) cover(lp);
            renamed("field_label", clause, lp, text_of(member(fa[m], "label")), text_of(member(fb[k], "label")), {{"name", name}});
          }
    }
  }

  // Enumerations: choices added or removed, and their labels.
  void enums() {
    cover("/enums");
    std::set<std::string> names;
    for (const json* side : {&a, &b})
      for (const auto& [n, v] : member(*side, "enums").items()) {
        (void)v;
        names.insert(n);
      }
    for (const std::string& n : names) {
      const json &ea = member(member(a, "enums"), n), &eb = member(member(b, "enums"), n);
      const std::string p = at("/enums", n);
      const Text3 field = enum_field_label(n);
      for (const auto& [v, label] : eb.items())
        if (!ea.contains(v)) {
          RuleChange& c = add("choice_added", "", at(p, v), "", v);
          arg(c, "field_label", field);
          arg(c, "value_label", text_of(label));
        } else {
          renamed("choice_label", "", at(p, v), text_of(ea[v]), text_of(label), {{"field_label", field}});
        }
      for (const auto& [v, label] : ea.items())
        if (!eb.contains(v)) {
          RuleChange& c = add("choice_removed", "", at(p, v), v, "");
          arg(c, "field_label", field);
          arg(c, "value_label", text_of(label));
        }
    }
  }

  // Appendices A-D, entries matched by id.
  void appendices() {
    const char* const kApp[4] = {"appendix_a", "appendix_b", "appendix_c", "appendix_d"};
    for (std::size_t x = 0; x < 4; ++x) {
      const std::string p = at("", kApp[x]), letter(1, static_cast<char>('A' + x));
      cover(p);
      const json &la = member(a, kApp[x]), &lb = member(b, kApp[x]);
      auto find = [](const json& l, const json& id) -> const json* {
        for (const json& e : l)
          if (member(e, "id") == id) return &e;
        return nullptr;
      };
      for (std::size_t i = 0; i < lb.size(); ++i) {
        const json& eb = lb[i];
        const json* ea = find(la, member(eb, "id"));
        const std::string ep = at(p, i), id = scalar(member(eb, "id"));
        if (!ea) {
          RuleChange& c = add("appendix_added", "", ep, "", id);
          arg(c, "letter", same3(letter));
          arg(c, "name", entry_label(eb));
          continue;
        }
        renamed("appendix_renamed", "", ep, entry_label(*ea), entry_label(eb), {{"letter", same3(letter)}});
        json ra = *ea, rb = eb;
        for (const char* k : {"name", "zh-Hant", "en"}) {
          ra.erase(k);
          rb.erase(k);
        }
        if (ra != rb) {
          RuleChange& c = add("appendix_changed", "", ep, "", "");
          arg(c, "letter", same3(letter));
          arg(c, "name", entry_label(eb));
        }
      }
      for (std::size_t i = 0; i < la.size(); ++i)
        if (!find(lb, member(la[i], "id"))) {
          RuleChange& c = add("appendix_removed", "", at(p, i), scalar(member(la[i], "id")), "");
          arg(c, "letter", same3(letter));
          arg(c, "name", entry_label(la[i]));
        }
    }
  }

  // Clause 7: the mark's colour and style (7.3), the parts of its code (7.4).
  void mark() {
    const json &ma = member(a, "mark"), &mb = member(b, "mark");
    cover("/mark/colour");
    if (member(ma, "colour") != member(mb, "colour"))
      add("mark_colour", "7.3", "/mark/colour", scalar(member(ma, "colour")), scalar(member(mb, "colour")));
    cover("/mark/style");
    auto style = [](const json& s) {
      return scalar(member(s, "pattern")) + ", " + scalar(member(s, "font")) + ", " + scalar(member(s, "main_size")) + " pt / " +
             scalar(member(s, "english_size")) + " pt";
    };
    if (member(ma, "style") != member(mb, "style"))
      add("mark_style", "7.3", "/mark/style", style(member(ma, "style")), style(member(mb, "style")));
    const json &pa = member(ma, "parts"), &pb = member(mb, "parts");
    for (std::size_t i = 0; i < std::min(pa.size(), pb.size()); ++i) {
      if (member(pa[i], "id") != member(pb[i], "id")) continue;
      const std::string p = at("/mark/parts", i);
      cover(at(p, "digits"));
      cover(at(p, "label"));
      if (member(pa[i], "digits") != member(pb[i], "digits"))
        arg(add("mark_digits", "7.4", at(p, "digits"), scalar(member(pa[i], "digits")), scalar(member(pb[i], "digits"))), "name",
            text_of(member(pb[i], "label")));
      renamed("mark_part_label", "7.4", at(p, "label"), text_of(member(pa[i], "label")), text_of(member(pb[i], "label")));
    }
  }

  // Every other value that differs, counted (pointers in `items`), so that no change is silent.
  void leaves(const json& x, const json& y, const std::string& path, std::vector<std::string>& found) const {
    if (is_covered(path)) return;
    if (x.is_object() && y.is_object()) {
      for (const auto& [k, v] : x.items()) leaves(v, member(y, k), at(path, k), found);
      for (const auto& [k, v] : y.items())
        if (!x.contains(k)) leaves(null_json(), v, at(path, k), found);
    } else if (x.is_array() && y.is_array()) {
      for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) leaves(element(x, i), element(y, i), at(path, i), found);
    } else if (x != y) {
      found.push_back(path);
    }
  }
  void others() {
    std::vector<std::string> found;
    leaves(a, b, "", found);
    if (found.empty()) return;
    RuleChange& c = add("other", "", found.front(), "", "");
    arg(c, "count", same3(std::to_string(found.size())));
    c.items = std::move(found);
  }

  // The messages and labels of the text documents (texts.json, report.json), by key.
  void texts() {
    std::vector<std::string> changed, added, removed;
    const auto& ta = rules_a.texts;
    const auto& tb = rules_b.texts;
    auto skip = [](const std::string& k) { return k.rfind("standard.", 0) == 0; };  // from wq179.json: above
    for (const auto& [k, v] : tb) {
      if (skip(k)) continue;
      const auto it = ta.find(k);
      if (it == ta.end()) added.push_back(k);
      else if (it->second.v != v.v) changed.push_back(k);
    }
    for (const auto& [k, v] : ta)
      if (!skip(k) && !tb.count(k)) removed.push_back(k);
    auto line = [&](const char* kind, std::vector<std::string>& keys) {
      if (keys.empty()) return;
      RuleChange& c = add(kind, "", "", "", "");
      arg(c, "count", same3(std::to_string(keys.size())));
      c.items = std::move(keys);
    };
    line("texts_changed", changed);
    line("texts_added", added);
    line("texts_removed", removed);
  }
};

void append_message(std::string& out, const RuleChange& c, const Rules& messages) {
  out += "{";
  for (std::size_t l = 0; l < 3; ++l) {
    if (l) out += ',';
    append_json_string(out, kLangCodes[l]);
    out += ':';
    append_json_string(out, rule_change_text(c, messages, static_cast<Lang>(l)));
  }
  out += '}';
}

void append_set(std::string& out, const Rules& r) {
  out += "{\"id\":";
  append_json_string(out, r.id);
  out += ",\"version\":";
  append_json_string(out, r.version);
  out += '}';
}

}  // namespace

std::vector<RuleChange> diff_rules(const Rules& a, const Rules& b) {
  std::vector<RuleChange> out;
  json ja, jb;
  (void)read_json(a.standard_json, ja);
  (void)read_json(b.standard_json, jb);
  Differ d{ja, jb, a, b, out, {}};
  d.top();
  d.groups();
  d.basic();
  d.indicators();
  d.enums();
  d.appendices();
  d.mark();
  d.others();
  d.texts();
  return out;
}

std::string rule_change_text(const RuleChange& c, const Rules& messages, Lang lang) {
  std::vector<std::pair<std::string_view, std::string>> args;
  for (const auto& [k, v] : c.args) args.emplace_back(k, v[lang]);
  return fill(messages.text("rules_diff." + c.kind, lang), args);
}

std::string rule_changes_json(const Rules& a, const Rules& b, const std::vector<RuleChange>& changes, const Rules& messages) {
  std::string out = "{\"a\":";
  append_set(out, a);
  out += ",\"b\":";
  append_set(out, b);
  out += changes.empty() ? ",\"same\":true" : ",\"same\":false";
  out += ",\"changes\":[";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const RuleChange& c = changes[i];
    if (i) out += ',';
    out += "{\"kind\":";
    append_json_string(out, c.kind);
    out += ",\"clause\":";
    append_json_string(out, c.clause);
    out += ",\"path\":";
    append_json_string(out, c.path);
    out += ",\"from\":";
    append_json_string(out, c.from);
    out += ",\"to\":";
    append_json_string(out, c.to);
    if (!c.items.empty()) {
      out += ",\"items\":[";
      for (std::size_t k = 0; k < c.items.size(); ++k) {
        if (k) out += ',';
        append_json_string(out, c.items[k]);
      }
      out += ']';
    }
    out += ",\"message\":";
    append_message(out, c, messages);
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace nvcheck
