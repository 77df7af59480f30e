// Clauses 6.1 and 6.2 of WQ-179 on typed records: each record's counting span, the file's
// timeline, and the evaluation at a date with its projection (docs/rules.md "Projection").
#include <algorithm>

#include "nvcheck/evaluate.hpp"

namespace nvcheck {
namespace {

// Clause scope of a record's first or second enumeration value (the rule data's in_scope).
bool in_scope(const IndicatorDef& ind, bool second, int value) {
  const std::size_t k = second ? 1 : 0;
  if (!ind.scope_restricted[k]) return true;
  return value >= 0 && value < 64 && ((ind.scope_mask[k] >> value) & 1u);
}

RecordScope out(const char* key, std::vector<std::pair<std::string_view, std::string>> args = {}) {
  RecordScope s;
  s.in_scope = false;
  s.out_of_scope = Reason{key, std::move(args)};
  return s;
}

// An enumeration value outside the indicator's scope.
// Typed (no text is built here): the output renders the field's and the value's labels.
RecordScope out_of_scope(const IndicatorDef& ind, const Record& r, bool second) {
  RecordScope s;
  s.in_scope = false;
  s.out_of_scope.key = "reason.out_of_scope";
  s.out_of_scope.clause = ind.clause;
  s.out_of_scope.scope_list = static_cast<int>(r.list);
  s.out_of_scope.scope_second = second;
  s.out_of_scope.scope_value = second ? r.enum_b : r.enum_a;
  return s;
}

RecordScope span(Day from, Day until) {
  RecordScope s;
  s.in_scope = true;
  s.span = {from, until};
  return s;
}

Day later(Day a, Day b) { return a > b ? a : b; }
Day earlier(Day a, Day b) { return a < b ? a : b; }

}  // namespace

namespace {

Day date_of(const Record& r, DateSlot slot) {
  switch (slot) {
    case DateSlot::start: return r.start;
    case DateSlot::end: return r.end;
    case DateSlot::valid_until: return r.valid_until;
    case DateSlot::information_date: return r.decided_on;
  }
  return kNever;
}

// The first of the indicator's checks (its `checks`, in order) that keeps the record from counting.
bool fails_check(const IndicatorDef& ind, const ListDef& list, const Record& r, RecordScope& why) {
  for (const Check c : ind.checks) {
    switch (c) {
      case Check::appendix:  // 6.2.5-6.2.7, 6.2.10: an entry of the appendix the field refers to
        if (ind.appendix_field >= 0 && r.appendix_index < 0) {
          const std::string letter(1, static_cast<char>('A' + ind.appendix));
          why = out(list.fields[static_cast<std::size_t>(ind.appendix_field)].reason.c_str(),
                    {{"value", r.appendix_value}, {"appendix", letter}, {"clause", ind.clause}});
          return true;
        }
        break;
      case Check::flags:  // 6.2.1 not annulled, 6.2.3 effective, 6.2.8 / 6.2.9 valid
        if (ind.flag_field >= 0 && r.flag != ind.flag_counts) {
          why = out(list.fields[static_cast<std::size_t>(ind.flag_field)].reason.c_str(), {{"clause", ind.clause}});
          return true;
        }
        break;
      case Check::in_scope:
        for (std::size_t k = 0; k < 2; ++k)
          if (list.scope_field[k] >= 0 && !in_scope(ind, k == 1, k == 1 ? r.enum_b : r.enum_a)) {
            why = out_of_scope(ind, r, k == 1);
            return true;
          }
        break;
    }
  }
  return false;
}

}  // namespace

// One record's scope and counting span under its indicator (clauses 6.2.1-6.2.10): the checks
// the rule data lists, then the counting shape of the indicator.
RecordScope scope_record(const Record& r, const Rules& rules) {
  const std::size_t li = static_cast<std::size_t>(r.list);
  const IndicatorDef& ind = rules.indicators[li];
  const ListDef& list = rules.lists[li];
  RecordScope why;
  if (fails_check(ind, list, r, why)) return why;
  const int w = ind.window_months;
  const Day from = date_of(r, ind.window_from);
  if (from == kNever) {  // the date the window runs from is absent: 6.2.3 performed in time
    const std::string& reason = list.fields[static_cast<std::size_t>(ind.window_from_field)].reason;
    if (!reason.empty()) return out(reason.c_str(), {{"clause", ind.clause}});
  }
  switch (ind.counting) {
    case Counting::window:  // 6.2.1, 6.2.7: window_months from the date
      return span(r.start, add_months(from, w));
    case Counting::during:  // 6.2.2-6.2.6: while it lasts, and window_months from window_from
      if (r.enum_a >= 0 && ((ind.one_off >> r.enum_a) & 1u))  // 6.2.5 / 6.2.6 one-off: only the window
        return span(r.start, add_months(from, w));
      return span(r.start, r.end == kNever ? kNever : later(r.end, add_months(from, w)));
    case Counting::complaints:  // 6.2.8 / 6.2.9: received within the window, unresolved or resolved < resolved window
      return span(r.start, earlier(add_months(from, w),
                                   r.end == kNever ? kNever : add_months(r.end, ind.resolved_window_months)));
    case Counting::while_listed:  // 6.2.10: listed, not removed, within validity
      return span(r.start, earlier(r.end, r.valid_until == kNever ? kNever : r.valid_until + 1));
  }
  return out("reason.out_of_scope");
}

std::vector<RecordScope> scope_records(const Enterprise& e, const Rules& rules) {
  std::vector<RecordScope> out;
  out.reserve(e.records.size());
  for (const Record& r : e.records) out.push_back(scope_record(r, rules));
  return out;
}

Timeline::Timeline(const Enterprise& e, const Rules& rules, const std::vector<RecordScope>& scopes) {
  incorporated_plus_ = add_months(e.incorporated_on, rules.basic[0].months);
  months_after_failure_ = rules.basic[1].months;
  months_after_false_ = rules.basic[2].months;
  breakpoints_.reserve(2 * scopes.size() + 3 * e.previous.size() + 1);
  if (incorporated_plus_ != kNever) breakpoints_.push_back(incorporated_plus_);
  for (const PreviousApplication& p : e.previous) {
    previous_.push_back({p.result_on, p.failed, p.failed && p.false_information});
    breakpoints_.push_back(p.result_on);
    if (p.failed) breakpoints_.push_back(add_months(p.result_on, months_after_failure_));
    if (p.failed && p.false_information) breakpoints_.push_back(add_months(p.result_on, months_after_false_));
  }
  // 6.1.2: the latest application is the one with the latest result_on; on a tie, a failure.
  std::stable_sort(previous_.begin(), previous_.end(), [](const PreviousAt& a, const PreviousAt& b) {
    return a.result_on != b.result_on ? a.result_on < b.result_on : (!a.failed && b.failed);
  });
  for (std::size_t i = 0; i < kListCount; ++i) thresholds_[i] = rules.indicators[i].threshold;
  events_.reserve(2 * scopes.size());
  {
    std::array<std::size_t, kListCount> per_list{};
    for (const Record& r : e.records) ++per_list[static_cast<std::size_t>(r.list)];
    for (std::size_t i = 0; i < kListCount; ++i) spans_[i].reserve(per_list[i]);
  }
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    const RecordScope& s = scopes[i];
    if (!s.in_scope || s.span.from >= s.span.until) continue;
    const auto li = static_cast<std::uint8_t>(e.records[i].list);
    spans_[li].push_back(s.span);
    breakpoints_.push_back(s.span.from);
    events_.push_back({s.span.from, li, +1});
    if (s.span.until != kNever) {
      breakpoints_.push_back(s.span.until);
      events_.push_back({s.span.until, li, -1});
    }
  }
  std::sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) { return a.day < b.day; });
  std::sort(breakpoints_.begin(), breakpoints_.end());
  breakpoints_.erase(std::unique(breakpoints_.begin(), breakpoints_.end()), breakpoints_.end());
}

