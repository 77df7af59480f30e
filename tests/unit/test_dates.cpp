// docs/rules.md "Dates": strict parsing and calendar-month arithmetic clamped to the month's end.
#include <doctest/doctest.h>

#include "nvcheck/date.hpp"

using namespace nvcheck;

static Day d(const char* s) {
  Day out = kNever;
  REQUIRE_MESSAGE(parse_date(s, out), s);
  return out;
}
static std::string plus(const char* s, int months) { return format_date(add_months(d(s), months)); }

TEST_SUITE("dates") {
  TEST_CASE("Dates: X + N months clamps to the month's last day") {
    CHECK(plus("2025-08-31", 6) == "2026-02-28");
    CHECK(plus("2024-02-29", 12) == "2025-02-28");
    CHECK(plus("2024-02-29", 48) == "2028-02-29");
    CHECK(plus("2025-01-31", 1) == "2025-02-28");
    CHECK(plus("2024-01-31", 1) == "2024-02-29");
    CHECK(plus("2025-03-31", 1) == "2025-04-30");
    CHECK(plus("2025-10-31", 6) == "2026-04-30");
    CHECK(plus("2025-12-15", 1) == "2026-01-15");
    CHECK(plus("2025-12-31", 12) == "2026-12-31");
    CHECK(plus("2025-11-30", 3) == "2026-02-28");
    CHECK(plus("2025-06-15", 36) == "2028-06-15");
    CHECK(plus("0001-01-01", 0) == "0001-01-01");
    CHECK(add_months(kNever, 12) == kNever);
  }

  TEST_CASE("Dates: year ends and day numbers round-trip") {
    CHECK(d("2025-12-31") + 1 == d("2026-01-01"));
    CHECK(d("1970-01-01") == 0);
    CHECK(d("2000-03-01") - d("2000-02-28") == 2);  // 2000 is a leap year
    CHECK(d("1900-03-01") - d("1900-02-28") == 1);  // 1900 is not
    for (const char* s : {"0001-01-01", "0400-02-29", "1999-12-31", "2026-11-25", "9999-12-31"})
      CHECK(format_date(d(s)) == s);
    CHECK(last_writable_day() == d("9999-12-31"));
    CHECK(add_months(d("9999-06-01"), 12) > last_writable_day());
  }

  TEST_CASE("Dates: every day of years 1-9999 reads as days_from_civil gives it, and writes back the same") {
    // parse_date works the day number out on its own (32-bit, no negative era): both must agree.
    std::size_t wrong = 0;
    const Day first = days_from_civil(1, 1, 1);
    for (Day day = first; day <= last_writable_day(); ++day) {
      const std::string s = format_date(day);
      const CivilDate c = civil_from_days(day);
      Day read = kNever;
      if (!parse_date(s, read) || read != day || days_from_civil(c.year, c.month, c.day) != day) {
        if (++wrong < 5) FAIL_CHECK("day " << day << " written " << s << " read " << read);
      }
    }
    CHECK(wrong == 0);
    CHECK(last_writable_day() - first + 1 == 3652059);  // days in years 1-9999 of the proleptic Gregorian calendar
  }

  TEST_CASE("Dates: anything but a real YYYY-MM-DD is rejected") {
    Day out;
    for (const char* s : {"", "2025-2-3", "2025-02-3", "25-02-03", "2025/02/03", "2025-02-30", "2025-02-29",
                          "2023-02-29", "0000-01-01", "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32",
                          " 2025-01-01", "2025-01-01 ", "2025-01-01T00:00", "２０２５-01-01", "2025-04-31",
                          "+2025-01-01", "abcd-ef-gh"})
      CHECK_MESSAGE(!parse_date(s, out), s);
    CHECK(parse_date("2024-02-29", out));
    CHECK(parse_date("9999-12-31", out));
  }
}
