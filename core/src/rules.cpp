// Loads the rule data (rules/wq179.json and text documents) into typed definitions.
#include <algorithm>
#include <mutex>

#include <nlohmann/json.hpp>

#include "bytes.hpp"
#include "json_dom.hpp"
#include "nvcheck/nvcheck.hpp"
#include "nvcheck/rules.hpp"
#include "nvcheck/rules_check.hpp"
#include "nvcheck/rules_identity.hpp"

namespace nvcheck {
namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string& what) { throw RulesError("rule data: " + what); }

Text3 text3(const json& j) {
  Text3 t;
  if (j.is_string()) {
    t.v[0] = t.v[1] = t.v[2] = j.get<std::string>();
    return t;
  }
  if (!j.is_object()) return t;
  for (std::size_t i = 0; i < 3; ++i) {
    auto it = j.find(kLangCodes[i]);
    if (it != j.end() && it->is_string()) t.v[i] = it->get<std::string>();
  }
  return t;
}

std::string str(const json& j, const char* key, const std::string& def = {}) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : def;
}

// Normalised matching key: ASCII case folded, white space (ASCII and U+3000) removed.
std::string norm(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) { i += 2; continue; }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

void flatten(const json& j, const std::string& prefix, std::map<std::string, Text3, std::less<>>& out) {
  if (!j.is_object()) return;
  bool is_text = false;
  for (const char* l : kLangCodes)
    if (j.contains(l)) is_text = true;
  if (is_text) {
    Text3 t = text3(j);
    auto it = out.find(prefix);
    if (it == out.end()) out.emplace(prefix, std::move(t));
    else
      for (std::size_t i = 0; i < 3; ++i)
        if (!t.v[i].empty()) it->second.v[i] = std::move(t.v[i]);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it)
    flatten(*it, prefix.empty() ? it.key() : prefix + "." + it.key(), out);
}

// The standard's own numbers in its texts: "{months}", "{window_months}", ... filled once at load,
// so editing 6.1.1's months changes "Incorporated for at least 18 months" too.
using Numbers = std::vector<std::pair<std::string_view, std::string>>;
void fill_numbers(Text3& t, const Numbers& numbers) {
  for (std::string& s : t.v)
    if (s.find('{') != std::string::npos) s = fill(s, numbers);
}
Numbers basic_numbers(const BasicRequirementDef& b) { return {{"months", std::to_string(b.months)}}; }
Numbers indicator_numbers(const IndicatorDef& d) {
  return {{"window_months", std::to_string(d.window_months)},
          {"resolved_window_months", std::to_string(d.resolved_window_months)},
          {"threshold", std::to_string(d.threshold)}};
}

// The standard's text for the page (rules_summary_json) with the same numbers filled in; the key
// order kept (ordered_json), as the page reads lists in the order written.
std::string filled_standard(std::string_view text, const Rules& r) {
  nlohmann::ordered_json o = nlohmann::ordered_json::parse(text);
  auto fill_member = [](nlohmann::ordered_json& obj, const char* key, const Numbers& numbers) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_object()) return;
    for (auto& v : *it)
      if (v.is_string()) v = fill(v.get<std::string>(), numbers);
  };
  for (std::size_t i = 0; i < 3; ++i)
    for (const char* k : {"label", "text", "question"}) fill_member(o["basic_requirements"][i], k, basic_numbers(r.basic[i]));
  for (std::size_t i = 0; i < kListCount; ++i)
    for (const char* k : {"description", "source", "question", "requirements", "note"})
      fill_member(o["indicators"][i], k, indicator_numbers(r.indicators[i]));
  return o.dump(1);
}

