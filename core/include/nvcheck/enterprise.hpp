// The enterprise file (`nvcheck/enterprise@1`) as typed records: dates are day numbers,
// enumerations are indices into the rule data's enumerations.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nvcheck/date.hpp"
#include "nvcheck/rules.hpp"

namespace nvcheck {

/// One earlier application (clause 6.1.2 / 6.1.3).
struct PreviousApplication {
  Day result_on = kNever;
  bool failed = false;
  bool false_information = false;
};

/// A record of any of the ten lists. Which fields mean what depends on `list`:
///   start: decided_on, started_on, nonperformance_from (kNever: performed in time), arose_on,
///          imposed_on, occurred_on, received_on, listed_on
///   end:   released_on, performed_on, closed_on, ended_on, resolved_on, removed_on (kNever: none)
///   enum_a/enum_b: field/type, subject/measure, case_type, subject/status, measure, measure,
///          measure, contract_type, form (indices into the rule data's enumerations; -1: none)
///   appendix_value / appendix_index: organization, platform, scheme, list (-1: no match)
struct Record {
  ListKind list{};
  std::uint32_t position = 0;   // its index in its list in the file (/records/LIST/position)
  std::string id;
  Day start = kNever;
  Day end = kNever;
  Day valid_until = kNever;     // risk lists
  Day decided_on = kNever;      // judgments: information only
  int enum_a = -1, enum_b = -1;
  int default_type = -1;        // complaints
  std::string appendix_value;
  int appendix_index = -1;
  bool flag = false;            // annulled (penalties), effective (judgments), valid (complaints)
  bool disputed = false;
  // Free text kept for the report: authority/court/organisation named in the record.
  std::string authority, cause, matter, source;
};

/// The enterprise as read from its file.
struct Enterprise {
  std::string name, id_code, legal_representative, address, enterprise_type, business_scope;
  Region region = Region::GD;
  std::string division_code;
  Day incorporated_on = kNever;
  int registration_status = -1;  // index into enum registration_status; -1: subsisting (default)
  Day application_date = kNever;
  std::vector<PreviousApplication> previous;
  Day first_passed_on = kNever, last_review_on = kNever;
  std::string institution;
  std::vector<Record> records;  // in file order, list by list
};

/// An input error (docs/formats.md "Input errors"): JSON pointer, stable code, and arguments for its message.
struct InputError {
  std::string path, code;
  std::vector<std::pair<std::string_view, std::string>> args;
};

/// A warning: record id (empty: general), stable code, message arguments, and its sort key.
struct Warning {
  std::string record, code;
  std::vector<std::pair<std::string_view, std::string>> args;
  int clause = -1;        // -1: general; else indicator index
  std::size_t order = 0;  // input order within the clause
};

/// Limits on what a file may hold (issue 6); a real enterprise is far below them.
struct Limits {
  std::size_t max_bytes = 8u << 20;       // 8 MiB of JSON text
  std::size_t max_options_bytes = 1u << 20;  // 1 MiB of options JSON (room for the report's notes)
  std::size_t max_records_per_list = 10000;
  std::size_t max_string_bytes = 4096;
  std::size_t max_depth = 16;
  std::size_t max_previous = 1000;
  /// Keep the records' free text (authority, court, cause, matter, source)? A check does not
  /// need it; a plan and a report do.
  bool keep_free_text = true;
};

struct ParsedEnterprise {
  Enterprise enterprise;
  std::vector<InputError> errors;
  std::vector<Warning> warnings;  // unknown fields
};

/// Reads an enterprise file into typed records, collecting every input error at once.
/// This is the only place that knows the file's JSON shape.
ParsedEnterprise parse_enterprise(std::string_view json, const Rules& rules, const Limits& limits = {});

}  // namespace nvcheck
