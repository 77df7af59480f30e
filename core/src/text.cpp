// A person's summary of a result or a plan (`--format text`), in the chosen language.
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {
namespace {

std::string date_or(Day d, Lang lang, const std::string& none) {
  return d == kNever || d > last_writable_day() ? none : format_date(d) + (lang == Lang::en ? "" : "");
}

void append_errors_text(std::string& out, const Prepared& p, const Rules& rules, Lang lang) {
  out += rules.text("text.verdict.invalid", lang);
  out += '\n';
  for (const InputError& e : p.errors) {
    out += "  - ";
    out += error_message(e, rules, lang);
    out += '\n';
  }
}

void append_evaluation_text(std::string& out, const Enterprise& e, const Evaluation& ev, const Rules& rules, Lang lang) {
  const std::string sep = lang == Lang::en ? ": " : "：";
  out += e.name;
  out += '\n';
  out += rules.text(ev.pass ? "text.verdict.pass" : "text.verdict.fail", lang);
  out += "  (" + rules.text("text.evaluated_on", lang) + sep + format_date(ev.on) + ")\n";
  out += rules.text("text.earliest", lang) + sep + date_or(ev.earliest_pass, lang, rules.text("text.earliest_none", lang)) + "\n";
  out += rules.text("text.basic", lang) + '\n';
  for (int k = 0; k < kBasicCount; ++k) {
    const BasicOutcome& b = ev.basic[static_cast<std::size_t>(k)];
    out += "  " + item_clause(rules, k) + " " + item_name(rules, k, e.region, lang) + sep +
           rules.text(b.met ? "text.met" : "text.not_met", lang);
    if (!b.met)
      out += " (" + rules.text("text.clears_on", lang) + sep + date_or(b.clears_on, lang, rules.text("text.never", lang)) + ")";
    out += "\n    " + reason_text(b.reason, rules, lang) + '\n';
  }
  out += rules.text("text.indicators", lang) + '\n';
  for (std::size_t li = 0; li < kListCount; ++li) {
    const IndicatorOutcome& io = ev.indicators[li];
    const int item = kBasicCount + static_cast<int>(li);
    out += "  " + item_clause(rules, item) + " " + item_name(rules, item, e.region, lang) + sep +
           rules.text(io.fails ? "text.fail" : "text.pass", lang);
    if (io.fails)
      out += " (" + rules.text("text.clears_on", lang) + sep + date_or(io.clears_on, lang, rules.text("text.never", lang)) + ")";
    out += '\n';
    if (!io.fails) continue;
    for (const RecordOutcome& ro : io.counted)
      out += "    - " + e.records[ro.record].id + sep + reason_text(ro.reason, rules, lang) + '\n';
  }
  if (!ev.warnings.empty()) {
    out += rules.text("text.warnings", lang) + '\n';
    for (const Warning& w : ev.warnings)
      out += "  - " + (w.record.empty() ? std::string() : w.record + sep) + warning_message(w, rules, lang) + '\n';
  }
}

}  // namespace

Output check_text(std::string_view text, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  std::string out;
  if (!p.valid()) {
    append_errors_text(out, p, rules, options.lang);
    return {out, Verdict::invalid};
  }
  const Evaluation ev = evaluate(p.parsed.enterprise, rules, p.on, std::move(p.parsed.warnings));
  append_evaluation_text(out, p.parsed.enterprise, ev, rules, options.lang);
  return {out, ev.pass ? Verdict::pass : Verdict::fail};
}

Output plan_text(std::string_view text, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  std::string out;
  const Lang lang = options.lang;
  if (!p.valid()) {
    append_errors_text(out, p, rules, lang);
    return {out, Verdict::invalid};
  }
  const Enterprise& e = p.parsed.enterprise;
  const Plan plan = make_plan(e, rules, p.on, std::move(p.parsed.warnings));
  const Evaluation& ev = plan.evaluation;
  const std::string sep = lang == Lang::en ? ": " : "：";
  out += e.name + '\n';
  out += rules.text(ev.pass ? "text.verdict.pass" : "text.verdict.fail", lang);
  out += "  (" + rules.text("text.evaluated_on", lang) + sep + format_date(ev.on) + ")\n";
  out += rules.text("text.plan", lang) + '\n';
  const std::string none = rules.text("text.earliest_none", lang);
  out += "  " + rules.text("text.plan.doing_nothing", lang) + sep + date_or(ev.earliest_pass, lang, none) + '\n';
  out += "  " + rules.text("text.plan.all_actions", lang) + sep + date_or(plan.earliest_pass_all_actions, lang, none) + '\n';
  out += rules.text("text.plan.actions", lang) + sep + (plan.actions.empty() ? rules.text("text.plan.none", lang) : "") + '\n';
  for (std::size_t i = 0; i < plan.actions.size(); ++i)
    out += "  " + std::to_string(i + 1) + ". " + action_text(e, plan, plan.actions[i], rules, lang) + '\n';
  out += rules.text("text.plan.waits", lang) + sep + (plan.waits.empty() ? rules.text("text.plan.none", lang) : "") + '\n';
  for (const PlanWait& w : plan.waits) out += "  - " + wait_text(e, w, rules, lang) + '\n';
  if (plan.has_disputes) {
    out += rules.text("text.plan.disputes", lang) + sep + rules.text(plan.disputes_pass ? "text.pass" : "text.fail", lang) +
           ", " + rules.text("text.earliest", lang) + sep + date_or(plan.disputes_earliest_pass, lang, none) + '\n';
  }
  out += rules.text("text.draft_notice", lang) + '\n';
  return {out, ev.pass ? Verdict::pass : Verdict::fail};
}

}  // namespace nvcheck