bool Timeline::basic_fails(int k, Day t) const {
  switch (k) {
    case 0:  // 6.1.1: incorporated at least 18 months
      return t < incorporated_plus_;
    case 1: {  // 6.1.2: 6 months since the latest application, if it failed
      const PreviousAt* latest = nullptr;
      for (const PreviousAt& p : previous_) {
        if (p.result_on > t) break;
        latest = &p;
      }
      return latest && latest->failed && t < add_months(latest->result_on, months_after_failure_);
    }
    case 2: {  // 6.1.3: 18 months after the latest failure for false information
      const PreviousAt* latest = nullptr;
      for (const PreviousAt& p : previous_) {
        if (p.result_on > t) break;
        if (p.false_information) latest = &p;
      }
      return latest && t < add_months(latest->result_on, months_after_false_);
    }
  }
  return false;
}

ItemMask Timeline::failing_at(Day t) const {
  ItemMask m = 0;
  for (int k = 0; k < kBasicCount; ++k)
    if (basic_fails(k, t)) m |= static_cast<ItemMask>(1u << k);
  for (std::size_t i = 0; i < kListCount; ++i) {
    int n = 0;
    for (const Span& s : spans_[i])
      if (s.contains(t) && ++n >= thresholds_[i]) {
        m |= static_cast<ItemMask>(1u << (kBasicCount + i));
        break;
      }
  }
  return m;
}

