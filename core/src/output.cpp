// Writes results and plans straight to compact JSON text, in the contract's key order, and
// renders messages, reasons and plan texts in the chosen language.
#include <cstring>

#include <nlohmann/json.hpp>

#include "json_dom.hpp"
#include "nvcheck/nvcheck.hpp"
#include "record_name.hpp"

namespace nvcheck {
namespace {

bool looks_like_date(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && s[0] >= '0' && s[0] <= '9';
}

void append_human_date(std::string& out, Day day, Lang lang);

// Fills a text's {placeholders} from the arguments, then from a reason's typed fields; arguments
// whose values are ISO dates, and the typed dates, are written as dates for people.
// `typed` is a reason. Every text is found in the rule data it belongs to (Rules::text), never
// through a cache of ours: nothing here outlives the rules it came from.
// A reason's placeholders that are neither arguments nor dates: the out-of-scope reason's clause
// and labels.
struct Labels {
  std::string_view clause, field_label, value_label;
};

// `json`: the text is written as the inside of a JSON string (escaped as it goes, no copy).
void render_into(std::string& out, const Rules& rules, std::string_view key,
                 const std::vector<std::pair<std::string_view, std::string>>& args, const Reason* typed, Lang lang,
                 const Labels* labels = nullptr, bool json = false) {
  const std::string_view tpl = rules.text(key, lang);
  auto put = [&](std::string_view text) {
    if (json) append_json_escaped(out, text);
    else out.append(text);
  };
  std::size_t run = 0;
  for (std::size_t i = tpl.find('{'); i < tpl.size(); i = tpl.find('{', i + 1)) {
    const std::size_t close = tpl.find('}', i + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = tpl.substr(i + 1, close - i - 1);
    std::string_view value;
    bool found = false;
    for (const auto& kv : args)
      if (kv.first == name) { value = kv.second; found = true; break; }
    if (!found && labels) {
      if (name == "clause") { value = labels->clause; found = true; }
      else if (name == "field_label") { value = labels->field_label; found = true; }
      else if (name == "value_label") { value = labels->value_label; found = true; }
    }
    Day date = kNever;
    int number = -1;
    if (!found && typed) {
      if (name == "start") date = typed->start;
      else if (name == "end") date = typed->end;
      else if (name == "until") date = typed->until;
      else if (name == "valid_until") date = typed->valid_until;
      else if (name == "months") number = typed->months;
      else if (name == "resolved_months") number = typed->resolved_months;
      else continue;
    } else if (!found) {
      continue;
    }
    put(tpl.substr(run, i - run));
    run = close + 1;
    Day d;
    if (found) {
      if (looks_like_date(value) && parse_date(value, d)) append_human_date(out, d, lang);  // digits and month names
      else put(value);
    } else if (number >= 0) {
      out += std::to_string(number);
    } else if (date != kNever) {
      append_human_date(out, date, lang);
    }
    i = close;
  }
  put(tpl.substr(run));
}

std::string render(const Rules& rules, std::string_view key, const std::vector<std::pair<std::string_view, std::string>>& args,
                   Lang lang) {
  std::string out;
  render_into(out, rules, key, args, nullptr, lang);
  return out;
}

void append_day_or_null(std::string& out, Day d) {
  if (d == kNever || d > last_writable_day()) out += "null";
  else {
    char buf[12];  // "YYYY-MM-DD", quotes included: one append
    buf[0] = buf[11] = '"';
    write_date(buf + 1, d);
    out.append(buf, 12);
  }
}

void append_rules(std::string& out, const Rules& rules) {
  out += "\"rules\":{\"id\":";
  append_json_string(out, rules.id);
  out += ",\"version\":";
  append_json_string(out, rules.version);
  out += rules.edited ? ",\"edited\":true}" : ",\"edited\":false}";  // not the built-in set (issue 15)
}

std::string error_message_at(const InputError& err, const RecordFinder& finder, const Rules& rules, Lang lang);
std::string warning_message_at(const Warning& w, const RecordFinder& finder, const Rules& rules, Lang lang);

void append_errors(std::string& out, const std::vector<InputError>& errors, const Rules& rules, Lang lang,
                   const Enterprise* e) {
  out += "\"errors\":[";
  const RecordFinder finder(errors.empty() ? nullptr : e);
  bool first = true;
  for (const InputError& err : errors) {
    if (!first) out += ',';
    first = false;
    out += "{\"path\":";
    append_json_string(out, err.path);
    out += ",\"code\":";
    append_json_string(out, err.code);
    out += ",\"message\":";
    append_json_string(out, error_message_at(err, finder, rules, lang));
    out += '}';
  }
  out += ']';
}

void append_warnings(std::string& out, const std::vector<Warning>& ws, const Rules& rules, Lang lang, const Enterprise& e) {
  out += "\"warnings\":[";
  const RecordFinder finder(ws.empty() ? nullptr : &e);
  bool first = true;
  for (const Warning& w : ws) {
    if (!first) out += ',';
    first = false;
    out += "{\"record\":";
    if (w.record.empty()) out += "null";
    else append_json_string(out, w.record);
    out += ",\"code\":";
    append_json_string(out, w.code);
    out += ",\"message\":";
    append_json_string(out, warning_message_at(w, finder, rules, lang));
    out += '}';
  }
  out += ']';
}

// The name of whoever decides an action: the authority, court, organisation or platform named in
// the record, or a generic name.
std::string decider_name(const Record& r, const Rules& rules, Lang lang) {
  switch (r.list) {
    case ListKind::self_regulatory_violations:
    case ListKind::community_violations: {
      const Appendix& app = rules.appendices[r.list == ListKind::self_regulatory_violations ? 0 : 1];
      if (r.appendix_index >= 0) return app.entries[static_cast<std::size_t>(r.appendix_index)].display[lang];
      return r.appendix_value;
    }
    case ListKind::risk_list_entries:
      if (!r.source.empty()) return r.source;
      break;
    default:
      if (!r.authority.empty()) return r.authority;
      break;
  }
  return rules.text(std::string("decider.") + kListNames[static_cast<std::size_t>(r.list)], lang);
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  append_json_escaped(out, s);
  out += '"';
}

void append_json_escaped(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Eight bytes at once while none is a control character, quote or backslash.
    while (s.size() - i >= 8) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
      const std::uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
      const std::uint64_t special =
          (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
      if (special) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
}

namespace {
void append_human_date(std::string& out, Day day, Lang lang) {
  if (day == kNever) return;
  const CivilDate c = civil_from_days(day);
  auto number = [&](int v) {  // no leading zeros
    char buf[12];
    int n = 12;
    do { buf[--n] = static_cast<char>('0' + v % 10); v /= 10; } while (v > 0);
    out.append(buf + n, static_cast<std::size_t>(12 - n));
  };
  if (lang == Lang::en) {
    static const char* const kMonths[12] = {"January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"};
    number(c.day);
    out += ' ';
    out += kMonths[c.month - 1];
    out += ' ';
    number(c.year);
    return;
  }
  number(c.year);
  out += "年";
  number(c.month);
  out += "月";
  number(c.day);
  out += "日";
}
}  // namespace

std::string human_date(Day day, Lang lang) {
  std::string out;
  append_human_date(out, day, lang);
  return out;
}

const std::string& item_clause(const Rules& rules, int item) {
  return item < kBasicCount ? rules.basic[static_cast<std::size_t>(item)].clause
                            : rules.indicators[static_cast<std::size_t>(item - kBasicCount)].clause;
}

const std::string& item_name(const Rules& rules, int item, Region region, Lang lang) {
  if (item < kBasicCount) return rules.basic[static_cast<std::size_t>(item)].label[lang];
  return rules.indicators[static_cast<std::size_t>(item - kBasicCount)].names[static_cast<std::size_t>(region)][lang];
}

namespace {
// "Where: what is wrong", the place in words (record_name.cpp), never a JSON pointer; a sentence
// starts with a capital in English.
std::string at_place(std::string place, std::string problem, const Rules& rules, Lang lang) {
  std::string out = place.empty() ? std::move(problem)
                                  : fill(rules.text("error.at", lang), {{"place", std::move(place)}, {"problem", std::move(problem)}});
  return sentence_start(std::move(out), lang);
}

// A text of the rule data by key when it has one, else the value as it is.
std::string words(const Rules& rules, const std::string& key, const std::string& value, Lang lang) {
  const std::string& t = rules.text(key, lang);
  return t == key ? value : t;
}

// The pointer without its last key ("/a/b" -> "/a").
std::string_view parent_of(std::string_view pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

std::string error_message_at(const InputError& err, const RecordFinder& finder, const Rules& rules, Lang lang) {
  std::vector<std::pair<std::string_view, std::string>> args = err.args;
  bool expected = false;
  for (auto& kv : args) {
    if (kv.first == "expected") { kv.second = words(rules, "type." + kv.second, kv.second, lang); expected = true; }
    if (kv.first == "option") kv.second = words(rules, "option." + kv.second, kv.second, lang);
  }
  if (err.code == "wrong_type" && !expected) args.emplace_back("expected", rules.text("type.value", lang));
  args.emplace_back("key", pointer_key(err.path));
  std::string problem = render(rules, "error." + err.code, args, lang);
  // An unknown list is said by its own key: the place is the file's record lists.
  const std::string_view at = err.code == "unknown_record_list" ? parent_of(err.path) : std::string_view(err.path);
  return at_place(place_words(at, finder, rules, lang), std::move(problem), rules, lang);
}

std::string warning_message_at(const Warning& w, const RecordFinder& finder, const Rules& rules, Lang lang) {
  const Record* r = w.record.empty() ? nullptr : finder.by_id(w.record);
  const std::string record = r ? record_name(*r, rules, lang) : w.record;
  std::vector<std::pair<std::string_view, std::string>> args = w.args;
  args.emplace_back("record", record);
  std::string path;
  for (auto& kv : args) {
    if (kv.first == "path") path = kv.second;
    if (w.code == "registration_not_subsisting" && kv.first == "status") {  // the status by its label
      const EnumDef& def = rules.enum_def("registration_status");
      const int k = def.index_of(kv.second);
      if (k >= 0) kv.second = def.labels[static_cast<std::size_t>(k)][lang];
    }
    if (w.code == "division_not_in_region" && kv.first == "region") {  // the region by its name
      for (std::size_t i = 0; i < 3; ++i)
        if (kv.second == kRegionCodes[i]) { kv.second = rules.region_labels[i][lang]; break; }
    }
    if (w.code == "beyond_calendar" && kv.first == "what") {  // the date by what it is
      const char* key = kv.second == "counts_until" ? "what.counts_until"
                        : kv.second == "earliest_pass_date" ? "what.earliest_pass_date" : "what.clears_on";
      kv.second = fill(rules.text(key, lang), {{"record", record}, {"clause", kv.second}});
    }
  }
  // A list outside Appendix D ("other") is said in words; the code stays not_in_appendix.
  if (w.code == "not_in_appendix")
    for (const auto& kv : args)
      if (kv.first == "appendix" && kv.second == "D") return at_place({}, render(rules, "warning.other_risk_list", args, lang), rules, lang);
  if (w.code == "unknown_field") {  // where it is, and the key as the file spells it
    args.emplace_back("key", pointer_key(path));
    return at_place(place_words(parent_of(path), finder, rules, lang), render(rules, "warning.unknown_field", args, lang), rules, lang);
  }
  return at_place({}, render(rules, "warning." + w.code, args, lang), rules, lang);
}
}  // namespace

std::string error_message(const InputError& err, const Rules& rules, Lang lang, const Enterprise* e) {
  return error_message_at(err, RecordFinder(e), rules, lang);
}

std::string warning_message(const Warning& w, const Rules& rules, Lang lang, const Enterprise* e) {
  return warning_message_at(w, RecordFinder(e), rules, lang);
}

namespace {
void reason_into(std::string& out, const Reason& r, const Rules& rules, Lang lang, bool json = false);

// A reason as a JSON string, rendered straight into the output.
void append_reason(std::string& out, const Reason& r, const Rules& rules, Lang lang) {
  out += '"';
  reason_into(out, r, rules, lang, true);
  out += '"';
}
}  // namespace

std::string reason_text(const Reason& r, const Rules& rules, Lang lang) {
  std::string out;
  reason_into(out, r, rules, lang);
  return out;
}

namespace {
void reason_into(std::string& out, const Reason& r, const Rules& rules, Lang lang, bool json) {
  if (r.scope_list < 0) {  // set only on reason.out_of_scope
    render_into(out, rules, r.key, r.args, &r, lang, nullptr, json);
    return;
  }
  // The field and value of an out-of-scope record, by their labels in the language.
  const IndicatorDef& ind = rules.indicators[static_cast<std::size_t>(r.scope_list)];
  const std::size_t second = r.scope_second ? 1 : 0;
  const Text3* field = ind.scope_field_label[second];
  const EnumDef* def = ind.scope_enum[second];
  const std::size_t k = static_cast<std::size_t>(r.scope_value);
  // (Rule data without the field's label shows its key, as rules.text() does.)
  const std::string missing = field ? std::string() : "field." + ind.scope_field[second];
  const Labels labels{r.clause, field ? std::string_view((*field)[lang]) : std::string_view(missing),
                      def && r.scope_value >= 0 && k < def->values.size() ? std::string_view(def->labels[k][lang])
                                                                         : std::string_view()};
  render_into(out, rules, r.key, r.args, &r, lang, &labels, json);
}
}  // namespace

std::string write_result(const Enterprise& e, const Evaluation& ev, const Rules& rules, Lang lang) {
  std::string out;
  out.reserve(1024 + 160 * e.records.size());
  out += "{\"schema\":\"nvcheck/result@1\",";
  append_rules(out, rules);
  out += ",\"evaluated_on\":";
  append_day_or_null(out, ev.on);
  out += ev.pass ? ",\"verdict\":\"pass\"" : ",\"verdict\":\"fail\"";
  out += ",\"basic_requirements\":[";
  for (int k = 0; k < kBasicCount; ++k) {
    const BasicOutcome& b = ev.basic[static_cast<std::size_t>(k)];
    if (k) out += ',';
    out += "{\"clause\":";
    append_json_string(out, rules.basic[static_cast<std::size_t>(k)].clause);
    out += b.met ? ",\"status\":\"met\"" : ",\"status\":\"not_met\"";
    out += ",\"reason\":";
    append_reason(out, b.reason, rules, lang);
    out += ",\"clears_on\":";
    append_day_or_null(out, b.clears_on);
    out += '}';
  }
  out += "],\"indicators\":[";
  for (std::size_t li = 0; li < kListCount; ++li) {
    const IndicatorOutcome& io = ev.indicators[li];
    if (li) out += ',';
    out += "{\"clause\":";
    append_json_string(out, rules.indicators[li].clause);
    out += ",\"id\":";
    append_json_string(out, rules.indicators[li].id);
    out += io.fails ? ",\"status\":\"fail\"" : ",\"status\":\"pass\"";
    out += ",\"counted\":[";
    for (std::size_t i = 0; i < io.counted.size(); ++i) {
      const RecordOutcome& ro = io.counted[i];
      if (i) out += ',';
      out += "{\"record\":";
      append_json_string(out, e.records[ro.record].id);
      out += ",\"reason\":";
      append_reason(out, ro.reason, rules, lang);
      out += ",\"counts_until\":";
      append_day_or_null(out, ro.counts_until);
      out += '}';
    }
    out += "],\"not_counted\":[";
    for (std::size_t i = 0; i < io.not_counted.size(); ++i) {
      const RecordOutcome& ro = io.not_counted[i];
      if (i) out += ',';
      out += "{\"record\":";
      append_json_string(out, e.records[ro.record].id);
      out += ",\"reason\":";
      append_reason(out, ro.reason, rules, lang);
      out += '}';
    }
    out += "],\"clears_on\":";
    append_day_or_null(out, io.clears_on);
    out += '}';
  }
  out += "],\"earliest_pass_date\":";
  append_day_or_null(out, ev.earliest_pass);
  out += ',';
  append_warnings(out, ev.warnings, rules, lang, e);
  out += ",\"errors\":[]}";
  return out;
}

std::string invalid_result_json(const std::vector<InputError>& errors, Day on, Lang lang, const Rules& rules,
                                const Enterprise* e) {
  std::string out = "{\"schema\":\"nvcheck/result@1\",";
  append_rules(out, rules);
  out += ",\"evaluated_on\":";
  append_day_or_null(out, on);
  out += ",\"verdict\":\"invalid\",\"basic_requirements\":[],\"indicators\":[],\"earliest_pass_date\":null,\"warnings\":[],";
  append_errors(out, errors, rules, lang, e);
  out += '}';
  return out;
}

std::string action_text(const Enterprise& e, const Plan& plan, const PlanAction& a, const Rules& rules, Lang lang) {
  const Record& r = e.records[a.record];
  const int item = kBasicCount + a.indicator;
  std::vector<std::pair<std::string_view, std::string>> args = {
      {"record", r.id},
      // The record named by what it is (its kind and date) in the texts, the id as a detail.
      {"start", r.start == kNever ? std::string() : format_date(r.start)},
      {"clause", item_clause(rules, item)},
      {"name", item_name(rules, item, e.region, lang)},
      {"decider", decider_name(r, rules, lang)},
      {"done_on", format_date(plan.evaluation.on)},
      {"counts_until", a.counts_until == kNever ? std::string() : format_date(a.counts_until)},
      {"clause_clears_on", a.clause_clears_on == kNever ? std::string() : format_date(a.clause_clears_on)},
      {"earliest", a.earliest_pass == kNever ? std::string() : format_date(a.earliest_pass)}};
  std::string text = render(rules, "plan.action." + a.action, args, lang);
  // Sentences are spaced in English only: a space after a Chinese full stop is a stray one.
  const char* gap = lang == Lang::en ? " " : "";
  text += gap;
  if (a.changes_nothing) {
    text += render(rules, "plan.effect.changes_nothing", args, lang);
  } else {
    text += render(rules, a.clause_clears_on == kNever ? "plan.effect.clause_never" : "plan.effect.clause_clears", args, lang);
    text += gap;
    text += render(rules, a.earliest_pass == kNever ? "plan.effect.pass_never" : "plan.effect.pass_on", args, lang);
  }
  return text;
}

std::string wait_text(const Enterprise& e, const PlanWait& w, const Rules& rules, Lang lang) {
  std::vector<std::pair<std::string_view, std::string>> args = {
      {"clause", item_clause(rules, w.item)},
      {"name", item_name(rules, w.item, e.region, lang)},
      {"clears_on", w.clears_on == kNever ? std::string() : format_date(w.clears_on)}};
  const char* key = w.item < kBasicCount ? (w.clears_on == kNever ? "plan.wait.basic_never" : "plan.wait.basic")
                                         : (w.clears_on == kNever ? "plan.wait.never" : "plan.wait.clears");
  return render(rules, key, args, lang);
}

std::string write_plan(const Enterprise& e, const Plan& plan, const Rules& rules, Lang lang) {
  const Evaluation& ev = plan.evaluation;
  std::string out;
  out.reserve(1024);
  out += "{\"schema\":\"nvcheck/plan@1\",";
  append_rules(out, rules);
  out += ",\"evaluated_on\":";
  append_day_or_null(out, ev.on);
  out += ev.pass ? ",\"verdict\":\"pass\"" : ",\"verdict\":\"fail\"";
  out += ",\"earliest_pass_date\":";
  append_day_or_null(out, ev.earliest_pass);
  out += ",\"earliest_pass_date_all_actions\":";
  append_day_or_null(out, plan.earliest_pass_all_actions);
  out += ",\"actions\":[";
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const PlanAction& a = plan.actions[i];
    if (i) out += ',';
    out += "{\"record\":";
    append_json_string(out, e.records[a.record].id);
    out += ",\"clause\":";
    append_json_string(out, rules.indicators[static_cast<std::size_t>(a.indicator)].clause);
    out += ",\"action\":\"";
    out += a.action;
    out += "\",\"decided_by\":\"";
    out += a.decided_by;
    out += "\",\"done_on\":";
    append_day_or_null(out, ev.on);
    out += ",\"counts_until\":";
    append_day_or_null(out, a.counts_until);
    out += ",\"clause_clears_on\":";
    append_day_or_null(out, a.clause_clears_on);
    out += ",\"earliest_pass_date\":";
    append_day_or_null(out, a.earliest_pass);
    out += a.changes_nothing ? ",\"changes_nothing\":true" : ",\"changes_nothing\":false";
    out += ",\"text\":";
    append_json_string(out, action_text(e, plan, a, rules, lang));
    out += '}';
  }
  out += "],\"disputes\":";
  if (!plan.has_disputes) {
    out += "null";
  } else {
    out += "{\"records\":[";
    for (std::size_t i = 0; i < plan.disputed_records.size(); ++i) {
      if (i) out += ',';
      append_json_string(out, e.records[plan.disputed_records[i]].id);
    }
    out += "],\"verdict\":";
    out += plan.disputes_pass ? "\"pass\"" : "\"fail\"";
    out += ",\"earliest_pass_date\":";
    append_day_or_null(out, plan.disputes_earliest_pass);
    out += '}';
  }
  out += ",\"waits\":[";
  for (std::size_t i = 0; i < plan.waits.size(); ++i) {
    const PlanWait& w = plan.waits[i];
    if (i) out += ',';
    out += "{\"clause\":";
    append_json_string(out, item_clause(rules, w.item));
    out += ",\"clears_on\":";
    append_day_or_null(out, w.clears_on);
    out += ",\"text\":";
    append_json_string(out, wait_text(e, w, rules, lang));
    out += '}';
  }
  out += "],";
  append_warnings(out, ev.warnings, rules, lang, e);
  out += '}';
  return out;
}

namespace {
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

namespace {
constexpr std::size_t kMaxOptionsBytes = std::size_t{1} << 20;

Options read_options(std::string_view options_json, Day today);
}  // namespace

// Pure: a door that calls with the same options again and again keeps what it read itself
// (wasm/bindings.cpp), so no state here outlives a call.
Options parse_options(std::string_view options_json, Day today) { return read_options(options_json, today); }

namespace {
Options read_options(std::string_view options_json, Day today) {
  Options o;
  o.today = today;
  if (options_json.empty()) return o;
  // Room for the report's counselling notes; the other options fit in a few dozen bytes.
  if (options_json.size() > kMaxOptionsBytes) {
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
}  // namespace

Prepared prepare(std::string_view text, const Options& options, const Rules& rules, const Limits& limits) {
  Prepared p;
  p.parsed = parse_enterprise(text, rules, limits);
  p.errors = options.errors;
  if (options.all_languages) p.errors.push_back({"", "bad_option", {{"option", "lang"}, {"value", "\"all\""}}});
  for (auto& err : p.parsed.errors) p.errors.push_back(std::move(err));
  p.parsed.errors.clear();
  // D: --on (or the page's date), else application.date, else today (docs/rules.md "Dates").
  if (options.on != kNever) p.on = options.on;
  else if (p.parsed.enterprise.application_date != kNever) p.on = p.parsed.enterprise.application_date;
  else if (p.errors.empty()) p.on = options.today;  // an invalid file keeps evaluated_on to dates it was given
  if (p.on == kNever && p.errors.empty()) p.errors.push_back({"/application/date", "no_date", {}});
  return p;
}

Output check_json(std::string_view text, const Options& options, const Rules& rules) {
  Limits limits;
  limits.keep_free_text = false;  // a result names no authority, court or source
  Prepared p = prepare(text, options, rules, limits);
  if (!p.valid()) return {invalid_result_json(p.errors, p.on, options.lang, rules, &p.parsed.enterprise), Verdict::invalid};
  const Evaluation ev = evaluate(p.parsed.enterprise, rules, p.on, std::move(p.parsed.warnings));
  return {write_result(p.parsed.enterprise, ev, rules, options.lang), ev.pass ? Verdict::pass : Verdict::fail};
}

Output plan_json(std::string_view text, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  if (!p.valid()) return {invalid_result_json(p.errors, p.on, options.lang, rules, &p.parsed.enterprise), Verdict::invalid};
  const Plan plan = make_plan(p.parsed.enterprise, rules, p.on, std::move(p.parsed.warnings));
  return {write_plan(p.parsed.enterprise, plan, rules, options.lang),
          plan.evaluation.pass ? Verdict::pass : Verdict::fail};
}

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
    for (std::size_t i = 0; i < 3; ++i) {
      if (i) out += ',';
      append_json_string(out, kLangCodes[i]);
      out += ':';
      append_json_string(out, kv.second[static_cast<Lang>(i)]);
    }
    out += '}';
  }
  out += "}}";
  return out;
}

}  // namespace nvcheck
