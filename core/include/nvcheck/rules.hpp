// The standard as data: WQ-179's indicators, windows, appendix lists and three-language texts,
// loaded from the JSON under rules/ (never C++ constants).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nvcheck {

/// Output languages: simplified Chinese (Guangdong), traditional Chinese (Hong Kong, Macao), English.
enum class Lang : std::uint8_t { zh_Hans = 0, zh_Hant = 1, en = 2 };
inline constexpr std::array<const char*, 3> kLangCodes = {"zh-Hans", "zh-Hant", "en"};
bool parse_lang(std::string_view code, Lang& out) noexcept;

/// Regions of the Greater Bay Area, in Table 1's column order.
enum class Region : std::uint8_t { GD = 0, HK = 1, MO = 2 };
inline constexpr std::array<const char*, 3> kRegionCodes = {"GD", "HK", "MO"};

/// One text in the three languages; a missing language falls back to English.
struct Text3 {
  std::array<std::string, 3> v;
  const std::string& operator[](Lang l) const;
  bool empty() const { return v[0].empty() && v[1].empty() && v[2].empty(); }
};

/// The ten record lists (docs/formats.md "The ten record lists"), in Table 1 order (index = indicator index).
enum class ListKind : std::uint8_t {
  administrative_penalties, administrative_coercions, judgments, criminal_cases,
  self_regulatory_violations, community_violations, certification_violations,
  contract_complaints, commitment_complaints, risk_list_entries
};
inline constexpr int kListCount = 10;
inline constexpr std::array<const char*, kListCount> kListNames = {
    "administrative_penalties", "administrative_coercions", "judgments", "criminal_cases",
    "self_regulatory_violations", "community_violations", "certification_violations",
    "contract_complaints", "commitment_complaints", "risk_list_entries"};

/// An enumeration of the enterprise file (docs/formats.md; values and labels from the rule data).
struct EnumDef {
  std::string name;
  std::vector<std::string> values;
  std::vector<Text3> labels;
  std::vector<int> written;  // the values' indices in the order the rule data writes them (for people)
  int index_of(std::string_view value) const noexcept;  // -1 when unknown
};

/// An appendix entry (A organisations, B platforms, C schemes, D risk lists).
struct AppendixEntry {
  std::string id;
  std::string name;       // as printed
  Text3 display;          // name per language
  std::string region;     // Appendix A: GD | HK | MO
  std::string category;   // Appendix C: mandatory | voluntary
  Text3 body;             // Appendix C: the certifying body
  Text3 note;
};

/// Strings to indexes, found by a string_view without a copy (open addressing over the keys it
/// owns; an appendix's names are looked up for every record that names an organisation).
class NameIndex {
 public:
  /// The first value given for a key stays (as std::map::emplace).
  void add(std::string key, int value);
  /// The key's value, or -1.
  int find(std::string_view key) const;

 private:
  std::vector<std::pair<std::string, int>> slots_;  // value -1: an empty slot
  std::size_t used_ = 0;
};

struct Appendix {
  char letter = 'A';
  std::vector<AppendixEntry> entries;
  NameIndex by_key;  // normalised id / names / aliases -> entry index
  /// Matches a free string by id or any name (docs/rules.md "Appendix lists"); -1 when nothing matches.
  int match(std::string_view value) const;
};

/// A basic requirement of clause 6.1.
struct BasicRequirementDef {
  std::string clause, id;
  int months = 0;
  Text3 label, text;
};

/// How a record field's value is written (rule data `record_fields[].kind`).
enum class FieldKind : std::uint8_t { text, date, enumeration, boolean, appendix };
inline constexpr std::array<const char*, 5> kFieldKinds = {"text", "date", "enum", "bool", "appendix"};

/// What a record field is to the engine (rule data `record_fields[].role`): the typed slot of
/// Record it fills (docs/formats.md "The ten record lists").
enum class FieldRole : std::uint8_t {
  id, start, end, valid_until, information_date, scope, detail, appendix, flag, disputed,
  authority, cause, matter, source
};
inline constexpr std::array<const char*, 14> kFieldRoles = {
    "id", "start", "end", "valid_until", "information_date", "scope", "detail", "appendix", "flag",
    "disputed", "authority", "cause", "matter", "source"};

/// One field of a record list, resolved once when the rules load.
struct FieldDef {
  std::string name;
  FieldKind kind = FieldKind::text;
  FieldRole role = FieldRole::cause;
  bool required = false;
  const EnumDef* enumeration = nullptr;  // kind enum
  int appendix = -1;                     // kind appendix: 0-3 for Appendix A-D
  bool closed = false;                   // appendix: only its ids (or "other") are accepted
  std::string reason;                    // "reason.<x>": why this field can make a record not count
  int scope_slot = -1;                   // role scope: 0 = Record::enum_a, 1 = Record::enum_b
};