Day Timeline::first_pass(ItemMask items, Day from, bool strictly_after) const {
  if (!strictly_after && (failing_at(from) & items) == 0) return from;
  auto it = std::upper_bound(breakpoints_.begin(), breakpoints_.end(), from);
  for (; it != breakpoints_.end(); ++it)
    if ((failing_at(*it) & items) == 0) return *it;
  return kNever;
}

std::size_t Timeline::count_at(std::size_t list, Day t) const {
  std::size_t n = 0;
  for (const Span& s : spans_[list]) n += s.contains(t);
  return n;
}

// A sweep over the breakpoints after `on`: the counts per indicator move with the events, so the
// whole projection is O(n log n) in the number of records.
Projection project(const Timeline& tl, Day on) {
  Projection p;
  p.failing = tl.failing_at(on);
  ItemMask pending = p.failing;
  if (p.failing == 0) p.earliest_pass = on;
  bool earliest_pending = p.failing != 0;
  if (pending == 0) return p;
  std::array<std::size_t, kListCount> count{};
  for (std::size_t li = 0; li < kListCount; ++li) count[li] = tl.count_at(li, on);
  const std::vector<Timeline::Event>& ev = tl.events();
  auto next = std::upper_bound(ev.begin(), ev.end(), on, [](Day d, const Timeline::Event& e) { return d < e.day; });
  const std::vector<Day>& bps = tl.breakpoints();
  for (auto it = std::upper_bound(bps.begin(), bps.end(), on); it != bps.end(); ++it) {
    const Day t = *it;
    for (; next != ev.end() && next->day <= t; ++next)
      count[next->list] = static_cast<std::size_t>(static_cast<long long>(count[next->list]) + next->delta);
    ItemMask m = 0;
    for (int k = 0; k < kBasicCount; ++k)
      if (tl.basic_fails_at(k, t)) m |= static_cast<ItemMask>(1u << k);
    for (std::size_t li = 0; li < kListCount; ++li)
      if (count[li] >= static_cast<std::size_t>(tl.threshold(li))) m |= static_cast<ItemMask>(1u << (kBasicCount + li));
    const ItemMask cleared = pending & static_cast<ItemMask>(~m);
    for (int k = 0; k < kItemCount; ++k)
      if (cleared & (1u << k)) p.clears_on[static_cast<std::size_t>(k)] = t;
    pending &= m;
    if (earliest_pending && m == 0) {
      p.earliest_pass = t;
      earliest_pending = false;
    }
    if (pending == 0 && !earliest_pending) break;
  }
  return p;
}

}  // namespace nvcheck