void load_appendix(const json& arr, Appendix& app, char letter) {
  app.letter = letter;
  if (!arr.is_array()) fail(std::string("appendix_") + static_cast<char>(letter + 32) + " must be an array");
  for (const json& j : arr) {
    AppendixEntry e;
    e.id = str(j, "id");
    if (e.id.empty()) fail(std::string("an Appendix ") + letter + " entry has no id");
    e.name = str(j, "name", e.id);
    e.display.v[0] = e.name;
    e.display.v[1] = str(j, "zh-Hant", e.name);
    e.display.v[2] = str(j, "en", e.name);
    e.region = str(j, "region");
    e.category = str(j, "category");
    if (j.contains("body")) e.body = text3(j["body"]);
    if (j.contains("note")) e.note = text3(j["note"]);
    const int index = static_cast<int>(app.entries.size());
    auto add = [&](const std::string& k) {
      const std::string n = norm(k);
      if (!n.empty()) app.by_key.add(n, index);
    };
    add(e.id);
    for (const auto& v : e.display.v) add(v);
    add(str(j, "as_printed"));
    if (auto it = j.find("aliases"); it != j.end() && it->is_array())
      for (const json& a : *it)
        if (a.is_string()) add(a.get<std::string>());
    app.entries.push_back(std::move(e));
  }
}

// A record list's fields (rule data record_fields.<list>): kind, role, enumeration, appendix,
// whether required, and the reason a field gives when it makes a record not count.
void load_list(const json& arr, const Rules& r, ListDef& list) {
  if (!arr.is_array()) fail("record_fields lists must be arrays");
  int scopes = 0;
  for (const json& f : arr) {
    FieldDef fd;
    fd.name = str(f, "field");
    const std::string kind = str(f, "kind"), role = str(f, "role");
    std::size_t k = 0;
    while (k < kFieldKinds.size() && kind != kFieldKinds[k]) ++k;
    if (k == kFieldKinds.size()) fail("record field " + fd.name + " has an unknown kind");
    fd.kind = static_cast<FieldKind>(k);
    k = 0;
    while (k < kFieldRoles.size() && role != kFieldRoles[k]) ++k;
    if (k == kFieldRoles.size()) fail("record field " + fd.name + " has an unknown role");
    fd.role = static_cast<FieldRole>(k);
    if (auto it = f.find("required"); it != f.end() && it->is_boolean()) fd.required = it->get<bool>();
    if (auto it = f.find("closed"); it != f.end() && it->is_boolean()) fd.closed = it->get<bool>();
    if (const std::string reason = str(f, "reason"); !reason.empty()) fd.reason = "reason." + reason;
    if (fd.kind == FieldKind::enumeration) {
      fd.enumeration = &r.enum_def(str(f, "enum"));
      if (fd.enumeration->values.empty()) fail("record field " + fd.name + " names no enumeration");
    }
    if (fd.kind == FieldKind::appendix) {
      const std::string a = str(f, "appendix");
      if (a.size() != 1 || a[0] < 'A' || a[0] > 'D') fail("record field " + fd.name + " names no appendix");
      fd.appendix = a[0] - 'A';
    }
    if (fd.role == FieldRole::scope) {
      if (scopes == 2) fail("record field " + fd.name + ": at most two enumeration fields decide the scope");
      fd.scope_slot = scopes;
      list.scope_field[static_cast<std::size_t>(scopes++)] = static_cast<int>(list.fields.size());
    }
    list.fields.push_back(std::move(fd));
  }
  if (list.fields.size() > ListDef::kMaxFields) fail("a record list has more than 32 fields");
  list.index();
}

// A field the report can show in a column (a date, an enumeration, an appendix entry, a text).
bool shown_in_report(const FieldDef& f) {
  return f.role != FieldRole::id && f.role != FieldRole::flag && f.role != FieldRole::disputed;
}

// A list's report columns (rule data report_columns.<list>); absent: every field it can show.
void load_report_columns(const json& arr, const ListDef& list, std::vector<ReportColumn>& out) {
  auto field = [&](const json& name) {
    const int f = name.is_string() ? list.find(name.get<std::string>()) : -1;
    if (f < 0 || !shown_in_report(list.fields[static_cast<std::size_t>(f)]))
      fail("report_columns: " + (name.is_string() ? name.get<std::string>() : std::string("?")) + " is no field the report can show");
    return f;
  };
  if (arr.is_null()) {
    for (std::size_t f = 0; f < list.fields.size(); ++f)
      if (shown_in_report(list.fields[f])) out.push_back({"", static_cast<int>(f), {}, false, nullptr});
    return;
  }
  if (!arr.is_array()) fail("report_columns lists must be arrays");
  for (const json& c : arr) {
    if (!c.is_object()) fail("report_columns: a column must be an object");
    ReportColumn col;
    col.head = str(c, "head");
    col.field = field(c.value("field", json()));
    if (auto u = c.find("under"); u != c.end() && u->is_array())
      for (const json& n : *u) col.under.push_back(field(n));
    col.category = str(c, "show") == "category";
    if (c.contains("show") && !col.category) fail("report_columns: show can only be category");
    if (col.category && list.fields[static_cast<std::size_t>(col.field)].kind != FieldKind::appendix)
      fail("report_columns: show category needs an appendix field");
    out.push_back(std::move(col));
  }
}

