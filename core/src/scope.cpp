// Clause 6.2 of WQ-179 (6.2.1-6.2.10) on typed records: each record's scope under its indicator
// and its counting span, the days on which it counts (docs/rules.md "6.2 Indicators").
// The checks and the counting shape are the rule data's (indicators[]: checks, counting, window_months,
// window_from, resolved_window_months, one_off, in_scope).
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

Day date_of(const Record& r, DateSlot slot) {
  switch (slot) {
    case DateSlot::start: return r.start;
    case DateSlot::end: return r.end;
    case DateSlot::valid_until: return r.valid_until;
    case DateSlot::information_date: return r.decided_on;
  }
  return kNever;
}

namespace {

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

}  // namespace nvcheck
