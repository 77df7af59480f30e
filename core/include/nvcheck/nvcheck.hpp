// The library's doors: enterprise JSON text + options + rule data -> result, plan, report.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nvcheck/enterprise.hpp"
#include "nvcheck/evaluate.hpp"
#include "nvcheck/rules.hpp"

namespace nvcheck {

/// Options of every door (docs/formats.md "Options"): the evaluation date and the language. `today` is the
/// caller's local date, used when neither `on` nor the file's application.date is given: the
/// engine never reads a clock.
struct Options {
  Day on = kNever;
  Lang lang = Lang::en;
  Day today = kNever;
  bool all_languages = false;      // `lang: "all"`: the report only (Table E.1's three forms)
  // The report only (clause 8.8, 辅导和咨询): the consultant's name and the counselling notes, printed
  // escaped in the report's counselling section; never part of the enterprise, never evaluated.
  std::string consultant;
  std::string notes;                                               // on the enterprise as a whole
  std::vector<std::pair<std::string, std::string>> record_notes;  // record id, note (sorted by id)
  /// `detail: true`: the result also says where its evaluation date came from
  /// (`evaluated_on_source`) and when each counted record started counting (`counts_from`), so
  /// a view need not work them out (docs/formats.md "Options").
  bool detail = false;
  std::vector<InputError> errors;  // a bad option value is an input error
};

/// Reads `{"on": "YYYY-MM-DD", "lang": "en" | "zh-Hans" | "zh-Hant" | "all", "detail": bool}`; unknown keys ignored
/// ("all" is the trilingual report's; the other doors refuse it). The report also reads
/// `"consultant": "name"`, `"notes": "text"` and `"record_notes": {"record id": "text", ...}`.
Options parse_options(std::string_view options_json, Day today = kNever);

enum class Verdict { pass, fail, invalid };

struct Output {
  std::string text;
  Verdict verdict = Verdict::invalid;
  std::vector<std::string> errors;  // invalid: each input error's message, in the language
};

/// A parsed file with its evaluation date, or the errors that stop evaluation.
struct Prepared {
  ParsedEnterprise parsed;
  Day on = kNever;
  /// Where `on` came from: "on" (the caller's date), "application_date" (the file's) or "today".
  const char* on_source = "on";
  std::vector<InputError> errors;  // option errors and input errors together
  bool valid() const { return errors.empty(); }
};
Prepared prepare(std::string_view enterprise_json, const Options& options, const Rules& rules,
                 const Limits& limits = {});

/// `nvcheck/result@1` as compact JSON (one line, no newline).
Output check_json(std::string_view enterprise_json, const Options& options, const Rules& rules);
/// What the file gives once the plan's `actions` (a JSON array of the plan's action objects:
/// record, clause, action, done_on) are done: `{"schema":"nvcheck/what-if@1","changes":[...],
/// "result":{...}}`, the result being that of the file edited as a person would (each action's
/// record given its end date); the invalid result for an invalid file or an action the plan does
/// not offer (docs/formats.md "What if").
Output what_if_json(std::string_view enterprise_json, std::string_view actions_json, const Options& options,
                    const Rules& rules);
/// `nvcheck/plan@1` as compact JSON; for an invalid file, the invalid result.
Output plan_json(std::string_view enterprise_json, const Options& options, const Rules& rules);
/// A person's summary of the result / plan in the chosen language (several lines).
Output check_text(std::string_view enterprise_json, const Options& options, const Rules& rules);
Output plan_text(std::string_view enterprise_json, const Options& options, const Rules& rules);
/// The draft report (Appendix E layout) as one self-contained HTML document.
Output report_html(std::string_view enterprise_json, const Options& options, const Rules& rules);

/// The invalid result for errors found outside the engine (unreadable file: path "").
/// `e`: the file's records as far as they were read, to name the record an error is in.
std::string invalid_result_json(const std::vector<InputError>& errors, Day on, Lang lang, const Rules& rules,
                                const Enterprise* e = nullptr);
/// The same for people (`--format text`): the invalid verdict and each error's message.
std::string invalid_text(const std::vector<InputError>& errors, const Rules& rules, Lang lang,
                         const Enterprise* e = nullptr);
/// Each error's message in the language (Output::errors).
std::vector<std::string> error_messages(const std::vector<InputError>& errors, const Rules& rules, Lang lang,
                                        const Enterprise* e = nullptr);

/// Writers used by the doors above (exposed for tests and the report).
/// `on_source` (Prepared::on_source) given: the `detail` fields are written too.
std::string write_result(const Enterprise& e, const Evaluation& ev, const Rules& rules, Lang lang,
                         const char* on_source = nullptr);
std::string write_plan(const Enterprise& e, const Plan& plan, const Rules& rules, Lang lang);
/// Messages for people: where (the record by what it is, the field by its label; `e` the file's
/// records, null: a record by its id only) and what; never a JSON pointer.
std::string error_message(const InputError& err, const Rules& rules, Lang lang, const Enterprise* e = nullptr);
std::string warning_message(const Warning& w, const Rules& rules, Lang lang, const Enterprise* e = nullptr);
std::string reason_text(const Reason& r, const Rules& rules, Lang lang);
std::string action_text(const Enterprise& e, const Plan& plan, const PlanAction& a, const Rules& rules, Lang lang);
/// Who decides an action, in words: the enterprise itself, or the record's field its list's
/// end_event.decider names (an authority, a court, an appendix entry, a source), else the list's words.
std::string action_decider(const Enterprise& e, const PlanAction& a, const Rules& rules, Lang lang);
std::string wait_text(const Enterprise& e, const PlanWait& w, const Rules& rules, Lang lang);

/// A date for people: "30 June 2027" in English, "2027年6月30日" in Chinese.
std::string human_date(Day day, Lang lang);
/// Name of the clause's check (indicator names follow the enterprise's region, Table 1).
const std::string& item_name(const Rules& rules, int item, Region region, Lang lang);
/// Clause number of an item ("6.1.1" ... "6.2.10").
const std::string& item_clause(const Rules& rules, int item);

/// Clause 7.4: checks a presented mark code `RRRRRR III YYYYMMDD NNNN` (spaces optional).
struct MarkCodeCheck {
  bool well_formed = false;
  std::string normalised;             // digits grouped 6 3 8 4 when well formed
  std::vector<std::string> problems;  // each reason it is not well formed, in the language
  std::vector<std::string> notes;     // e.g. a division code missing from the rule data's list
  std::string division, division_name, first_evaluation;  // when well formed
};
MarkCodeCheck check_mark_code(std::string_view code, const Rules& rules, Lang lang);
std::string mark_code_json(const MarkCodeCheck& c);

/// Rule data summary for the page: id, version, and the rule data itself.
std::string rules_summary_json(const Rules& rules);

/// JSON string escaping per docs/formats.md "The result": UTF-8 as it came; only quote, backslash and control
/// characters escaped.
void append_json_string(std::string& out, std::string_view s);
/// The same without the quotes: `s` escaped as the inside of a JSON string.
void append_json_escaped(std::string& out, std::string_view s);
/// A user's string for a terminal (`--format text`): newline, CR, tab as \n \r \t, other control
/// characters (C0, DEL, C1, line/paragraph separators, bidirectional controls) as \xHH or \uHHHH.
std::string printable_text(std::string_view s);

}  // namespace nvcheck
