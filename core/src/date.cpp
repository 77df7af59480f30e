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

bool parse_date(std::string_view s, Day& out) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (int i = 0; i < len[f]; ++i) {
      const char c = s[static_cast<std::size_t>(start[f] + i)];
      if (c < '0' || c > '9') return false;
      v[f] = v[f] * 10 + (c - '0');
    }
  }
  if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1])) return false;
  out = days_from_civil(v[0], v[1], v[2]);
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
