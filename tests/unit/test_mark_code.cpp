// Clause 7.4: a presented mark code `RRRRRR III YYYYMMDD NNNN` (spaces optional) is well formed when
// it has a Greater Bay Area division code, an institution code, a real date and a random part.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"

namespace {

using namespace nvcheck;

const Rules& R() { return *builtin_rules(); }

// The message with the parts of the built-in rule data (6+3+8+4 digits, prefixes 44, 81, 82) filled in.
std::string msg(const char* key, std::vector<std::pair<std::string_view, std::string>> args = {}, Lang lang = Lang::en) {
  args.emplace_back("digits", "21");
  args.emplace_back("parts", "6+3+8+4");
  args.emplace_back("format", "RRRRRR III YYYYMMDD NNNN");
  args.emplace_back("prefixes", lang == Lang::en ? "44, 81 or 82" : "44、81 或 82");  // the regions' division_prefix
  return fill(R().text(std::string("mark_code.") + key, lang), args);
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

}  // namespace

TEST_SUITE("mark_code") {
  TEST_CASE("7.4 mark code: well-formed codes, with and without spaces, in the three regions") {
    struct Good {
      const char* code;
      const char* normalised;
      const char* first;
    };
    const Good goods[] = {
        {"440115 001 20250101 1234", "440115 001 20250101 1234", "2025-01-01"},
        {"440115001202501011234", "440115 001 20250101 1234", "2025-01-01"},
        {"440115001 20250101 1234", "440115 001 20250101 1234", "2025-01-01"},
        {"  440115  001  20250101  1234 ", "440115 001 20250101 1234", "2025-01-01"},
        {"440115\xE3\x80\x80" "001\xE3\x80\x80" "20250101\xE3\x80\x80" "1234", "440115 001 20250101 1234", "2025-01-01"},
        {"810000 123 20240229 0001", "810000 123 20240229 0001", "2024-02-29"},
        {"820000 999 20261231 9999", "820000 999 20261231 9999", "2026-12-31"},
        {"440100 000 00010101 0000", "440100 000 00010101 0000", "0001-01-01"},
    };
    for (const Good& g : goods) {
      INFO(g.code);
      const MarkCodeCheck c = check_mark_code(g.code, R(), Lang::en);
      CHECK(c.well_formed);
      CHECK(c.problems.empty());
      CHECK(c.notes.empty());
      CHECK(c.normalised == g.normalised);
      CHECK(c.first_evaluation == g.first);
      const DivisionCode* dc = R().division(std::string(g.normalised, 6));
      REQUIRE(dc != nullptr);
      CHECK(c.division_name == dc->name[Lang::en]);
    }
    CHECK(check_mark_code("820000 999 20261231 9999", R(), Lang::zh_Hant).division_name == "澳門特別行政區");
  }

  TEST_CASE("7.4 mark code: letters are not digits") {
    const MarkCodeCheck c = check_mark_code("44011A 001 20250101 1234", R(), Lang::en);
    CHECK_FALSE(c.well_formed);
    CHECK(has(c.problems, msg("not_digits")));
    CHECK(has(c.problems, msg("length", {{"count", "20"}})));
    CHECK(c.normalised.empty());
    CHECK(has(check_mark_code("440115-001-20250101-1234", R(), Lang::en).problems, msg("not_digits")));
  }

  TEST_CASE("7.4 mark code: too short, too long, empty") {
    CHECK(check_mark_code("440115 001 20250101 123", R(), Lang::en).problems ==
          std::vector<std::string>{msg("length", {{"count", "20"}})});
    CHECK(check_mark_code("440115 001 20250101 12345", R(), Lang::en).problems ==
          std::vector<std::string>{msg("length", {{"count", "22"}})});
    CHECK(check_mark_code("", R(), Lang::en).problems == std::vector<std::string>{msg("length", {{"count", "0"}})});
    CHECK_FALSE(check_mark_code("   ", R(), Lang::en).well_formed);
  }

  TEST_CASE("7.4 mark code: a division code outside the Greater Bay Area (44, 81, 82)") {
    for (const char* division : {"110000", "310000", "710000", "830000", "000000"}) {
      const MarkCodeCheck c = check_mark_code(std::string(division) + " 001 20250101 1234", R(), Lang::en);
      CHECK_FALSE(c.well_formed);
      CHECK(c.problems == std::vector<std::string>{msg("region", {{"division", division}})});
    }
    // Even when the length is wrong, the division is still checked: every reason at once.
    const MarkCodeCheck c = check_mark_code("110000 001 2025010 1234", R(), Lang::en);
    CHECK(has(c.problems, msg("length", {{"count", "20"}})));
    CHECK(has(c.problems, msg("region", {{"division", "110000"}})));
  }

  TEST_CASE("7.4 mark code: the first evaluation date must be a real date") {
    for (const char* date : {"20250230", "20251301", "20250000", "00000101", "20230229"}) {
      const MarkCodeCheck c = check_mark_code(std::string("440115 001 ") + date + " 1234", R(), Lang::en);
      CHECK_FALSE(c.well_formed);
      CHECK(c.problems == std::vector<std::string>{msg("date", {{"date", date}})});
    }
    const MarkCodeCheck both = check_mark_code("110000 001 20250230 1234", R(), Lang::en);
    CHECK(both.problems == std::vector<std::string>{msg("region", {{"division", "110000"}}), msg("date", {{"date", "20250230"}})});
  }

  TEST_CASE("7.4 mark code: spaces only between the four parts") {
    for (const char* code : {"4401 15001 20250101 1234", "440115 00 120250101 1234", "440115 001 2025 0101 1234"}) {
      INFO(code);
      const MarkCodeCheck c = check_mark_code(code, R(), Lang::en);
      CHECK_FALSE(c.well_formed);
      CHECK(c.problems == std::vector<std::string>{msg("spacing")});
    }
  }

  TEST_CASE("7.4 mark code: a GBA division missing from the rule data's list is a note, not a failure") {
    const MarkCodeCheck c = check_mark_code("449999 001 20250101 1234", R(), Lang::en);
    CHECK(c.well_formed);
    CHECK(c.problems.empty());
    CHECK(c.notes == std::vector<std::string>{msg("unknown_division", {{"division", "449999"}})});
    CHECK(c.division_name.empty());
    CHECK(check_mark_code("810001 001 20250101 1234", R(), Lang::en).well_formed);
    // The rule data's list holds the Nansha district, the nine cities' province and both SARs.
    for (const char* known : {"440000", "440100", "440115", "440300", "440400", "440600", "440700", "441200", "441300",
                              "441900", "442000", "810000", "820000"})
      CHECK_MESSAGE(R().division(known) != nullptr, known);
  }

  TEST_CASE("7.4 mark code: problems in the chosen language; JSON shape") {
    const MarkCodeCheck zh = check_mark_code("110000 001 20250101 1234", R(), Lang::zh_Hans);
    CHECK(zh.problems == std::vector<std::string>{msg("region", {{"division", "110000"}}, Lang::zh_Hans)});
    CHECK(mark_code_json(check_mark_code("440115 001 20250101 1234", R(), Lang::en)) ==
          "{\"well_formed\":true,\"code\":\"440115 001 20250101 1234\",\"division\":\"440115\",\"division_name\":"
          "\"Nansha District, Guangzhou\",\"first_evaluation\":\"2025-01-01\",\"problems\":[],\"notes\":[]}");
    CHECK(mark_code_json(check_mark_code("110000 001 20250101 1234", R(), Lang::en)) ==
          "{\"well_formed\":false,\"code\":null,\"division\":null,\"division_name\":null,\"first_evaluation\":null,"
          "\"problems\":[\"Division code 110000 is not in the Greater Bay Area (it must start with 44, 81 or 82).\"],\"notes\":[]}");
  }
}
