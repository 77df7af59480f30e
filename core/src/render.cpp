// Texts for people from the rule data: a message, reason or plan text rendered in the chosen
// language, its {placeholders} filled, dates written for people.
#include "render.hpp"

#include <cstdint>
#include <cstring>

#include "bytes.hpp"
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

// The placeholders a reason or its labels fill (not from the arguments), told apart by length
// and first letter before one comparison.
enum class Typed : std::uint8_t { none, clause, field_label, value_label, window_from, start, end, until, valid_until,
                                  months, resolved_months };
Typed typed_slot(std::string_view name) {
  auto is = [&](std::string_view w, Typed t) { return bytes::same(name, w) ? t : Typed::none; };
  switch (name.size()) {
    case 3: return is("end", Typed::end);
    case 5: return is("start", Typed::start) != Typed::none ? Typed::start : is("until", Typed::until);
    case 6: return is("clause", Typed::clause) != Typed::none ? Typed::clause : is("months", Typed::months);
    case 11:
      if (name[0] == 'f') return is("field_label", Typed::field_label);
      if (name[0] == 'v' && name[1] == 'a' && name[2] == 'l' && name[3] == 'u') return is("value_label", Typed::value_label);
      if (name[0] == 'w') return is("window_from", Typed::window_from);
      return is("valid_until", Typed::valid_until);
    case 15: return is("resolved_months", Typed::resolved_months);
    default: return Typed::none;
  }
}

// Writes the value of placeholder `name` (from the arguments, the labels, the reason's typed
// fields); false when it has none, and the placeholder then stays as written.
bool put_placeholder(std::string& out, const Rules& rules, std::string_view name,
                     const std::vector<std::pair<std::string_view, std::string>>& args, const Reason* typed, Lang lang,
                     const Labels* labels, bool json) {
  std::string_view value;
  bool found = false;
  for (const auto& kv : args)
    if (bytes::same(kv.first, name)) { value = kv.second; found = true; break; }
  const Typed slot = found ? Typed::none : typed_slot(name);
  if (!found && labels) {
    if (slot == Typed::clause) { value = labels->clause; found = true; }
    else if (slot == Typed::field_label) { value = labels->field_label; found = true; }
    else if (slot == Typed::value_label) { value = labels->value_label; found = true; }
  }
  if (!found && typed && typed->list >= 0 && slot == Typed::window_from) {  // the label of the date the window runs from
    const Text3* label = rules.indicators[static_cast<std::size_t>(typed->list)].window_from_label;
    if (label) { value = (*label)[lang]; found = true; }
  }
  if (found) {
    Day d;
    if (looks_like_date(value) && parse_date(value, d)) append_human_date(out, d, lang);  // digits and month names
    else if (json) append_json_escaped(out, value);
    else out.append(value);
    return true;
  }
  if (!typed) return false;
  Day date = kNever;
  int number = -1;
  switch (slot) {
    case Typed::start: date = typed->start; break;
    case Typed::end: date = typed->end; break;
    case Typed::until: date = typed->until; break;
    case Typed::valid_until: date = typed->valid_until; break;
    case Typed::months: number = typed->months; break;
    case Typed::resolved_months: number = typed->resolved_months; break;
    default: return false;
  }
  if (number >= 0) out += std::to_string(number);
  else if (date != kNever) append_human_date(out, date, lang);
  return true;
}

