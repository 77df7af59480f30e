// The route to passing (clause 8.8 counselling; docs/rules.md "Route to passing"): each end event
// the enterprise or an authority can bring about, done on the evaluation date, projected on a copy
// of the file; the disputes left out; the waits.
#include <algorithm>

#include "nvcheck/evaluate.hpp"

namespace nvcheck {

namespace {

// The end event of a record that the enterprise or an authority can bring about
// (docs/rules.md "Route to passing"); empty when only time changes it.
std::pair<const char*, const char*> action_of(const Record& r, const Rules& rules) {
  const IndicatorDef& ind = rules.indicators[static_cast<std::size_t>(r.list)];
  if (ind.end_action.empty()) return {nullptr, nullptr};  // 6.2.1, 6.2.7: only time
  if (r.enum_a >= 0 && ((ind.one_off >> r.enum_a) & 1u)) return {nullptr, nullptr};  // a one-off measure has no end
  return {ind.end_action.c_str(), ind.end_by.c_str()};
}

Day first_on_or_after(Day d, Day on) { return d == kNever ? kNever : (d < on ? on : d); }

}  // namespace

Plan make_plan(const Enterprise& e, const Rules& rules, Day on, std::vector<Warning> parse_warnings) {
  Plan plan;
  plan.evaluation = evaluate(e, rules, on, std::move(parse_warnings));
  const Evaluation& ev = plan.evaluation;
  const std::vector<RecordScope> scopes = scope_records(e, rules);

  std::vector<RecordScope> all = scopes;
  std::array<bool, kListCount> has_action{};
  for (std::size_t li = 0; li < kListCount; ++li) {
    if (!ev.indicators[li].fails) continue;
    for (const RecordOutcome& ro : ev.indicators[li].counted) {
      const Record& r = e.records[ro.record];
      const auto act = action_of(r, rules);
      if (!act.first || (r.end != kNever && r.end <= on)) continue;
      has_action[li] = true;
      Record changed = r;  // the end event done on D
      changed.end = on;
      const RecordScope cs = scope_record(changed, rules);
      std::vector<RecordScope> one = scopes;
      one[ro.record] = cs;
      all[ro.record] = cs;
      const Projection p = project(Timeline(e, rules, one), on);
      PlanAction a;
      a.record = ro.record;
      a.indicator = static_cast<int>(li);
      a.action = act.first;
      a.decided_by = act.second;
      a.counts_until = cs.in_scope ? first_on_or_after(cs.span.until, on) : on;
      const int item = kBasicCount + static_cast<int>(li);
      a.clause_clears_on = (p.failing >> item) & 1u ? p.clears_on[static_cast<std::size_t>(item)] : on;
      a.earliest_pass = p.earliest_pass;
      a.changes_nothing = a.clause_clears_on == ev.indicators[li].clears_on && a.earliest_pass == ev.earliest_pass;
      plan.actions.push_back(std::move(a));
    }
  }
  std::stable_sort(plan.actions.begin(), plan.actions.end(), [&](const PlanAction& a, const PlanAction& b) {
    if (a.earliest_pass != b.earliest_pass) return a.earliest_pass < b.earliest_pass;  // kNever sorts last
    if (a.indicator != b.indicator) return a.indicator < b.indicator;
    return e.records[a.record].id < e.records[b.record].id;
  });
  plan.earliest_pass_all_actions =
      plan.actions.empty() ? ev.earliest_pass : project(Timeline(e, rules, all), on).earliest_pass;

  // Disputes: every disputed record left out, without any action.
  std::vector<RecordScope> undisputed = scopes;
  for (std::size_t i = 0; i < e.records.size(); ++i)
    if (e.records[i].disputed) {
      plan.has_disputes = true;
      plan.disputed_records.push_back(i);
      undisputed[i].in_scope = false;
    }
  if (plan.has_disputes) {
    const Projection p = project(Timeline(e, rules, undisputed), on);
    plan.disputes_pass = p.failing == 0;
    plan.disputes_earliest_pass = p.earliest_pass;
  }

  // Waits: unmet basic requirements and failing clauses with no action.
  for (int k = 0; k < kBasicCount; ++k)
    if (!ev.basic[static_cast<std::size_t>(k)].met) plan.waits.push_back({k, ev.basic[static_cast<std::size_t>(k)].clears_on});
  for (std::size_t li = 0; li < kListCount; ++li)
    if (ev.indicators[li].fails && !has_action[li])
      plan.waits.push_back({kBasicCount + static_cast<int>(li), ev.indicators[li].clears_on});
  return plan;
}

}  // namespace nvcheck