/// A record list's fields (rule data `record_fields.<list>`) with a look-up by key: candidates
/// bucketed by key length and first letter, built at load (a key is compared with one or two names).
struct ListDef {
  static constexpr std::size_t kMaxFields = 32;  // a record's fields seen are a 32-bit mask
  static constexpr std::size_t kBuckets = 32 * 26;
  std::vector<FieldDef> fields;
  std::vector<std::array<std::int8_t, 4>> slots;  // bucket -> field indexes (-1: none)
  bool overflow = false;                          // more than 4 names in a bucket: linear look-up
  std::array<int, 2> scope_field{{-1, -1}};       // Record::enum_a / enum_b fields
  std::uint32_t required_mask = 0;                // bit i: fields[i] is required (index())
  /// The field's index, or -1.
  int find(std::string_view key) const;
  /// The same, trying first the field after `previous` (a record's keys usually come in the
  /// order of its fields: one comparison instead of a bucket's).
  int find_after(int previous, std::string_view key) const;
  void index();
  static std::size_t bucket(std::string_view k) {
    const unsigned char c = static_cast<unsigned char>(k[0]);
    return (k.size() & 31) * 26 + (c >= 'a' && c <= 'z' ? c - 'a' : 0);
  }
};

/// A record date the engine keeps (the date-valued roles).
enum class DateSlot : std::uint8_t { start, end, valid_until, information_date };

/// The counting shapes of clause 6.2 (rule data `indicators[].counting`); everything else about an
/// indicator is data.
enum class Counting : std::uint8_t {
  window,        // 6.2.1, 6.2.7: from a date for window_months
  during,        // 6.2.2-6.2.6: while the measure lasts, and window_months from window_from
  complaints,    // 6.2.8, 6.2.9: received within window_months, unresolved or resolved within resolved_window_months
  while_listed,  // 6.2.10: listed, not removed, within its validity
};
inline constexpr std::array<const char*, 4> kCountings = {"window", "during", "complaints", "while_listed"};

/// The conditions checked before a record's span, in the order the data gives (`checks`; default
/// appendix, flags, in_scope): the first that fails gives the reason.
enum class Check : std::uint8_t { appendix, flags, in_scope };
inline constexpr std::array<const char*, 3> kChecks = {"appendix", "flags", "in_scope"};

/// One indicator of Table 1 / clause 6.2.
struct IndicatorDef {
  std::string clause, id, group;
  ListKind list{};
  int threshold = 1;               // fails when at least this many records count
  int window_months = 0;           // the clause's window
  int resolved_window_months = 0;  // 6.2.8 / 6.2.9: after resolution
  Counting counting = Counting::window;
  std::vector<Check> checks;
  DateSlot window_from = DateSlot::start;  // the date the window runs from (`window_from`)
  int window_from_field = -1;              // its field in the list (for a reason when it is absent)
  /// in_scope[field] = bitmask over that field's enum values (bit i = value i is in scope).
  std::map<std::string, std::uint64_t, std::less<>> in_scope;
  /// The same for a record's first and second enumeration field (Record::enum_a, enum_b), read
  /// once at load: scope_restricted[k] false means every value is in scope.
  std::array<std::uint64_t, 2> scope_mask{};
  std::array<bool, 2> scope_restricted{};
  /// The names and labels of those two fields ("field.<name>" in the texts) and their
  /// enumerations, for the out-of-scope reason (labels set by Rules::index_names(); null when
  /// the rule data lacks them).
  std::array<std::string, 2> scope_field;
  std::array<const Text3*, 2> scope_field_label{};
  std::array<const EnumDef*, 2> scope_enum{};
  std::uint64_t one_off = 0;       // 6.2.5 / 6.2.6: bitmask over the first scope field's values
  /// `flags`: the record's boolean field and the value with which it counts (-1: no flag).
  int flag_field = -1;
  bool flag_counts = true;
  int appendix = -1;               // 0-3: the Appendix A-D its `appendix_field` refers to
  int appendix_field = -1;
  /// `end_event`: the plan's action that brings the end event about, and who takes it ("" none).
  std::string end_action, end_by;
  /// `end_event.decider`: the record's field that names who decides the end event (an authority,
  /// a court, an appendix entry, a list's source); -1: the list's generic name ("decider.<list>").
  int decider_field = -1;
  /// The label of the `window_from` field ("records.<list>.<field>"), set by Rules::index_names()
  /// for the reasons' {window_from}; null when the rule data lacks it.
  const Text3* window_from_label = nullptr;
  std::array<Text3, 3> names;      // per Region
  Text3 description, source, question, requirements;
};

/// A column of a record table in the report (Appendix E, Table E.1; rule data
/// `report_columns.<list>`, in the printed order): the record field it shows, the fields shown
/// under it, and its head.
struct ReportColumn {
  std::string head;          // the printed label "report.e1.col.<head>"; "": the field's label
  int field = -1;            // the field shown (an index into the list's fields)
  std::vector<int> under;    // fields shown under it, joined by " · "
  bool category = false;     // `show: category`: the appendix entry's category (Appendix C)
  const Text3* label = nullptr;  // the field's label (set by Rules::index_names(); null: none)
};

