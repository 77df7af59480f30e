// Day numbers and calendar-month arithmetic; no time zone, no clock.
#include "nvcheck/date.hpp"

namespace nvcheck {

// Howard Hinnant's days_from_civil / civil_from_days, on 64-bit intermediates.
Day days_from_civil(int y, int m, int d) noexcept {
  std::int64_t yy = static_cast<std::int64_t>(y) - (m <= 2 ? 1 : 0);
  const std::int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  const std::int64_t yoe = yy - era * 400;
  const std::int64_t mp = (m + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<Day>(era * 146097 + doe - 719468);
}

CivilDate civil_from_days(Day day) noexcept {
  std::int64_t z = static_cast<std::int64_t>(day) + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

static bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) noexcept {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Every date of a file goes through here (dozens a file): the digits checked and read without a
// loop, and the day number worked out in 32-bit unsigned arithmetic, which a year 1-9999 allows
// (days_from_civil above without its negative era; the same number, tests/unit/test_dates.cpp).
bool parse_date(std::string_view s, Day& out) noexcept {
  if (s.size() != 10) return false;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[4] != '-' || p[7] != '-') return false;
  auto digit = [&](int i) { return static_cast<unsigned>(p[i]) - static_cast<unsigned>('0'); };  // > 9: not a digit
  const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3);
  const unsigned m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return false;
  const unsigned y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, m = m0 * 10 + m1, d = d0 * 10 + d1;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > static_cast<unsigned>(days_in_month(static_cast<int>(y), static_cast<int>(m))))
    return false;
  const unsigned yy = y - (m <= 2 ? 1u : 0u);
  const unsigned era = yy / 400, yoe = yy - era * 400;
  const unsigned mp = m > 2 ? m - 3 : m + 9;
  const unsigned doy = (153 * mp + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  out = static_cast<Day>(static_cast<int>(era * 146097 + doe) - 719468);
  return true;
}

Day add_months(Day day, int months) noexcept {
  if (day == kNever) return kNever;
  const CivilDate c = civil_from_days(day);
  const std::int64_t total = static_cast<std::int64_t>(c.year) * 12 + (c.month - 1) + months;
  const int y = static_cast<int>(total / 12);
  const int m = static_cast<int>(total % 12) + 1;
  const int dim = days_in_month(y, m);
  return days_from_civil(y, m, c.day < dim ? c.day : dim);
}

Day last_writable_day() noexcept {
  static const Day kLast = days_from_civil(9999, 12, 31);
  return kLast;
}

void append_date(std::string& out, Day day) {
  char buf[10];
  write_date(buf, day);
  out.append(buf, 10);
}

void write_date(char* buf, Day day) noexcept {
  const CivilDate c = civil_from_days(day);
  int y = c.year;
  for (int i = 3; i >= 0; --i) { buf[i] = static_cast<char>('0' + y % 10); y /= 10; }
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + c.month / 10);
  buf[6] = static_cast<char>('0' + c.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + c.day / 10);
  buf[9] = static_cast<char>('0' + c.day % 10);
}

std::string format_date(Day day) {
  std::string s;
  append_date(s, day);
  return s;
}

}  // namespace nvcheck