// The field of a date-valued role, and the Record date it fills.
bool date_slot(const FieldDef& f, DateSlot& out) {
  switch (f.role) {
    case FieldRole::start: out = DateSlot::start; return true;
    case FieldRole::end: out = DateSlot::end; return true;
    case FieldRole::valid_until: out = DateSlot::valid_until; return true;
    case FieldRole::information_date: out = DateSlot::information_date; return true;
    default: return false;
  }
}

// An indicator's counting: its shape, the date its window runs from, the checks in order, the
// flag, the appendix and the end event (clauses 6.2.1-6.2.10).
void load_counting(const json& d, const ListDef& list, IndicatorDef& ind) {
  const std::string counting = str(d, "counting");
  std::size_t k = 0;
  while (k < kCountings.size() && counting != kCountings[k]) ++k;
  if (k == kCountings.size()) fail("indicator " + ind.clause + " has an unknown counting");
  ind.counting = static_cast<Counting>(k);
  if (ind.counting != Counting::while_listed && ind.window_months <= 0)
    fail("indicator " + ind.clause + " needs window_months > 0");
  if (ind.counting == Counting::complaints && ind.resolved_window_months <= 0)
    fail("indicator " + ind.clause + " needs resolved_window_months > 0");
  ind.window_from_field = list.find(str(d, "window_from"));
  if (ind.window_from_field < 0 || !date_slot(list.fields[static_cast<std::size_t>(ind.window_from_field)], ind.window_from))
    fail("indicator " + ind.clause + ": window_from is not a date field of its list");
  if (auto it = d.find("checks"); it != d.end() && it->is_array()) {
    for (const json& c : *it) {
      std::size_t n = 0;
      while (n < kChecks.size() && !(c.is_string() && c.get<std::string>() == kChecks[n])) ++n;
      if (n == kChecks.size()) fail("indicator " + ind.clause + " has an unknown check");
      ind.checks.push_back(static_cast<Check>(n));
    }
  } else {
    ind.checks = {Check::appendix, Check::flags, Check::in_scope};
  }
  if (auto fl = d.find("flags"); fl != d.end() && fl->is_object() && !fl->empty()) {
    if (fl->size() != 1) fail("indicator " + ind.clause + ": flags names one field");
    ind.flag_field = list.find(fl->begin().key());
    if (ind.flag_field < 0 || list.fields[static_cast<std::size_t>(ind.flag_field)].role != FieldRole::flag ||
        !fl->begin()->is_boolean())
      fail("indicator " + ind.clause + ": flags names no boolean field");
    ind.flag_counts = fl->begin()->get<bool>();
  }
  if (const std::string af = str(d, "appendix_field"); !af.empty()) {
    ind.appendix_field = list.find(af);
    if (ind.appendix_field < 0 || list.fields[static_cast<std::size_t>(ind.appendix_field)].kind != FieldKind::appendix)
      fail("indicator " + ind.clause + ": appendix_field names no appendix field");
    ind.appendix = list.fields[static_cast<std::size_t>(ind.appendix_field)].appendix;
  }
  if (auto ev = d.find("end_event"); ev != d.end() && ev->is_object()) {
    ind.end_action = str(*ev, "action");
    ind.end_by = str(*ev, "by");
    if (const std::string dec = str(*ev, "decider"); !dec.empty()) {
      ind.decider_field = list.find(dec);
      const FieldRole role = ind.decider_field < 0 ? FieldRole::cause : list.fields[static_cast<std::size_t>(ind.decider_field)].role;
      if (role != FieldRole::authority && role != FieldRole::source && role != FieldRole::appendix)
        fail("indicator " + ind.clause + ": end_event.decider names no authority, source or appendix field");
    }
  }
}

}  // namespace

