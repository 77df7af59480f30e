// The route to passing (clause 8.8 counselling; docs/rules.md "Route to passing"): each end event
// the enterprise or an authority can bring about, done on the evaluation date, projected on a copy
// of the file; the disputes left out; the waits.
#include <algorithm>
#include <cstdint>
#include <optional>

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

// What the projection (timeline.cpp, project()) of the file with one action done says about the
// action: whether the action's indicator still fails on D, the date it clears, the earliest pass.
struct ActionEffect {
  bool item_fails_on_d = false;
  Day item_clears_on = kNever, earliest_pass = kNever;
};

// The exact way: the whole timeline of the file with the one record's scope changed, projected
// from D. Used for an action whose change is not a span cut short (see CutSpanProjection).
ActionEffect project_changed(const Enterprise& e, const Rules& rules, std::vector<RecordScope> scopes,
                             std::size_t record, const RecordScope& changed, std::size_t list, Day on) {
  scopes[record] = changed;
  const Projection p = project(Timeline(e, rules, scopes), on);
  const int item = kBasicCount + static_cast<int>(list);
  return {((p.failing >> item) & 1u) != 0, p.clears_on[static_cast<std::size_t>(item)], p.earliest_pass};
}

// The route to passing without a timeline per action (8.8; docs/rules.md "Route to passing",
// "How the actions are projected"). An action changes one record, counted on D, whose span
// [from, until) becomes [from, until') with until' <= until, or no span at all: the record stops
// counting on the days [cut_from, until), cut_from = max(until', D) (D when it no longer counts).
// Everything else on the timeline stays as it is. So the sweep of project() is done once over the
// file as it is, keeping at each breakpoint after D what fails and each indicator's count; then one
// action is the first breakpoint (or the new day cut_from) at which the indicator, or everything,
// passes when its count is one lower on [cut_from, until): three look-ups in tables of "the next
// breakpoint at or after j where ...", O(log B) per action for B breakpoints.
// Same semantics as project() on the changed timeline: the state is constant between breakpoints,
// so looking at the old breakpoint `until` as well (no longer one on the changed timeline) changes
// nothing; cut_from is a new breakpoint when it is after D and not one already.
class CutSpanProjection {
 public:
  CutSpanProjection(const Timeline& tl, Day on) : on_(on) {
    mask_on_ = tl.failing_at(on);
    for (std::size_t li = 0; li < kListCount; ++li) {
      count_on_[li] = tl.count_at(li, on);
      threshold_[li] = tl.threshold(li);
    }
    // project()'s sweep, without stopping early: the breakpoints after D, what fails at each, and
    // every indicator's count there.
    const std::vector<Day>& bps = tl.breakpoints();
    const auto first = std::upper_bound(bps.begin(), bps.end(), on);
    days_.assign(first, bps.end());
    const std::size_t n = days_.size();
    mask_.resize(n);
    for (auto& c : count_) c.resize(n);
    std::array<std::size_t, kListCount> count = count_on_;
    const std::vector<Timeline::Event>& ev = tl.events();
    auto next = std::upper_bound(ev.begin(), ev.end(), on, [](Day d, const Timeline::Event& x) { return d < x.day; });
    for (std::size_t j = 0; j < n; ++j) {
      const Day t = days_[j];
      for (; next != ev.end() && next->day <= t; ++next)
        count[next->list] = static_cast<std::size_t>(static_cast<long long>(count[next->list]) + next->delta);
      ItemMask m = 0;
      for (int k = 0; k < kBasicCount; ++k)
        if (tl.basic_fails_at(k, t)) m |= static_cast<ItemMask>(1u << k);
      for (std::size_t li = 0; li < kListCount; ++li) {
        count_[li][j] = count[li];
        if (fails(li, count[li])) m |= bit(li);
      }
      mask_[j] = m;
    }
    next_all_ = next_where([&](std::size_t j) { return mask_[j] == 0; });
  }