// `json`: the text is written as the inside of a JSON string (escaped as it goes, no copy).
// The text comes cut at its placeholders from the rules (TextTemplate, made when they load), its
// literal pieces already escaped; a text the cutting does not handle is scanned here.
void render_into(std::string& out, const Rules& rules, std::string_view key,
                 const std::vector<std::pair<std::string_view, std::string>>& args, const Reason* typed, Lang lang,
                 const Labels* labels = nullptr, bool json = false) {
  if (const TextTemplate* t = rules.text_template(key, lang); t && t->cut) {
    for (const TextTemplate::Piece& piece : t->pieces) {
      if (piece.placeholder && put_placeholder(out, rules, piece.text, args, typed, lang, labels, json)) continue;
      if (json) out += piece.json;
      else if (piece.placeholder) out.append("{").append(piece.text).append("}");
      else out += piece.text;
    }
    return;
  }
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
    std::string filled;
    if (!put_placeholder(filled, rules, name, args, typed, lang, labels, json)) continue;
    put(tpl.substr(run, i - run));
    out += filled;
    run = close + 1;
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

// The name of whoever decides an action: the record's field its list's end event names
// (`end_event.decider`: an authority, a court, an appendix entry, a list's source), or the list's
// generic name when the field is empty or not given.
std::string decider_name(const Record& r, const Rules& rules, Lang lang) {
  const std::size_t li = static_cast<std::size_t>(r.list);
  const int f = rules.indicators[li].decider_field;
  if (f >= 0 && static_cast<std::size_t>(f) < rules.lists[li].fields.size()) {
    const FieldDef& field = rules.lists[li].fields[static_cast<std::size_t>(f)];
    switch (field.role) {
      case FieldRole::appendix:
        if (r.appendix_index >= 0 && field.appendix >= 0 && field.appendix < 4)
          return rules.appendices[static_cast<std::size_t>(field.appendix)].entries[static_cast<std::size_t>(r.appendix_index)].display[lang];
        return r.appendix_value;
      case FieldRole::source:
        if (!r.source.empty()) return r.source;
        break;
      case FieldRole::authority:
        if (!r.authority.empty()) return r.authority;
        break;
      default:
        break;
    }
  }
  // The list's own words ("decider.<list>"), else who brings the end event about (end_event.by).
  const std::string generic = std::string("decider.") + kListNames[li];
  if (rules.texts.count(generic)) return rules.text(generic, lang);
  return rules.text("decider.by." + rules.indicators[li].end_by, lang);
}

void append_human_date(std::string& out, Day day, Lang lang) {
  if (day == kNever) return;
  const CivilDate c = civil_from_days(day);
  // Written into a buffer and appended once (a reason holds two or three dates: one growth check
  // each instead of one a character).
  char buf[32];
  char* w = buf;
  auto number = [&](int v) {  // no leading zeros
    char digits[12];
    int n = 12;
    do { digits[--n] = static_cast<char>('0' + v % 10); v /= 10; } while (v > 0);
    std::memcpy(w, digits + n, static_cast<std::size_t>(12 - n));
    w += 12 - n;
  };
  auto put = [&](std::string_view s) {
    std::memcpy(w, s.data(), s.size());
    w += s.size();
  };
  if (lang == Lang::en) {
    static constexpr std::string_view kMonths[12] = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
    number(c.day);
    *w++ = ' ';
    put(kMonths[c.month - 1]);
    *w++ = ' ';
    number(c.year);
  } else {
    number(c.year);
    put("年");
    number(c.month);
    put("月");
    number(c.day);
    put("日");
  }
  out.append(buf, static_cast<std::size_t>(w - buf));
}

}  // namespace

std::string joined(const std::vector<std::string>& items, const Rules& rules, Lang lang, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) {
      std::string_view sep = rules.text(i + 1 == items.size() ? last : std::string_view("text.list.separator"), lang);
      // Chinese puts no space between two Chinese words: " 或 " joins "44 或 82" but "广东省或香港".
      const auto wide = [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; };
      if (lang != Lang::en && !out.empty() && !items[i].empty() && wide(out.back()) && wide(items[i].front())) {
        while (!sep.empty() && sep.front() == ' ') sep.remove_prefix(1);
        while (!sep.empty() && sep.back() == ' ') sep.remove_suffix(1);
      }
      out += sep;
    }
    out += items[i];
  }
  return out;
}

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


