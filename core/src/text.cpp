// A person's summary of a result or a plan (`--format text`), in the chosen language.
#include "nvcheck/nvcheck.hpp"
#include "record_name.hpp"

namespace nvcheck {

// A user's string on a terminal: every control character shown as an escape, so that a name
// holding a newline cannot start a line of its own (a forged "Verdict: pass") and ESC, BEL or CR
// cannot drive the terminal. C0, DEL, C1 and the line, paragraph and bidirectional controls.
std::string printable_text(std::string_view s) {
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') { out += "\\n"; continue; }
    if (c == '\r') { out += "\\r"; continue; }
    if (c == '\t') { out += "\\t"; continue; }
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      continue;
    }
    // U+0080-U+009F (C2 80-9F), U+200E/200F, U+2028-U+202E, U+2066-U+2069 (E2 80/81 xx).
    unsigned code = 0;
    std::size_t len = 0;
    if (c == 0xc2 && i + 1 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c1 >= 0x80 && c1 <= 0x9f) { code = c1; len = 2; }
    } else if (c == 0xe2 && i + 2 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
      const unsigned cp = 0x2000u + ((c1 & 0x3fu) << 6) + (c2 & 0x3fu);
      if ((c1 == 0x80 || c1 == 0x81) && (c2 & 0xc0) == 0x80 &&
          (cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))) {
        code = cp;
        len = 3;
      }
    }
    if (len) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 15];
      i += len - 1;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

namespace {

std::string date_or(Day d, const std::string& none) {
  return d == kNever || d > last_writable_day() ? none : format_date(d);
}

void append_evaluation_text(std::string& out, const Enterprise& e, const Evaluation& ev, const Rules& rules, Lang lang) {
  const std::string sep = lang == Lang::en ? ": " : "：";
  out += printable_text(e.name);
  out += '\n';
  out += rules.text(ev.pass ? "text.verdict.pass" : "text.verdict.fail", lang);
  out += "  (" + rules.text("text.evaluated_on", lang) + sep + format_date(ev.on) + ")\n";
  out += rules.text("text.earliest", lang) + sep + date_or(ev.earliest_pass, rules.text("text.earliest_none", lang)) + "\n";
  out += rules.text("text.basic", lang) + '\n';
  for (int k = 0; k < kBasicCount; ++k) {
    const BasicOutcome& b = ev.basic[static_cast<std::size_t>(k)];
    out += "  " + item_clause(rules, k) + " " + item_name(rules, k, e.region, lang) + sep +
           rules.text(b.met ? "text.met" : "text.not_met", lang);
    if (!b.met)
      out += " (" + rules.text("text.clears_on", lang) + sep + date_or(b.clears_on, rules.text("text.never", lang)) + ")";
    out += "\n    " + printable_text(reason_text(b.reason, rules, lang)) + '\n';
  }
  out += rules.text("text.indicators", lang) + '\n';
  for (std::size_t li = 0; li < kListCount; ++li) {
    const IndicatorOutcome& io = ev.indicators[li];
    const int item = kBasicCount + static_cast<int>(li);
    out += "  " + item_clause(rules, item) + " " + item_name(rules, item, e.region, lang) + sep +
           rules.text(io.fails ? "text.fail" : "text.pass", lang);
    if (io.fails)
      out += " (" + rules.text("text.clears_on", lang) + sep + date_or(io.clears_on, rules.text("text.never", lang)) + ")";
    out += '\n';
    if (!io.fails) continue;
    for (const RecordOutcome& ro : io.counted)
      out += "    - " + printable_text(sentence_start(record_name(e.records[ro.record], rules, lang), lang)) + sep + printable_text(reason_text(ro.reason, rules, lang)) + '\n';
  }
  if (!ev.warnings.empty()) {
    out += rules.text("text.warnings", lang) + '\n';
    for (const Warning& w : ev.warnings)
      out += "  - " + printable_text(warning_message(w, rules, lang, &e)) + '\n';
  }
}

}  // namespace

std::string invalid_text(const std::vector<InputError>& errors, const Rules& rules, Lang lang,
                         const Enterprise* ent) {
  std::string out = rules.text("text.verdict.invalid", lang);
  out += '\n';
  for (const InputError& e : errors) {
    out += "  - ";
    out += printable_text(error_message(e, rules, lang, ent));
    out += '\n';
  }
  return out;
}

Output check_text(std::string_view text, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  std::string out;
  if (!p.valid())
    return {invalid_text(p.errors, rules, options.lang, &p.parsed.enterprise), Verdict::invalid,
            error_messages(p.errors, rules, options.lang, &p.parsed.enterprise)};
  const Evaluation ev = evaluate(p.parsed.enterprise, rules, p.on, std::move(p.parsed.warnings));
  append_evaluation_text(out, p.parsed.enterprise, ev, rules, options.lang);
  return {out, ev.pass ? Verdict::pass : Verdict::fail, {}};
}

Output plan_text(std::string_view text, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  std::string out;
  const Lang lang = options.lang;
  if (!p.valid()) return {invalid_text(p.errors, rules, lang, &p.parsed.enterprise), Verdict::invalid,
                          error_messages(p.errors, rules, lang, &p.parsed.enterprise)};
  const Enterprise& e = p.parsed.enterprise;
  const Plan plan = make_plan(e, rules, p.on, std::move(p.parsed.warnings));
  const Evaluation& ev = plan.evaluation;
  const std::string sep = lang == Lang::en ? ": " : "：";
  out += printable_text(e.name) + '\n';
  out += rules.text(ev.pass ? "text.verdict.pass" : "text.verdict.fail", lang);
  out += "  (" + rules.text("text.evaluated_on", lang) + sep + format_date(ev.on) + ")\n";
  out += rules.text("text.plan", lang) + '\n';
  const std::string none = rules.text("text.earliest_none", lang);
  out += "  " + rules.text("text.plan.doing_nothing", lang) + sep + date_or(ev.earliest_pass, none) + '\n';
  out += "  " + rules.text("text.plan.all_actions", lang) + sep + date_or(plan.earliest_pass_all_actions, none) + '\n';
  out += rules.text("text.plan.actions", lang) + sep + (plan.actions.empty() ? rules.text("text.plan.none", lang) : "") + '\n';
  for (std::size_t i = 0; i < plan.actions.size(); ++i)
    out += "  " + std::to_string(i + 1) + ". " + printable_text(action_text(e, plan, plan.actions[i], rules, lang)) + '\n';
  out += rules.text("text.plan.waits", lang) + sep + (plan.waits.empty() ? rules.text("text.plan.none", lang) : "") + '\n';
  for (const PlanWait& w : plan.waits) out += "  - " + printable_text(wait_text(e, w, rules, lang)) + '\n';
  if (plan.has_disputes) {
    out += rules.text("text.plan.disputes", lang) + sep + rules.text(plan.disputes_pass ? "text.pass" : "text.fail", lang) +
           ", " + rules.text("text.earliest", lang) + sep + date_or(plan.disputes_earliest_pass, none) + '\n';
  }
  out += rules.text("text.draft_notice", lang) + '\n';
  return {out, ev.pass ? Verdict::pass : Verdict::fail, {}};
}

}  // namespace nvcheck
