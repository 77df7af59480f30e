// The evaluation at a date (clauses 6.1 and 6.2 of WQ-179, with the warnings of 8.4, 8.5 and 8.7):
// the verdict from the projection, each requirement's and each record's reason, the warnings.
#include <algorithm>

#include "nvcheck/evaluate.hpp"

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

}  // namespace nvcheck