// The values an enumeration, the regions or a closed appendix allow (an unknown_value error's
// {allowed}: "enum:<name>", "regions", "appendix:<letter>"), named by their labels in the language.
std::string allowed_words(std::string_view ref, const Rules& rules, Lang lang) {
  std::vector<std::string> labels;
  if (ref.rfind("enum:", 0) == 0) {
    const EnumDef& def = rules.enum_def(ref.substr(5));
    for (const int k : def.written)
      if (k >= 0) labels.push_back(def.labels[static_cast<std::size_t>(k)][lang]);
  } else if (ref == "regions") {
    for (const Text3& l : rules.region_labels) labels.push_back(l[lang]);
  } else if (ref.rfind("appendix:", 0) == 0 && ref.size() == 10 && ref[9] >= 'A' && ref[9] <= 'D') {
    for (const AppendixEntry& en : rules.appendices[static_cast<std::size_t>(ref[9] - 'A')].entries)
      labels.push_back(en.display[lang]);
    labels.push_back(rules.text("text.list.other", lang));
  } else {
    return std::string(ref);
  }
  return joined(labels, rules, lang, "text.list.or");
}

}  // namespace

std::string error_message_at(const InputError& err, const RecordFinder& finder, const Rules& rules, Lang lang) {
  std::vector<std::pair<std::string_view, std::string>> args = err.args;
  bool expected = false;
  for (auto& kv : args) {
    if (kv.first == "allowed") kv.second = allowed_words(kv.second, rules, lang);
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
  // The text it is said in: a list outside Appendix D ("other") is said in words (the code stays
  // not_in_appendix); an unknown field says where it is, and the key as the file spells it.
  std::string key = "warning." + w.code;
  if (w.code == "not_in_appendix")
    for (const auto& kv : w.args)
      if (kv.first == "appendix" && kv.second == "D") key = "warning.other_risk_list";
  // The record named by what it is costs a look-up and a rendering of its own: only for a text
  // that says it (beyond_calendar's {what} is a text of its own that may).
  const bool says_record = rules.text(key, lang).find("{record}") != std::string::npos || w.code == "beyond_calendar";
  std::string record;
  if (says_record) {
    const Record* r = w.record.empty() ? nullptr : finder.by_id(w.record);
    record = r ? record_name(*r, rules, lang) : w.record;
  }
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
      const char* what = kv.second == "counts_until" ? "what.counts_until"
                         : kv.second == "earliest_pass_date" ? "what.earliest_pass_date" : "what.clears_on";
      kv.second = fill(rules.text(what, lang), {{"record", record}, {"clause", kv.second}});
    }
  }
  if (w.code == "unknown_field") {
    args.emplace_back("key", pointer_key(path));
    return at_place(place_words(parent_of(path), finder, rules, lang), render(rules, key, args, lang), rules, lang);
  }
  return at_place({}, render(rules, key, args, lang), rules, lang);
}
std::string error_message(const InputError& err, const Rules& rules, Lang lang, const Enterprise* e) {
  return error_message_at(err, RecordFinder(e), rules, lang);
}

std::string warning_message(const Warning& w, const Rules& rules, Lang lang, const Enterprise* e) {
  return warning_message_at(w, RecordFinder(e), rules, lang);
}

std::vector<std::string> error_messages(const std::vector<InputError>& errors, const Rules& rules, Lang lang,
                                        const Enterprise* e) {
  std::vector<std::string> out;
  out.reserve(errors.size());
  const RecordFinder finder(e);
  for (const InputError& err : errors) out.push_back(error_message_at(err, finder, rules, lang));
  return out;
}

std::string reason_text(const Reason& r, const Rules& rules, Lang lang) {
  std::string out;
  reason_into(out, r, rules, lang);
  return out;
}

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

std::string action_decider(const Enterprise& e, const PlanAction& a, const Rules& rules, Lang lang) {
  if (a.decided_by == "enterprise") return rules.text("decider.by.enterprise", lang);
  return decider_name(e.records[a.record], rules, lang);
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

}  // namespace nvcheck
