// A record named by what it is (its kind, date, authority or platform; the id as a detail) and a
// JSON pointer of the enterprise file said in words, for every text a person reads (docs/formats.md
// "Texts"). One naming for reasons, warnings and errors.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nvcheck/enterprise.hpp"
#include "nvcheck/rules.hpp"

namespace nvcheck {

/// "the administrative penalty of 10 January 2026 (Guangzhou AMR, no. p1)",
/// "2026年1月10日的行政处罚（广州市市场监督管理局，编号 p1）".
std::string record_name(const Record& r, const Rules& rules, Lang lang);

/// Finds an enterprise's records by id (warnings) or by their place in the file (errors); built
/// once per output, so naming many records stays linear. The ids are sorted once a few by_id() have
/// read the records in order: an error names its record by place only, so an invalid result never
/// sorts them, and a result with a few warnings needs no sort.
class RecordFinder {
 public:
  explicit RecordFinder(const Enterprise* e);
  const Record* by_id(std::string_view id) const;
  /// The record at /records/LIST/position of the file.
  const Record* at(ListKind list, std::size_t position) const;

 private:
  const Enterprise* e_;
  mutable std::vector<std::pair<std::string_view, std::size_t>> ids_;  // sorted by id, once asked
  mutable bool ids_made_ = false;
  static constexpr int kLinearLookups = 8;  // look-ups before the ids are sorted
  mutable int linear_lookups_ = 0;
  std::array<std::size_t, kListCount + 1> start_{};  // records of list L: [start_[L], start_[L+1])
};

/// A JSON pointer of the enterprise file in words: the record and the field's label, the section
/// and the field's label, ...; "" for the whole file or a place the format does not name.
std::string place_words(std::string_view pointer, const RecordFinder& finder, const Rules& rules, Lang lang);

/// A sentence as it starts: its first letter a capital in English ("the penalty ..." -> "The penalty ...").
std::string sentence_start(std::string text, Lang lang);

/// The last key of a JSON pointer, unescaped ("~1" is "/", "~0" is "~").
std::string pointer_key(std::string_view pointer);

}  // namespace nvcheck