namespace nvcheck {
namespace {

std::string iso(Day d) { return d == kNever ? std::string() : format_date(d); }

void beyond_calendar(std::vector<Warning>& ws, const std::string& record, int clause, std::size_t order,
                     const std::string& what) {
  Warning w;
  w.record = record;
  w.code = "beyond_calendar";
  w.args = {{"what", what}};
  w.clause = clause;
  w.order = order;
  ws.push_back(std::move(w));
}

// Reasons for the basic requirements (clause 6.1) at the evaluation date.
Reason basic_reason(int k, const Enterprise& e, const Rules& rules, Day on, bool met) {
  const std::string months = std::to_string(rules.basic[static_cast<std::size_t>(k)].months);
  if (k == 0)
    return {met ? "reason.basic.6.1.1.met" : "reason.basic.6.1.1.not_met",
            {{"incorporated_on", iso(e.incorporated_on)},
             {"reached_on", iso(add_months(e.incorporated_on, rules.basic[0].months))},
             {"months", months}}};
  // The latest application on or before the date (on a tie, a failure), and the latest
  // failure for false information.
  const PreviousApplication* latest = nullptr;
  const PreviousApplication* latest_false = nullptr;
  for (const PreviousApplication& p : e.previous) {
    if (p.result_on > on) continue;
    if (!latest || p.result_on > latest->result_on || (p.result_on == latest->result_on && p.failed)) latest = &p;
    if (p.failed && p.false_information && (!latest_false || p.result_on > latest_false->result_on)) latest_false = &p;
  }
  if (k == 1) {
    if (!latest) return {"reason.basic.6.1.2.none", {}};
    if (!latest->failed) return {"reason.basic.6.1.2.passed", {{"result_on", iso(latest->result_on)}}};
    return {met ? "reason.basic.6.1.2.met" : "reason.basic.6.1.2.not_met",
            {{"result_on", iso(latest->result_on)},
             {"until", iso(add_months(latest->result_on, rules.basic[1].months))},
             {"months", months}}};
  }
  if (!latest_false) return {"reason.basic.6.1.3.none", {}};
  return {met ? "reason.basic.6.1.3.met" : "reason.basic.6.1.3.not_met",
          {{"result_on", iso(latest_false->result_on)},
           {"until", iso(add_months(latest_false->result_on, rules.basic[2].months))},
           {"months", months}}};
}

Reason span_reason(std::string_view key, const Record& r, const RecordScope& s, const IndicatorDef& ind) {
  Reason reason;
  reason.key = key;
  reason.start = s.span.from;
  reason.end = r.end;
  reason.until = s.span.until;
  reason.valid_until = r.valid_until;
  reason.months = ind.window_months;
  reason.resolved_months = ind.resolved_window_months;
  reason.list = static_cast<int>(r.list);
  return reason;
}

// Text keys of counted and ended records, one per list (static storage for Reason::key).
struct ListKeys {
  std::array<std::string, kListCount> counts, counts_open, ended;
  ListKeys() {
    for (std::size_t i = 0; i < kListCount; ++i) {
      counts[i] = std::string("reason.counts.") + kListNames[i];
      counts_open[i] = std::string("reason.counts_open.") + kListNames[i];
      ended[i] = std::string("reason.ended.") + kListNames[i];
    }
  }
};
const ListKeys& list_keys() {
  static const ListKeys kKeys;
  return kKeys;
}

// 8.4 and 8.5: an enterprise that holds the mark (a first certification date on or before the
// evaluation date) and now fails would have its report updated, the 标识管理机构 notified, the mark
// cancelled and published. The failure holds at least since the date on which the records that
// count today made a failing indicator fail: its threshold-th earliest counting start (every
// such record counts from that start through the evaluation date); for a basic requirement, the
// evaluation date itself.
void certified_now_fails(std::vector<Warning>& ws, const Enterprise& e, const Evaluation& ev,
                         const std::vector<RecordScope>& scopes, const Rules& rules) {
  if (ev.pass || e.first_passed_on == kNever || e.first_passed_on > ev.on) return;
  Day since = kNever;
  bool complaints = false;
  for (int k = 0; k < kBasicCount; ++k)
    if (!ev.basic[static_cast<std::size_t>(k)].met) since = ev.on;
  for (std::size_t li = 0; li < kListCount; ++li) {
    const IndicatorOutcome& io = ev.indicators[li];
    if (!io.fails) continue;
    std::vector<Day> from;
    for (const RecordOutcome& ro : io.counted) from.push_back(scopes[ro.record].span.from);
    std::sort(from.begin(), from.end());
    const std::size_t k = static_cast<std::size_t>(std::max(1, rules.indicators[li].threshold));
    const Day d = from.size() >= k ? std::max(from[k - 1], e.first_passed_on) : ev.on;
    since = since == kNever ? d : std::min(since, d);
    complaints |= rules.indicators[li].counting == Counting::complaints;
  }
  if (since == kNever) since = ev.on;
  ws.push_back({"", "certified_now_fails", {{"first_passed_on", iso(e.first_passed_on)}, {"since", iso(since)}}, -1, 0});
  if (complaints) ws.push_back({"", "certified_complaints", {}, -1, 0});
}

}  // namespace

Evaluation evaluate(const Enterprise& e, const Rules& rules, Day on, std::vector<Warning> parse_warnings) {
  Evaluation ev;
  ev.on = on;
  std::vector<RecordScope> scopes = scope_records(e, rules);
  const Timeline tl(e, rules, scopes);
  const Projection p = project(tl, on);
  ev.pass = p.failing == 0;
  ev.earliest_pass = p.earliest_pass;
  std::vector<Warning>& ws = ev.warnings;
  ws = std::move(parse_warnings);
  const Day last = last_writable_day();

  // General warnings (8.7 registration status; the division code's region).
  const EnumDef& status = rules.enum_def("registration_status");
  if (e.registration_status >= 0 && static_cast<std::size_t>(e.registration_status) < status.values.size() &&
      status.values[static_cast<std::size_t>(e.registration_status)] != "subsisting")
  {
    ws.push_back({"", "registration_not_subsisting",
                  {{"status", status.values[static_cast<std::size_t>(e.registration_status)]}}, -1, 0});
    // 8.7: registration details changed; not notified in time, the mark is deemed cancelled.
    if (e.first_passed_on != kNever && e.first_passed_on <= on) ws.push_back({"", "registration_changed", {}, -1, 0});
  }
  const std::string& prefix = rules.division_prefix[static_cast<std::size_t>(e.region)];
  if (!e.division_code.empty() && !prefix.empty() && e.division_code.compare(0, prefix.size(), prefix) != 0)
    ws.push_back({"", "division_not_in_region",
                  {{"code", e.division_code}, {"region", kRegionCodes[static_cast<std::size_t>(e.region)]}}, -1, 0});

  for (int k = 0; k < kBasicCount; ++k) {
    BasicOutcome& b = ev.basic[static_cast<std::size_t>(k)];
    b.met = !(p.failing & (1u << k));
    b.clears_on = b.met ? kNever : p.clears_on[static_cast<std::size_t>(k)];
    b.reason = basic_reason(k, e, rules, on, b.met);
    if (!b.met && b.clears_on != kNever && b.clears_on > last)
      beyond_calendar(ws, "", -1, 0, rules.basic[static_cast<std::size_t>(k)].clause);
  }

  std::array<std::size_t, kListCount> order{};
  {
    std::array<std::size_t, kListCount> per_list{};
    for (const Record& r : e.records) ++per_list[static_cast<std::size_t>(r.list)];
    for (std::size_t li = 0; li < kListCount; ++li) {
      ev.indicators[li].counted.reserve(per_list[li]);
      ev.indicators[li].not_counted.reserve(per_list[li]);
    }
  }
  for (std::size_t i = 0; i < e.records.size(); ++i) {
    const Record& r = e.records[i];
    const std::size_t li = static_cast<std::size_t>(r.list);
    const IndicatorDef& ind = rules.indicators[li];
    RecordScope& s = scopes[i];
    IndicatorOutcome& io = ev.indicators[li];
    const std::size_t ord = order[li]++;
    const int clause = static_cast<int>(li);
    if (!s.in_scope) {
      if (s.out_of_scope.key == "reason.not_in_appendix" || s.out_of_scope.key == "reason.other_risk_list")
        ws.push_back({r.id, "not_in_appendix", s.out_of_scope.args, clause, ord});
      io.not_counted.push_back({i, kNever, std::move(s.out_of_scope)});
    } else if (s.span.contains(on)) {
      io.counted.push_back({i, s.span.until,
                            span_reason(s.span.until == kNever ? list_keys().counts_open[li] : list_keys().counts[li], r, s, ind)});
      io.counted.back().counts_from = s.span.from;
      if (r.disputed) ws.push_back({r.id, "counted_although_disputed", {{"clause", ind.clause}}, clause, ord});
      if (s.span.until != kNever && s.span.until > last) beyond_calendar(ws, r.id, clause, ord, "counts_until");
    } else if (s.span.from > on) {
      io.not_counted.push_back({i, kNever, span_reason("reason.not_yet", r, s, ind)});
    } else {
      io.not_counted.push_back({i, kNever, span_reason(list_keys().ended[li], r, s, ind)});
    }
    // 6.2.8 / 6.2.9: an unresolved valid complaint older than the received window no longer counts.
    if (ind.counting == Counting::complaints && s.in_scope &&
        r.start <= on && (r.end == kNever || r.end > on) && date_of(r, ind.window_from) != kNever &&
        add_months(date_of(r, ind.window_from), ind.window_months) <= on)
      ws.push_back({r.id, "unresolved_complaint_aged_out",
                    {{"received_on", iso(r.start)}, {"months", std::to_string(ind.window_months)}}, clause, ord});
  }
  for (std::size_t li = 0; li < kListCount; ++li) {
    IndicatorOutcome& io = ev.indicators[li];
    io.fails = (p.failing >> (kBasicCount + li)) & 1u;
    io.clears_on = io.fails ? p.clears_on[kBasicCount + li] : kNever;
    if (io.fails && io.clears_on != kNever && io.clears_on > last)
      beyond_calendar(ws, "", -1, 0, rules.indicators[li].clause);
  }
  if (ev.earliest_pass != kNever && ev.earliest_pass > last) beyond_calendar(ws, "", -1, 0, "earliest_pass_date");
  certified_now_fails(ws, e, ev, scopes, rules);
  std::stable_sort(ws.begin(), ws.end(), [](const Warning& a, const Warning& b) {
    return a.clause != b.clause ? a.clause < b.clause : a.order < b.order;
  });
  return ev;
}

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