  // The effect of an action on a record of indicator `list`, counted on D with span `old_span`,
  // whose new scope is `changed`; false when the change is not a span cut short (the caller then
  // projects the changed file the exact way).
  bool effect(std::size_t list, const Span& old_span, const RecordScope& changed, ActionEffect& out) {
    if (!old_span.contains(on_)) return false;
    Day cut_from = on_;  // out of scope, or an empty span: it no longer counts on D
    if (changed.in_scope && changed.span.from < changed.span.until) {
      if (changed.span.from != old_span.from || changed.span.until > old_span.until) return false;
      cut_from = std::max(changed.span.until, on_);
    }
    const Day cut_until = old_span.until;
    const ItemMask b = bit(list);
    if (cut_from >= cut_until) {  // nothing changes: the projection of the file as it is
      out.item_fails_on_d = (mask_on_ & b) != 0;
      out.item_clears_on = days_at(tables(list).pass, 0);
      out.earliest_pass = mask_on_ == 0 ? on_ : days_at(next_all_, 0);
      return true;
    }
    const Tables& tb = tables(list);
    const std::size_t n = days_.size();
    // On D (project(): failing_at(D) of the changed file).
    const std::size_t c_on = count_on_[list] - (cut_from == on_ ? 1 : 0);
    const ItemMask m_on = static_cast<ItemMask>((mask_on_ & ~b) | (fails_on_d(list, c_on) ? b : 0));
    out.item_fails_on_d = (m_on & b) != 0;
    // The breakpoints in [cut_from, cut_until) are [ja, jb); an open span runs to the last one.
    const std::size_t ja = static_cast<std::size_t>(std::lower_bound(days_.begin(), days_.end(), cut_from) - days_.begin());
    const std::size_t jb = cut_until == kNever
                               ? n
                               : static_cast<std::size_t>(std::lower_bound(days_.begin(), days_.end(), cut_until) - days_.begin());
    // cut_from after D and not a breakpoint of the file: a new one, where the state is the one of
    // the breakpoint before it (or of D) with the record no longer counting.
    const bool new_day = cut_from > on_ && (ja == n || days_[ja] != cut_from);
    std::size_t c_new = 0;
    ItemMask m_new = 0;
    if (new_day) {
      const std::size_t c = ja == 0 ? count_on_[list] : count_[list][ja - 1];
      if (c == 0) return false;  // it counts there: not expected
      c_new = c - 1;
      m_new = static_cast<ItemMask>(((ja == 0 ? mask_on_ : mask_[ja - 1]) & ~b) | (fails(list, c_new) ? b : 0));
    }
    // The first breakpoint after D and before cut_from where `before` says it passes (the file as
    // it is), else the new day if it passes there (`at_new`), else the first in [ja, jb) where `cut`
    // says it passes with the record no longer counting, else the first from jb on (`before`).
    auto first_pass = [&](const std::vector<std::uint32_t>& before, bool at_new,
                          const std::vector<std::uint32_t>& cut) -> Day {
      if (before[0] < ja) return days_[before[0]];
      if (new_day && at_new) return cut_from;
      if (cut[ja] < jb) return days_[cut[ja]];
      return days_at(before, jb);
    };
    out.item_clears_on = out.item_fails_on_d ? first_pass(tb.pass, (m_new & b) == 0, tb.pass_cut) : kNever;
    out.earliest_pass = m_on == 0 ? on_ : first_pass(next_all_, m_new == 0, tb.all_pass_cut);
    return true;
  }

 private:
  // For one indicator, "the next breakpoint index at or after j where ..." (days_.size(): none):
  // it passes; it passes with one record fewer; everything passes with it one record fewer.
  struct Tables {
    bool built = false;
    std::vector<std::uint32_t> pass, pass_cut, all_pass_cut;
  };

  ItemMask bit(std::size_t list) const { return static_cast<ItemMask>(1u << (kBasicCount + list)); }
  // project()'s test at a breakpoint, and failing_at()'s on D (the same for a threshold >= 1).
  bool fails(std::size_t list, std::size_t c) const { return c >= static_cast<std::size_t>(threshold_[list]); }
  bool fails_on_d(std::size_t list, std::size_t c) const {
    return c > 0 && static_cast<long long>(c) >= static_cast<long long>(threshold_[list]);
  }
  Day days_at(const std::vector<std::uint32_t>& next, std::size_t j) const {
    return next[j] < days_.size() ? days_[next[j]] : kNever;
  }
  template <class Holds>
  std::vector<std::uint32_t> next_where(Holds&& holds) const {
    const std::size_t n = days_.size();
    std::vector<std::uint32_t> next(n + 1);
    next[n] = static_cast<std::uint32_t>(n);
    for (std::size_t j = n; j-- > 0;) next[j] = holds(j) ? static_cast<std::uint32_t>(j) : next[j + 1];
    return next;
  }
  const Tables& tables(std::size_t list) {
    Tables& t = tables_[list];
    if (t.built) return t;
    const std::vector<std::size_t>& c = count_[list];
    const ItemMask b = bit(list);
    t.pass = next_where([&](std::size_t j) { return !fails(list, c[j]); });
    t.pass_cut = next_where([&](std::size_t j) { return c[j] > 0 && !fails(list, c[j] - 1); });
    t.all_pass_cut = next_where([&](std::size_t j) { return (mask_[j] & ~b) == 0 && c[j] > 0 && !fails(list, c[j] - 1); });
    t.built = true;
    return t;
  }

  Day on_;
  ItemMask mask_on_ = 0;
  std::array<std::size_t, kListCount> count_on_{};
  std::array<int, kListCount> threshold_{};
  std::vector<Day> days_;     // the file's breakpoints after D
  std::vector<ItemMask> mask_;  // what fails at each
  std::array<std::vector<std::size_t>, kListCount> count_;  // each indicator's count at each
  std::vector<std::uint32_t> next_all_;  // next index where everything passes
  std::array<Tables, kListCount> tables_;
};

}  // namespace

Plan make_plan(const Enterprise& e, const Rules& rules, Day on, std::vector<Warning> parse_warnings,
               ActionProjection how) {
  Plan plan;
  plan.evaluation = evaluate(e, rules, on, std::move(parse_warnings));
  const Evaluation& ev = plan.evaluation;
  const std::vector<RecordScope> scopes = scope_records(e, rules);

  std::vector<RecordScope> all = scopes;
  std::array<bool, kListCount> has_action{};
  std::optional<CutSpanProjection> cut;  // built for the first action
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
      all[ro.record] = cs;
      const bool sweep = how == ActionProjection::one_sweep && scopes[ro.record].in_scope;
      if (sweep && !cut) cut.emplace(Timeline(e, rules, scopes), on);
      ActionEffect p;
      if (!sweep || !cut->effect(li, scopes[ro.record].span, cs, p))
        p = project_changed(e, rules, scopes, ro.record, cs, li, on);
      PlanAction a;
      a.record = ro.record;
      a.indicator = static_cast<int>(li);
      a.action = act.first;
      a.decided_by = act.second;
      a.counts_until = cs.in_scope ? first_on_or_after(cs.span.until, on) : on;
      a.clause_clears_on = p.item_fails_on_d ? p.item_clears_on : on;
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
