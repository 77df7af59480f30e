// The engine's JSON reader accepts exactly what nlohmann_json's strict parser accepts, and reports
// the same events: a differential test on tricky input, the golden cases and random mutations.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../../core/src/json_dom.hpp"

namespace {

using json = nlohmann::json;

// Writes every event as text; both readers must write the same.
struct Recorder {
  std::string log;
  bool null() { log += "n;"; return true; }
  bool boolean(bool b) { log += b ? "t;" : "f;"; return true; }
  bool number_integer(json::number_integer_t v) { log += "i" + std::to_string(v) + ";"; return true; }
  bool number_unsigned(json::number_unsigned_t v) { log += "u" + std::to_string(v) + ";"; return true; }
  bool number_float(json::number_float_t v, const std::string&) {
    std::ostringstream s;
    s.precision(17);
    s << v;
    log += "d" + s.str() + ";";
    return true;
  }
  // nlohmann_json passes std::string&, the engine's reader a std::string_view.
  bool string(std::string& s) { return string(std::string_view(s)); }
  bool string(std::string_view s) { log += "s" + std::to_string(s.size()) + ":" + std::string(s) + ";"; return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { log += "{"; return true; }
  bool key(std::string& s) { return key(std::string_view(s)); }
  bool key(std::string_view s) { log += "k" + std::to_string(s.size()) + ":" + std::string(s) + ";"; return true; }
  bool end_object() { log += "}"; return true; }
  bool start_array(std::size_t) { log += "["; return true; }
  bool end_array() { log += "]"; return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

// "ok:<events>" or "error".
std::string with_nlohmann(const std::string& text) {
  Recorder r;
  const bool ok = json::sax_parse(text.begin(), text.end(), &r, json::input_format_t::json, true, false);
  return ok ? "ok:" + r.log : "error";
}
std::string with_engine(const std::string& text) {
  Recorder r;
  const auto out = nvcheck::json_sax::parse(text, r);
  return out.status == nvcheck::json_sax::Status::ok ? "ok:" + r.log : "error";
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST_SUITE("hostile") {
  TEST_CASE("JSON reader: tricky documents give the same answer as nlohmann_json") {
    const char* docs[] = {
        "", " ", "{}", "[]", "[[]]", "{\"a\":[1,2,{\"b\":null}]}", "  {\"a\" : true , \"b\":false }  ",
        "\xEF\xBB\xBF{}", "\xEF\xBB{}", "\xEF\xBB\xBF", "{}\xEF\xBB\xBF", "1", "-0", "0", "01", "-01", "1.", ".5",
        "1e5", "1E+5", "1e-5", "1e", "1e+", "-", "--1", "+1", "1.5e308", "1e309", "-1e400", "18446744073709551615",
        "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
        "\"\"", "\"a\\u0000b\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"",
        "\"\\u00e9\\u4E2D\"", "\"\\x\"", "\"\\\"", "\"a\tb\"", "\"a\nb\"", "\"\x7f\"", "\"\xc3\xa9\"", "\"\xc3\"",
        "\"\xc0\xaf\"", "\"\xe0\x80\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xf0\x9f\x98\x80\"",
        "\"\xe4\xb8\xad\xe6\x96\x87\"", "\"\xff\"", "\"\\/\\b\\f\\n\\r\\t\"", "tru", "true", "truex", "nul", "null",
        "false", "[1,]", "[,1]", "{\"a\":1,}", "{,\"a\":1}", "{\"a\"}", "{\"a\":}", "{1:2}", "{\"a\":1 \"b\":2}",
        "[1 2]", "{\"a\":1}}", "[1]]", "{\"a\":1} {\"b\":2}", "// c\n{}", "/* c */{}", "{\"a\":NaN}",
        "{\"a\":Infinity}", "[\"\\u12\"]", "[\"\\uZZZZ\"]", "\x0b{}", "{}\x0c", "\t\r\n{}\t\r\n", "[1e1.5]", "[-]",
        "{\"a\":\"b\",\"a\":\"c\"}", "[0.0, -0.0, 1e-400]",
    };
    // The one deliberate difference: nlohmann_json stops at a NUL byte after a complete document
    // and accepts "{}\0junk"; trailing bytes are an input error for the engine (docs/formats.md "The enterprise file").
    CHECK(with_nlohmann(std::string("{}\0x", 4)) == "ok:{}");
    CHECK(with_engine(std::string("{}\0x", 4)) == "error");
    for (const char* d : docs) {
      const std::string s(d);
      CHECK_MESSAGE(with_engine(s) == with_nlohmann(s), s);
    }
  }

  TEST_CASE("read_json: the rule data and tricky documents give nlohmann_json's own tree") {
    std::vector<std::string> docs = {"{}", "null", "[1,-2,3.5,1e400]", "{\"a\":{\"b\":[true,false,null]},\"a\":2}",
                                     "\"\\u00e9\\ud83d\\ude00\"", "18446744073709551615", "-9223372036854775809", "{", "[1,]", ""};
    for (const char* f : {"rules/wq179.json", "rules/texts.json", "rules/report.json"})
      docs.push_back(slurp(std::filesystem::path(NVCHECK_SOURCE_DIR) / f));
    for (const std::string& d : docs) {
      json ours;
      std::size_t at = 0;
      const bool ok = nvcheck::read_json(d, ours, &at);
      const json theirs = json::parse(d, nullptr, false);
      CHECK_MESSAGE(ok == !theirs.is_discarded(), d.substr(0, 60));
      if (ok) CHECK_MESSAGE(ours == theirs, d.substr(0, 60));
      else CHECK(at > 0);
    }
  }

  TEST_CASE("JSON reader: every golden case, and thousands of mutations of them, read alike") {
    namespace fs = std::filesystem;
    std::vector<std::string> seeds;
    for (const char* dir : {"good", "invalid"})
      for (const auto& e : fs::directory_iterator(fs::path(NVCHECK_SOURCE_DIR) / "tests" / "cases" / dir))
        if (e.path().extension() == ".json") seeds.push_back(slurp(e.path()));
    std::sort(seeds.begin(), seeds.end());
    REQUIRE(seeds.size() > 50);
    std::uint32_t state = 2026;
    auto rnd = [&] { state = state * 1103515245u + 12345u; return state >> 8; };
    const char alphabet[] = "{}[],:\"\\/0123456789.eE+-tfnulr \n\t\xc3\xa9\xe4\xb8\xad\xed\xa0\xbfu";
    int n = 0;
    for (const std::string& s : seeds) {
      CHECK(with_engine(s) == with_nlohmann(s));
      for (int k = 0; k < 120; ++k) {
        std::string m = s;
        const int edits = 1 + static_cast<int>(rnd() % 3);
        for (int e = 0; e < edits && !m.empty(); ++e) {
          const std::size_t at = rnd() % m.size();
          switch (rnd() % 4) {
            case 0: m[at] = alphabet[rnd() % (sizeof alphabet - 1)]; break;
            case 1: m.erase(at, 1 + rnd() % 4); break;
            case 2: m.insert(at, 1, alphabet[rnd() % (sizeof alphabet - 1)]); break;
            default: m.resize(at); break;
          }
        }
        CHECK_MESSAGE(with_engine(m) == with_nlohmann(m), m);
        ++n;
      }
    }
    CHECK(n > 5000);
  }

  TEST_CASE("JSON reader: runs of Chinese text with a bad or special sequence anywhere read alike") {
    // The reader checks runs of three-byte sequences four bytes at a time; every position of an
    // overlong (E0), surrogate (ED), cut or broken sequence in such a run, and the valid E0/ED/EF
    // edges, near the string's end and the text's end, must read as nlohmann_json reads them.
    const std::string han = "\xE4\xB8\xAD";  // 中
    const char* const odd[] = {"\xE0\x80\x80", "\xE0\xA0\x80", "\xED\xA0\x80", "\xED\x9F\xBF", "\xEF\xBF\xBF",
                               "\xE4\xB8",       "\xE4",          "\xE4\x41\x41", "\xE4\xB8\x22", "\xC3\xA9",
                               "\xF0\x9F\x98\x80", "\x80",       "a",            "\\n"};
    int n = 0;
    for (const char* bad : odd)
      for (int before = 0; before <= 4; ++before)
        for (int after = 0; after <= 4; ++after)
          for (const char* tail : {"\"]", "\"", ""}) {
            std::string s = "[\"";
            for (int i = 0; i < before; ++i) s += han;
            s += bad;
            for (int i = 0; i < after; ++i) s += han;
            s += tail;
            CHECK_MESSAGE(with_engine(s) == with_nlohmann(s), s);
            ++n;
          }
    CHECK(n == 14 * 25 * 3);
  }
}
