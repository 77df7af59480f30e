// Calendar dates as day numbers: strict parsing, calendar-month arithmetic, formatting.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace nvcheck {

/// A calendar date as a count of days since 1970-01-01 (proleptic Gregorian calendar).
using Day = std::int32_t;

/// "No date": an open end (never) or a missing value. Sorts after every real date.
inline constexpr Day kNever = INT32_MAX;

/// Days from civil date (y, m, d); valid for any year the engine meets (0001 to past 9999).
Day days_from_civil(int y, int m, int d) noexcept;

struct CivilDate { int year, month, day; };
CivilDate civil_from_days(Day day) noexcept;

/// Strict `YYYY-MM-DD`, years 0001-9999, a real date. Returns false for anything else.
bool parse_date(std::string_view text, Day& out) noexcept;

/// `X + N months`: calendar arithmetic clamped to the last day of the month
/// (docs/rules.md "Dates": 2025-08-31 + 6 months = 2026-02-28; 2024-02-29 + 12 months = 2025-02-28).
/// kNever stays kNever.
Day add_months(Day day, int months) noexcept;

/// The last date that can be written: 9999-12-31.
Day last_writable_day() noexcept;

/// `YYYY-MM-DD` for a date within 0001-9999 (the caller checks last_writable_day()).
std::string format_date(Day day);
void append_date(std::string& out, Day day);
/// The same ten characters written at `buf`.
void write_date(char* buf, Day day) noexcept;

}  // namespace nvcheck
