// Evaluation of clauses 6.1 and 6.2 at a date, and the projection over the file's timeline
// (docs/rules.md "Projection") and the route to passing (docs/rules.md "Route to passing").
// One job per source file: core/src/scope.cpp (6.2: a record's scope and counting span),
// timeline.cpp (the timeline and the projection), evaluate.cpp (the evaluation at a date and its
// warnings), plan.cpp (8.8: the route to passing).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "nvcheck/enterprise.hpp"

namespace nvcheck {

/// Why a record counts or not, as a text key and its arguments (rendered in the chosen language
/// only when written). `key` refers to static storage. The record's dates are kept as day numbers
/// and formatted only if the text uses them ({start}, {end}, {until}, {valid_until}, {months},
/// {resolved_months}).
struct Reason {
  std::string_view key;
  std::vector<std::pair<std::string_view, std::string>> args;
  Day start = kNever, end = kNever, until = kNever, valid_until = kNever;
  int months = 0, resolved_months = 0;
  // reason.out_of_scope, typed: the clause, and which of the record's enumeration fields
  // (IndicatorDef::scope_*[scope_second]) holds which value; rendered as their labels.
  std::string_view clause{};
  int scope_list = -1, scope_value = -1;
  bool scope_second = false;
  // A counted or ended record's list (its indicator's {window_from}: the label of the date its
  // window runs from); -1 when the text has none.
  int list = -1;
};

/// The days on which a record counts: [from, until); until == kNever: open-ended.
struct Span {
  Day from = kNever, until = kNever;
  bool contains(Day t) const { return from <= t && t < until; }
};

/// A record's scope under its indicator, independent of the date: in scope with a span,
/// or out of scope with a reason.
struct RecordScope {
  bool in_scope = false;
  Span span;
  Reason out_of_scope;  // when !in_scope
};

/// One record's scope under its indicator.
RecordScope scope_record(const Record& r, const Rules& rules);
/// Per-record scope for every record of the enterprise (same order as Enterprise::records).
std::vector<RecordScope> scope_records(const Enterprise& e, const Rules& rules);
/// The record's date in a slot (an indicator's window_from); kNever when the record has none.
Day date_of(const Record& r, DateSlot slot);

/// The thirteen checks: three basic requirements then ten indicators.
inline constexpr int kBasicCount = 3;
inline constexpr int kItemCount = kBasicCount + kListCount;
using ItemMask = std::uint16_t;
inline constexpr ItemMask kAllItems = (1u << kItemCount) - 1;

/// The file's timeline: what counts when, for the three requirements and ten indicators.
class Timeline {
 public:
  Timeline(const Enterprise& e, const Rules& rules, const std::vector<RecordScope>& scopes);
  /// Checks that fail at t (bit i: item i).
  ItemMask failing_at(Day t) const;
  /// First date t >= from (or > from when strictly) at which none of `items` fails; kNever if none.
  Day first_pass(ItemMask items, Day from, bool strictly_after) const;
  /// Every date on which something starts or stops counting, sorted.
  const std::vector<Day>& breakpoints() const { return breakpoints_; }
  /// A record starts (+1) or stops (-1) counting under indicator `list` on `day`; sorted by day.
  struct Event { Day day; std::uint8_t list; std::int8_t delta; };
  const std::vector<Event>& events() const { return events_; }
  int threshold(std::size_t list) const { return thresholds_[list]; }
  bool basic_fails_at(int k, Day t) const { return basic_fails(k, t); }
  std::size_t count_at(std::size_t list, Day t) const;

 private:
  struct PreviousAt { Day result_on; bool failed; bool false_information; };
  Day incorporated_plus_ = kNever;
  int months_after_failure_ = 0, months_after_false_ = 0;  // the rule data's 6.1.2 and 6.1.3 months
  std::vector<PreviousAt> previous_;  // sorted by result_on, failures after passes on a tie
  std::array<std::vector<Span>, kListCount> spans_;
  std::array<int, kListCount> thresholds_{};
  std::vector<Day> breakpoints_;  // sorted, unique
  std::vector<Event> events_;
  bool basic_fails(int k, Day t) const;
};

/// What the timeline says from a date on: what fails then, when each failing check first
/// passes (clears_on, kNever: never on the timeline), and the first date everything passes.
struct Projection {
  ItemMask failing = 0;
  std::array<Day, kItemCount> clears_on = filled_never();
  Day earliest_pass = kNever;
  static std::array<Day, kItemCount> filled_never() {
    std::array<Day, kItemCount> a{};
    a.fill(kNever);
    return a;
  }
};
Projection project(const Timeline& tl, Day on);

struct RecordOutcome {
  std::size_t record = 0;  // index into Enterprise::records
  Day counts_until = kNever;
  Reason reason;
  Day counts_from = kNever;  // counted: the first day of its counting window
};

struct IndicatorOutcome {
  bool fails = false;
  std::vector<RecordOutcome> counted, not_counted;
  Day clears_on = kNever;
};

struct BasicOutcome {
  bool met = true;
  Day clears_on = kNever;
  Reason reason;
};

/// The result of a check at one date.
struct Evaluation {
  Day on = kNever;
  bool pass = false;
  std::array<BasicOutcome, kBasicCount> basic;
  std::array<IndicatorOutcome, kListCount> indicators;
  Day earliest_pass = kNever;
  std::vector<Warning> warnings;  // general first, then by clause and input order
};

/// The pure engine: (enterprise, rules, date) -> evaluation. `parse_warnings` are merged in.
Evaluation evaluate(const Enterprise& e, const Rules& rules, Day on,
                    std::vector<Warning> parse_warnings = {});

/// An action of the route to passing: one record's end event done on D.
struct PlanAction {
  std::size_t record = 0;
  int indicator = 0;
  std::string action, decided_by;
  Day counts_until = kNever, clause_clears_on = kNever, earliest_pass = kNever;
  bool changes_nothing = false;
};

struct PlanWait { int item = 0; Day clears_on = kNever; };

struct Plan {
  Evaluation evaluation;
  Day earliest_pass_all_actions = kNever;
  std::vector<PlanAction> actions;
  bool has_disputes = false;
  std::vector<std::size_t> disputed_records;
  bool disputes_pass = false;
  Day disputes_earliest_pass = kNever;
  std::vector<PlanWait> waits;
};

/// How make_plan projects each action: from one sweep of the file's timeline (the engine's way),
/// or on a whole new timeline of the file with the action done (the exact way it falls back to,
/// and the tests' reference for the sweep: tests/unit/test_plan_differential.cpp).
enum class ActionProjection : std::uint8_t { one_sweep, whole_timeline };

/// The route to passing (clause 8.8 counselling), computed by the same projection on copies of
/// the enterprise with one thing changed.
Plan make_plan(const Enterprise& e, const Rules& rules, Day on, std::vector<Warning> parse_warnings = {},
               ActionProjection how = ActionProjection::one_sweep);

}  // namespace nvcheck