bool parse_lang(std::string_view code, Lang& out) noexcept {
  for (std::size_t i = 0; i < 3; ++i)
    if (code == kLangCodes[i]) { out = static_cast<Lang>(i); return true; }
  return false;
}

const std::string& Text3::operator[](Lang l) const {
  const std::string& s = v[static_cast<std::size_t>(l)];
  if (!s.empty()) return s;
  if (!v[2].empty()) return v[2];
  return v[0];
}

int ListDef::find(std::string_view key) const {
  if (key.empty()) return -1;
  if (overflow || slots.empty()) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (bytes::same(fields[i].name, key)) return static_cast<int>(i);
    return -1;
  }
  for (const std::int8_t i : slots[bucket(key)]) {
    if (i < 0) break;
    if (bytes::same(fields[static_cast<std::size_t>(i)].name, key)) return i;
  }
  return -1;
}

int ListDef::find_after(int previous, std::string_view key) const {
  const std::size_t next = static_cast<std::size_t>(previous + 1);
  if (!key.empty() && next < fields.size() && bytes::same(fields[next].name, key)) return static_cast<int>(next);
  return find(key);
}

void ListDef::index() {
  slots.assign(kBuckets, {{-1, -1, -1, -1}});
  overflow = false;
  required_mask = 0;
  for (std::size_t i = 0; i < fields.size() && i < kMaxFields; ++i)
    if (fields[i].required) required_mask |= 1u << i;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name.empty()) continue;
    auto& s = slots[bucket(fields[i].name)];
    std::size_t j = 0;
    while (j < 4 && s[j] >= 0) ++j;
    if (j == 4) { overflow = true; return; }
    s[j] = static_cast<std::int8_t>(i);
  }
}

int EnumDef::index_of(std::string_view value) const noexcept {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (bytes::same(values[i], value)) return static_cast<int>(i);
  return -1;
}

