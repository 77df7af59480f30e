// Texts cut at their placeholders when the rules load (TextTemplate, core/src/rules.cpp): the
// renderer writes the pieces instead of scanning each text, so the pieces must be the text.
#include <doctest/doctest.h>

#include "helpers.hpp"

namespace {
using namespace test;

// The text again from its pieces; `json`: the pieces' JSON forms.
std::string joined(const TextTemplate& t, bool json) {
  std::string out;
  for (const TextTemplate::Piece& p : t.pieces)
    out += json ? p.json : p.placeholder ? "{" + p.text + "}" : p.text;
  return out;
}

std::string escaped(std::string_view s) {
  std::string out;
  append_json_escaped(out, s);
  return out;
}
}  // namespace

TEST_SUITE("output") {

TEST_CASE("text template: every text of the rule data, in every language, is its pieces put together") {
  const Rules& r = rules();
  std::size_t placeholders = 0;
  for (const auto& [key, text] : r.texts)
    for (std::size_t l = 0; l < 3; ++l) {
      const Lang lang = static_cast<Lang>(l);
      const TextTemplate* t = r.text_template(key, lang);
      REQUIRE(t != nullptr);
      REQUIRE(t->cut);
      CHECK(joined(*t, false) == text[lang]);
      CHECK(joined(*t, true) == escaped(text[lang]));
      for (const TextTemplate::Piece& p : t->pieces) {
        placeholders += p.placeholder;
        if (!p.placeholder) CHECK(p.text.find('{') == std::string::npos);
      }
    }
  CHECK(placeholders > 100);  // the texts have placeholders
  CHECK(r.text_template("no.such.text", Lang::en) == nullptr);
}

TEST_CASE("text template: braces are read as fill() reads them") {
  struct Case {
    const char* text;
    std::vector<std::pair<bool, std::string>> pieces;  // placeholder?, text
  };
  const Case cases[] = {
      {"plain", {{false, "plain"}}},
      {"", {}},
      {"{a}", {{true, "a"}}},
      {"x {a} y {b}", {{false, "x "}, {true, "a"}, {false, " y "}, {true, "b"}}},
      {"{}", {{true, ""}}},
      {"a}b{c}", {{false, "a}b"}, {true, "c"}}},
      {"open {a", {{false, "open {a"}}},              // no closing brace: literal to the end
      {"{a} then {b", {{true, "a"}, {false, " then {b"}}},
      {"say \"{q}\"\n", {{false, "say \""}, {true, "q"}, {false, "\"\n"}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const TextTemplate t = cut_text(c.text);
    REQUIRE(t.cut);
    REQUIRE(t.pieces.size() == c.pieces.size());
    for (std::size_t i = 0; i < c.pieces.size(); ++i) {
      CHECK(t.pieces[i].placeholder == c.pieces[i].first);
      CHECK(t.pieces[i].text == c.pieces[i].second);
    }
    CHECK(joined(t, true) == escaped(c.text));
  }
  // A '{' inside a placeholder's name: fill() reads "{b}" inside "{a{b}"; the text is not cut
  // and the renderer scans it itself.
  CHECK_FALSE(cut_text("{a{b}").cut);
  CHECK(fill("{a{b}", {{"b", "B"}}) == "{aB");
}

TEST_CASE("fill: placeholders given are filled, others stay as written") {
  CHECK(fill("{a} and {b}", {{"a", "1"}}) == "1 and {b}");
  CHECK(fill("{a}{a}", {{"a", "x"}}) == "xx");
  CHECK(fill("no {close", {{"close", "x"}}) == "no {close");
  CHECK(fill("{}", {{"", "empty"}}) == "empty");
  CHECK(fill("}{a}{", {{"a", "A"}}) == "}A{");
}

}  // TEST_SUITE("output")