struct GroupDef { std::string id, clause; Text3 label, intro; std::vector<int> indicators; };
struct DivisionCode { std::string code; Text3 name; };
/// A part of the mark code (clause 7.4; rule data `mark.parts`).
struct MarkPart { std::string id, format; int digits = 0; };

class RulesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A text of one language cut at its `{placeholders}` once, when the rules load, so that the
/// renderer (core/src/render.cpp) does not scan it for every reason it writes: literal pieces as
/// written and as the inside of a JSON string, and the placeholders' names.
struct TextTemplate {
  struct Piece {
    bool placeholder = false;
    std::string text;  // the literal, or the placeholder's name
    std::string json;  // the literal escaped for a JSON string; for a placeholder, "{name}" escaped
  };
  std::vector<Piece> pieces;
  /// False when a placeholder's name holds a '{' (the renderer then reads the text itself).
  bool cut = false;
};
/// Cuts `text` into its pieces.
TextTemplate cut_text(std::string_view text);

/// Everything the engine knows of the standard, loaded once.
struct Rules {
  std::string id, version;
  Text3 title, mark_name;
  std::array<Text3, 3> region_labels;
  std::array<std::string, 3> division_prefix;
  std::vector<GroupDef> groups;
  std::array<BasicRequirementDef, 3> basic;
  std::array<IndicatorDef, kListCount> indicators;
  std::array<ListDef, kListCount> lists;  // record_fields, per list in Table 1 order
  /// report_columns, per list: the report's record table columns (without it, every field but
  /// the id, the flags and the dispute, in the data's order, headed by their labels).
  std::array<std::vector<ReportColumn>, kListCount> report_columns;
  std::map<std::string, EnumDef, std::less<>> enums;
  std::array<Appendix, 4> appendices;  // A, B, C, D
  std::vector<DivisionCode> division_codes;
  std::string colour;                  // mark.colour (7.3)
  std::vector<MarkPart> mark_parts;    // mark.parts (7.4), in the code's order
  // 7.3: the mark's pattern, font and sizes in pt (rule data `mark.style`).
  std::string mark_pattern = "IC", mark_font = "Times New Roman";
  int mark_main_size = 96, mark_english_size = 18;
  std::map<std::string, Text3, std::less<>> texts;  // messages and labels by key ("reason.annulled", ...)
  /// The labels of the file's fields, to say where an error is: "records.LIST.FIELD",
  /// "enterprise.FIELD", "application.FIELD", "certification.FIELD" (wq179.json `*_fields`).
  std::map<std::string, Text3, std::less<>> field_labels;
  std::string standard_json;           // the rule data as given (for `nvcheck rules`)
  std::string summary_json;            // the same with its numbers in the texts filled ("" when none)
  std::string texts_json;
  // Which set this is (issue 15): the documents' digest (nvcheck/rules_identity.hpp), computed
  // once at load, and whether it differs from the built-in set's (an edited rule set).
  std::string digest;
  bool edited = true;

  const EnumDef& enum_def(std::string_view name) const;
  /// Text by key in a language; the key itself when the rule data lacks it.
  const std::string& text(std::string_view key, Lang lang) const;
  /// The same text cut at its placeholders; null when the rule data lacks the key.
  const TextTemplate* text_template(std::string_view key, Lang lang) const;
  const DivisionCode* division(std::string_view code) const;

  /// Indexes enums and texts by name for enum_def() and text() (a hash lookup instead of the
  /// maps' string compares, which every record's enumerations and reasons need); load_rules()
  /// calls it once the data is complete. The index points into this object: it is not copied.
  void index_names();
  Rules() = default;
  Rules(const Rules&) = delete;
  Rules& operator=(const Rules&) = delete;

 private:
  NameIndex enum_index_, text_index_;
  std::vector<const EnumDef*> enum_at_;
  std::vector<const Text3*> text_at_;
  std::vector<std::array<TextTemplate, 3>> text_templates_;  // text_at_'s texts, per language
  // Keys asked for that the rule data lacks, given back as their own text (rare: rule data
  // checked by check_rules has every key the engine asks for). Owned here, so a text never
  // outlives its rules; the mutex because one Rules serves several threads (--jobs).
  mutable std::mutex missing_mutex_;
  mutable std::set<std::string, std::less<>> missing_;
};

/// Loads the standard's data and any number of text documents (merged key by key).
/// Throws RulesError naming what is wrong.
std::shared_ptr<const Rules> load_rules(std::string_view standard_json,
                                        const std::vector<std::string_view>& text_jsons);
/// The rule data built into the engine (builtin_rules()), from the files under rules/ and their
/// digest as the build wrote them: loaded without check_rules(), which the tests run on the same
/// files (tests/unit/test_rules_check.cpp), and without hashing them again. Only for those files:
/// any other rule data goes through load_rules().
std::shared_ptr<const Rules> load_builtin_rules(std::string_view standard_json,
                                                const std::vector<std::string_view>& text_jsons,
                                                std::string_view digest);

/// Replaces `{name}` placeholders with values; unknown placeholders stay as written.
std::string fill(std::string_view tpl, const std::vector<std::pair<std::string_view, std::string>>& args);

}  // namespace nvcheck