int Appendix::match(std::string_view value) const {
  bool plain = true;  // already in normalised form: look it up as it is, without a copy
  for (char c : value)
    if ((c >= 'A' && c <= 'Z') || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\xE3') { plain = false; break; }
  return plain ? by_key.find(value) : by_key.find(norm(value));
}

namespace {
std::size_t name_hash(std::string_view k) { return static_cast<std::size_t>(bytes::key_hash(k)); }
}  // namespace

void NameIndex::add(std::string key, int value) {
  if (find(key) >= 0) return;
  if (2 * (used_ + 1) > slots_.size()) {  // at most half full
    std::vector<std::pair<std::string, int>> old(std::max<std::size_t>(16, 2 * slots_.size()), {std::string(), -1});
    old.swap(slots_);
    used_ = 0;
    for (auto& kv : old)
      if (kv.second >= 0) add(std::move(kv.first), kv.second);
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = name_hash(key) & mask;
  while (slots_[i].second >= 0) i = (i + 1) & mask;
  slots_[i] = {std::move(key), value};
  ++used_;
}

int NameIndex::find(std::string_view key) const {
  if (slots_.empty()) return -1;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = name_hash(key) & mask; slots_[i].second >= 0; i = (i + 1) & mask)
    if (bytes::same(slots_[i].first, key)) return slots_[i].second;
  return -1;
}

void Rules::index_names() {
  enum_index_ = NameIndex();
  text_index_ = NameIndex();
  enum_at_.clear();
  text_at_.clear();
  text_templates_.clear();
  for (const auto& [name, def] : enums) {
    enum_index_.add(name, static_cast<int>(enum_at_.size()));
    enum_at_.push_back(&def);
  }
  for (const auto& [key, text] : texts) {
    text_index_.add(key, static_cast<int>(text_at_.size()));
    text_at_.push_back(&text);
    std::array<TextTemplate, 3>& cut = text_templates_.emplace_back();
    for (std::size_t l = 0; l < 3; ++l) cut[l] = cut_text(text[static_cast<Lang>(l)]);
  }
  for (IndicatorDef& ind : indicators) {
    for (std::size_t k = 0; k < 2; ++k) {
      const auto label = ind.scope_field[k].empty() ? texts.end() : texts.find("field." + ind.scope_field[k]);
      ind.scope_field_label[k] = label == texts.end() ? nullptr : &label->second;
    }
  }
  for (std::size_t li = 0; li < kListCount; ++li) {
    for (ReportColumn& col : report_columns[li]) {
      const auto label = col.field < 0 ? field_labels.end()
                                       : field_labels.find(std::string("records.") + kListNames[li] + "." +
                                                           lists[li].fields[static_cast<std::size_t>(col.field)].name);
      col.label = label == field_labels.end() ? nullptr : &label->second;
    }
    IndicatorDef& ind = indicators[li];
    const ListDef& list = lists[li];
    ind.window_from_label = nullptr;
    if (ind.window_from_field >= 0 && static_cast<std::size_t>(ind.window_from_field) < list.fields.size()) {
      const auto label = field_labels.find(std::string("records.") + kListNames[li] + "." +
                                           list.fields[static_cast<std::size_t>(ind.window_from_field)].name);
      if (label != field_labels.end()) ind.window_from_label = &label->second;
    }
  }
}

const EnumDef& Rules::enum_def(std::string_view name) const {
  if (!enum_at_.empty()) {  // indexed (during loading, the map is asked)
    const int i = enum_index_.find(name);
    if (i >= 0) return *enum_at_[static_cast<std::size_t>(i)];
  } else if (auto it = enums.find(name); it != enums.end()) {
    return it->second;
  }
  static const EnumDef kEmpty;
  return kEmpty;
}

const std::string& Rules::text(std::string_view key, Lang lang) const {
  if (!text_at_.empty()) {
    const int i = text_index_.find(key);
    if (i >= 0) return (*text_at_[static_cast<std::size_t>(i)])[lang];
  } else if (auto it = texts.find(key); it != texts.end()) {
    return it->second[lang];
  }
  // The key itself, kept by these rules (a node of a set: stable until the rules go).
  std::lock_guard<std::mutex> lock(missing_mutex_);
  return *missing_.emplace(key).first;
}

const TextTemplate* Rules::text_template(std::string_view key, Lang lang) const {
  const int i = text_at_.empty() ? -1 : text_index_.find(key);
  return i < 0 ? nullptr : &text_templates_[static_cast<std::size_t>(i)][static_cast<std::size_t>(lang)];
}

// The renderer's reading of a text (render_into): a '{' up to the next '}' is a placeholder; a '{'
// with no '}' after it, and all that follows, is literal.
TextTemplate cut_text(std::string_view text) {
  TextTemplate t;
  auto literal = [&](std::string_view s) {
    if (s.empty()) return;
    TextTemplate::Piece& p = t.pieces.emplace_back();
    p.text.assign(s);
    append_json_escaped(p.json, s);
  };
  std::size_t run = 0;
  for (std::size_t i = text.find('{'); i < text.size(); i = text.find('{', run)) {
    const std::size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(i + 1, close - i - 1);
    if (name.find('{') != std::string_view::npos) return TextTemplate{};  // not cut
    literal(text.substr(run, i - run));
    TextTemplate::Piece& p = t.pieces.emplace_back();
    p.placeholder = true;
    p.text.assign(name);
    append_json_escaped(p.json, text.substr(i, close - i + 1));
    run = close + 1;
  }
  literal(text.substr(run));
  t.cut = true;
  return t;
}

const DivisionCode* Rules::division(std::string_view code) const {
  for (const auto& d : division_codes)
    if (d.code == code) return &d;
  return nullptr;
}

std::string fill(std::string_view tpl, const std::vector<std::pair<std::string_view, std::string>>& args) {
  std::string out;
  out.reserve(tpl.size() + 32);
  std::size_t run = 0;  // the text from here on is not written yet
  for (std::size_t i = tpl.find('{'); i != std::string_view::npos; i = tpl.find('{', i + 1)) {
    const std::size_t close = tpl.find('}', i + 1);
    if (close == std::string_view::npos) break;  // no placeholder from here on
    const std::string_view name = tpl.substr(i + 1, close - i - 1);
    for (const auto& a : args)
      if (bytes::same(a.first, name)) {
        out.append(tpl.substr(run, i - run));
        out += a.second;
        run = close + 1;
        i = close;
        break;
      }
  }
  out.append(tpl.substr(run));
  return out;
}

namespace {
std::shared_ptr<const Rules> build_rules(std::string_view standard_json, const std::vector<std::string_view>& text_jsons,
                                         std::string digest);
}  // namespace

std::shared_ptr<const Rules> load_rules(std::string_view standard_json,
                                        const std::vector<std::string_view>& text_jsons) {
  // One validation for every door (CLI --rules, setRules, the page): refuse with every problem.
  if (std::vector<RuleProblem> problems = check_rules(standard_json, text_jsons); !problems.empty())
    throw RulesInvalid(std::move(problems));
  return build_rules(standard_json, text_jsons, rules_digest(standard_json, text_jsons));
}

std::shared_ptr<const Rules> load_builtin_rules(std::string_view standard_json,
                                                const std::vector<std::string_view>& text_jsons,
                                                std::string_view digest) {
  return build_rules(standard_json, text_jsons, std::string(digest));
}

namespace {
std::shared_ptr<const Rules> build_rules(std::string_view standard_json, const std::vector<std::string_view>& text_jsons,
                                         std::string digest) {
  auto r = std::make_shared<Rules>();
  json j;
  std::size_t at = 0;
  if (!read_json(standard_json, j, &at)) fail("not JSON: syntax error at byte " + std::to_string(at));
  if (!j.is_object()) fail("the standard's data must be a JSON object");
  r->standard_json.assign(standard_json.data(), standard_json.size());
  r->id = str(j, "id");
  r->version = str(j, "version");
  if (r->id.empty() || r->version.empty()) fail("id and version are required");
  if (j.contains("title")) r->title = text3(j["title"]);
  if (j.contains("mark_name")) r->mark_name = text3(j["mark_name"]);
  if (auto it = j.find("regions"); it != j.end() && it->is_object())
    for (std::size_t i = 0; i < 3; ++i)
      if (auto rg = it->find(kRegionCodes[i]); rg != it->end()) {
        r->region_labels[i] = text3(rg->contains("label") ? (*rg)["label"] : *rg);
        r->division_prefix[i] = str(*rg, "division_prefix");
      }
  if (auto it = j.find("groups"); it != j.end() && it->is_array())
    for (const json& g : *it)
      r->groups.push_back({str(g, "id"), str(g, "clause"), text3(g.value("label", json())), text3(g.value("intro", json())), {}});

  // Enumerations first: indicators refer to them.
  if (auto it = j.find("enums"); it != j.end() && it->is_object()) {
    for (auto e = it->begin(); e != it->end(); ++e) {
      EnumDef def;
      def.name = e.key();
      if (!e->is_object()) fail("enums." + e.key() + " must be an object");
      for (auto v = e->begin(); v != e->end(); ++v) {
        def.values.push_back(v.key());
        def.labels.push_back(text3(*v));
      }
      r->enums.emplace(def.name, std::move(def));
    }
    // The order the data writes the values in (the map above sorts them), for messages to people.
    const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(standard_json);
    for (auto e = ordered["enums"].begin(); e != ordered["enums"].end(); ++e)
      if (auto def = r->enums.find(e.key()); def != r->enums.end())
        for (auto v = e->begin(); v != e->end(); ++v) def->second.written.push_back(def->second.index_of(v.key()));
  } else {
    fail("enums are missing");
  }

  const json& basic = j.value("basic_requirements", json::array());
  if (!basic.is_array() || basic.size() != 3) fail("basic_requirements must list 6.1.1, 6.1.2 and 6.1.3");
  for (std::size_t i = 0; i < 3; ++i) {
    BasicRequirementDef& b = r->basic[i];
    b.clause = str(basic[i], "clause");
    b.id = str(basic[i], "id");
    b.months = basic[i].value("months", 0);
    b.label = text3(basic[i].value("label", json()));
    b.text = text3(basic[i].value("text", json()));
    if (b.months <= 0) fail("basic requirement " + b.clause + " needs months > 0");
    fill_numbers(b.label, basic_numbers(b));
    fill_numbers(b.text, basic_numbers(b));
  }

  // Record lists first: indicators refer to their fields (check_rules has checked every name).
  const json& record_fields = j.value("record_fields", json::object());
  for (std::size_t i = 0; i < kListCount; ++i) load_list(record_fields.value(kListNames[i], json::array()), *r, r->lists[i]);

  // The report's record tables (Table E.1): the columns the data gives, or every field shown.
  const json& columns = j.value("report_columns", json::object());
  for (std::size_t i = 0; i < kListCount; ++i) load_report_columns(columns.is_object() ? columns.value(kListNames[i], json()) : json(),
                                                                 r->lists[i], r->report_columns[i]);

  const json& inds = j.value("indicators", json::array());
  if (!inds.is_array() || inds.size() != kListCount) fail("indicators must list the ten indicators of Table 1");
  for (std::size_t i = 0; i < kListCount; ++i) {
    const json& d = inds[i];
    IndicatorDef& ind = r->indicators[i];
    const ListDef& list = r->lists[i];
    ind.clause = str(d, "clause");
    ind.id = str(d, "id");
    ind.group = str(d, "group");
    const std::string records = str(d, "records");
    if (records != kListNames[i])
      fail("indicator " + ind.clause + " must read records \"" + kListNames[i] + "\" (Table 1 order)");
    ind.list = static_cast<ListKind>(i);
    ind.threshold = d.value("threshold", 1);
    ind.window_months = d.value("window_months", 0);
    ind.resolved_window_months = d.value("resolved_window_months", 0);
    if (ind.threshold < 1) fail("indicator " + ind.clause + " needs threshold >= 1");
    load_counting(d, list, ind);
    if (auto sc = d.find("in_scope"); sc != d.end() && sc->is_object()) {
      for (auto f = sc->begin(); f != sc->end(); ++f) {
        const int fi = list.find(f.key());
        const FieldDef* fd = fi < 0 ? nullptr : &list.fields[static_cast<std::size_t>(fi)];
        if (fd && fd->kind == FieldKind::appendix) continue;  // the appendix decides (6.2.10: Appendix D)
        if (!fd || fd->role != FieldRole::scope || !fd->enumeration)
          fail("indicator " + ind.clause + ": in_scope." + f.key() + " names no enumeration field");
        const EnumDef& def = *fd->enumeration;
        std::uint64_t mask = 0;
        for (const json& v : *f) {
          const int k = v.is_string() ? def.index_of(v.get<std::string>()) : -1;
          if (k < 0 || k >= 64) fail("indicator " + ind.clause + ": in_scope." + f.key() + " has an unknown value");
          mask |= std::uint64_t{1} << k;
        }
        ind.in_scope[f.key()] = mask;
      }
    }
    for (std::size_t k = 0; k < 2; ++k) {
      // A list with one enumeration field gives it for both (the second is never restricted).
      const int fi = list.scope_field[k] >= 0 ? list.scope_field[k] : list.scope_field[0];
      if (fi < 0) continue;
      const FieldDef& fd = list.fields[static_cast<std::size_t>(fi)];
      ind.scope_field[k] = fd.name;
      ind.scope_enum[k] = fd.enumeration;
      const auto it = list.scope_field[k] >= 0 ? ind.in_scope.find(fd.name) : ind.in_scope.end();
      ind.scope_restricted[k] = it != ind.in_scope.end();
      ind.scope_mask[k] = ind.scope_restricted[k] ? it->second : ~std::uint64_t{0};
    }
    if (auto oo = d.find("one_off"); oo != d.end() && oo->is_array()) {
      // 6.2.5 / 6.2.6: values of the list's first enumeration field (the measure).
      const EnumDef* def = list.scope_field[0] >= 0 ? list.fields[static_cast<std::size_t>(list.scope_field[0])].enumeration : nullptr;
      for (const json& v : *oo) {
        const int k = def && v.is_string() ? def->index_of(v.get<std::string>()) : -1;
        if (k < 0 || k >= 64) fail("indicator " + ind.clause + ": one_off has an unknown measure");
        ind.one_off |= std::uint64_t{1} << k;
      }
    }
    if (auto nm = d.find("names"); nm != d.end() && nm->is_object())
      for (std::size_t g = 0; g < 3; ++g)
        if (nm->contains(kRegionCodes[g])) ind.names[g] = text3((*nm)[kRegionCodes[g]]);
    ind.description = text3(d.value("description", json()));
    ind.source = text3(d.value("source", json()));
    ind.question = text3(d.value("question", json()));
    ind.requirements = text3(d.value("requirements", json()));
    for (Text3* t : {&ind.description, &ind.source, &ind.question, &ind.requirements}) fill_numbers(*t, indicator_numbers(ind));
  }

  // 5.1: each class's indicators, by clause, in the order the data lists them (the report's sections).
  if (auto it = j.find("groups"); it != j.end() && it->is_array())
    for (std::size_t g = 0; g < r->groups.size() && g < it->size(); ++g)
      if (auto li = (*it)[g].find("indicators"); li != (*it)[g].end() && li->is_array())
        for (const json& c : *li)
          for (std::size_t i = 0; i < kListCount; ++i)
            if (c.is_string() && c.get<std::string>() == r->indicators[i].clause) r->groups[g].indicators.push_back(static_cast<int>(i));

  const char* const kApp[4] = {"appendix_a", "appendix_b", "appendix_c", "appendix_d"};
  for (std::size_t a = 0; a < 4; ++a) load_appendix(j.value(kApp[a], json::array()), r->appendices[a], static_cast<char>('A' + a));

  if (auto it = j.find("division_codes"); it != j.end() && it->is_array())
    for (const json& d : *it) r->division_codes.push_back({str(d, "code"), text3(d.value("name", json()))});
  if (auto it = j.find("mark"); it != j.end() && it->is_object()) {
    r->colour = str(*it, "colour");
    if (auto parts = it->find("parts"); parts != it->end() && parts->is_array())
      for (const json& p : *parts) r->mark_parts.push_back({str(p, "id"), str(p, "format"), p.value("digits", 0)});
    if (auto st = it->find("style"); st != it->end() && st->is_object()) {
      r->mark_pattern = str(*st, "pattern", r->mark_pattern);
      r->mark_font = str(*st, "font", r->mark_font);
      if (auto v = st->find("main_size"); v != st->end() && v->is_number_integer()) r->mark_main_size = v->get<int>();
      if (auto v = st->find("english_size"); v != st->end() && v->is_number_integer()) r->mark_english_size = v->get<int>();
    }
  }

  // The fields' labels (record_name.cpp says where an error is with them).
  auto field_labels = [&](const json& fields, const std::string& prefix) {
    if (!fields.is_array()) return;
    for (const json& f : fields)
      if (f.is_object() && f.contains("label")) r->field_labels[prefix + str(f, "field")] = text3(f["label"]);
  };
  if (auto it = j.find("record_fields"); it != j.end() && it->is_object())
    for (auto l = it->begin(); l != it->end(); ++l) field_labels(*l, "records." + l.key() + ".");
  for (const char* k : {"enterprise", "application", "certification"})
    if (auto it = j.find(std::string(k) + "_fields"); it != j.end()) field_labels(*it, std::string(k) + ".");

  // Labels from the standard's data are texts too, so the writers find them by key.
  for (const char* k : {"appendix_d_amount_note"})
    if (j.contains(k)) r->texts[std::string("standard.") + k] = text3(j[k]);

  for (std::string_view t : text_jsons) {
    json tj;
    if (!read_json(t, tj, &at)) fail("texts: not JSON: syntax error at byte " + std::to_string(at));
    if (!r->texts_json.empty()) r->texts_json += '\n';
    r->texts_json.append(t.data(), t.size());
    flatten(tj, "", r->texts);
  }
  for (const char* p : {"{months}", "{window_months}", "{resolved_window_months}", "{threshold}"})
    if (standard_json.find(p) != std::string_view::npos) {
      r->summary_json = filled_standard(standard_json, *r);
      break;
    }
  r->digest = std::move(digest);
  r->edited = r->digest != builtin_rules_digest();
  r->index_names();
  return r;
}
}  // namespace

}  // namespace nvcheck
