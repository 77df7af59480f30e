// Clauses 6.1 and 6.2 of WQ-179 over time: the file's timeline (what counts when, for the three
// basic requirements of 6.1 and the ten indicators of 6.2) and the projection from a date on
// (docs/rules.md "Projection"): what fails then, when each failing check clears, the earliest pass.
#include <algorithm>

#include "nvcheck/evaluate.hpp"

namespace nvcheck {

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
