// The WebAssembly door (embind): JSON text in, JSON text out, every C++ exception caught.
//
// Conventions (docs/formats.md "The WebAssembly module"; wasm/engine.mjs turns them into plain JS
// values and one kind of thrown Error):
// - Every call answers in JSON text; the report's object carries it in `result`. A failure
//   inside the engine (an exception, out of memory), a refused rule set or a bad argument is
//   `{"error":"<what>","code":"engine_failed"|"out_of_memory"|"rules_invalid"|"bad_argument"}`
//   (a refused rule set adds `"problems"`), the same through embind and the byte door; no other
//   output starts with `{"error"`. An invalid enterprise file is no failure: it gives the invalid
//   result, as every door does.
// - report returns an object {verdict, html, result}: verdict "pass" | "fail" with the HTML
//   document in html (result ""); "invalid" with the invalid result JSON in result (html "");
//   "error" with the failure's JSON in result.
// - Strings cross as UTF-8 (embind's std::string): a JS string is encoded with its BOM kept; a
//   Uint8Array is passed through byte for byte.
// - The byte door (nvcheck_in / nvcheck_run / nvcheck_out, plain exports) does evaluate, plan and
//   rulesSummary without embind's string conversion, which walks every byte in JavaScript, twice
//   each way (about 40 % of a call under Node for a medium file): engine.mjs writes the UTF-8
//   bytes straight into the module's memory with TextEncoder.encodeInto and reads the result with
//   one TextDecoder.decode. Same engine calls, same output bytes (tests/wasm/parity.test.mjs).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"
#include "nvcheck/rules_check.hpp"
#include "nvcheck/rules_diff.hpp"

namespace {

using namespace nvcheck;

// The rule data in use: the built-in one until setRules replaces it.
std::shared_ptr<const Rules> g_rules;

const Rules& rules() {
  if (!g_rules) g_rules = builtin_rules();
  return *g_rules;
}

// `{"error":what,"code":code` without its closing brace, for a caller to add to.
std::string error_head(const char* what, const char* code) {
  std::string out = "{\"error\":";
  append_json_string(out, what);
  out += ",\"code\":\"";
  out += code;
  out += '"';
  return out;
}

std::string error_json(const char* what, const char* code = "engine_failed") { return error_head(what, code) + '}'; }

// Runs f, turning any exception into the failure's JSON.
template <class F>
std::string guarded(F&& f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return error_json("out of memory", "out_of_memory");
  } catch (const std::exception& ex) {
    return error_json(ex.what());
  } catch (...) {
    return error_json("unknown exception");
  }
}

const char* verdict_name(Verdict v) {
  return v == Verdict::pass ? "pass" : v == Verdict::fail ? "fail" : "invalid";
}

// The page calls with the same options on every edit: the last ones read are kept here, in the
// door (text and result, nothing that points into the rules), and given again without parsing.
const Options& options_of(std::string_view json) {
  static std::string last_json;
  static Options last;
  static bool set = false;
  if (!set || last_json != json) {
    last = parse_options(json);
    last_json.assign(json.data(), json.size());
    set = true;
  }
  return last;
}

// The calls both doors make (embind's below, and the byte door's nvcheck_run).
enum class Call : int { evaluate = 0, plan = 1, rules_summary = 2 };

std::string run(Call what, std::string_view enterprise, std::string_view options) {
  return guarded([&] {
    switch (what) {
      case Call::evaluate: return check_json(enterprise, options_of(options), rules()).text;
      case Call::plan: return plan_json(enterprise, options_of(options), rules()).text;
      case Call::rules_summary: return rules_summary_json(rules());
    }
    return error_json("nvcheck: unknown call", "bad_argument");
  });
}

std::string js_evaluate(const std::string& enterprise, const std::string& options) {
  return run(Call::evaluate, enterprise, options);
}

std::string js_plan(const std::string& enterprise, const std::string& options) {
  return run(Call::plan, enterprise, options);
}

// The plan's actions done (core/src/what_if.cpp): `nvcheck/what-if@1`, or the invalid result.
std::string js_what_if(const std::string& enterprise, const std::string& actions, const std::string& options) {
  return guarded([&] { return what_if_json(enterprise, actions, options_of(options), rules()).text; });
}

// A date for people in the language, as the engine's texts write it ("" for a date that is not one).
std::string js_human_date(const std::string& iso, const std::string& lang) {
  return guarded([&] {
    Lang l = Lang::en;
    Day d;
    if (!parse_lang(lang, l)) return error_json("lang must be en, zh-Hans or zh-Hant", "bad_argument");
    return parse_date(iso, d) ? human_date(d, l) : std::string();
  });
}

// The limits the engine reads a file with (docs/formats.md "Limits"): the page refuses a larger
// file before reading it.
std::string js_limits() {
  const Limits l;
  return "{\"file_bytes\":" + std::to_string(l.max_bytes) + ",\"records_per_list\":" +
         std::to_string(l.max_records_per_list) + "}";
}

struct ReportOut {
  std::string verdict, html, result;
};

ReportOut js_report(const std::string& enterprise, const std::string& options) {
  try {
    const Options opt = options_of(options);
    Output o = report_html(enterprise, opt, rules());
    // An invalid file has no report: like the CLI, give the invalid result of check.
    Options check_opt = opt;
    check_opt.all_languages = false;  // lang "all" is the report's; the invalid result is check's
    if (o.verdict == Verdict::invalid) return {"invalid", std::string(), check_json(enterprise, check_opt, rules()).text};
    return {verdict_name(o.verdict), std::move(o.text), std::string()};
  } catch (const std::bad_alloc&) {
    return {"error", std::string(), error_json("out of memory", "out_of_memory")};
  } catch (const std::exception& ex) {
    return {"error", std::string(), error_json(ex.what())};
  } catch (...) {
    return {"error", std::string(), error_json("unknown exception")};
  }
}

std::string js_rules_summary() { return run(Call::rules_summary, {}, {}); }

std::string js_check_mark_code(const std::string& code, const std::string& lang) {
  return guarded([&] {
    Lang l = Lang::en;
    if (!lang.empty() && !parse_lang(lang, l)) return error_json("lang must be en, zh-Hans or zh-Hant", "bad_argument");
    return mark_code_json(check_mark_code(code, rules(), l));
  });
}

// Replaces the rule data until the page reloads; on a bad rules file the old rules stay.
// Returns {"id","version","edited"} of the rules now in use, or {"error": ...}.
std::string js_set_rules(const std::string& standard) {
  return guarded([&] {
    std::shared_ptr<const Rules> fresh;
    try {
      fresh = load_rules(standard, {builtin_texts_json(), builtin_report_json()});
    } catch (const RulesInvalid& ex) {  // the problems, in three languages, for the page to show
      std::string out = error_head(ex.what(), "rules_invalid");
      out += ",\"problems\":";
      out += rule_problems_json(ex.problems(), *builtin_rules());
      out += '}';
      return out;
    }
    g_rules = std::move(fresh);
    std::string out = "{\"id\":";
    append_json_string(out, g_rules->id);
    out += ",\"version\":";
    append_json_string(out, g_rules->version);
    out += g_rules->edited ? ",\"edited\":true}" : ",\"edited\":false}";
    return out;
  });
}

// What the rules in use change from the built-in ones (rules_diff.hpp's JSON; "same" when none).
std::string js_rules_diff() {
  return guarded([&] {
    const Rules& builtin = *builtin_rules();
    return rule_changes_json(builtin, rules(), diff_rules(builtin, rules()), builtin);
  });
}

std::string js_version() { return NVCHECK_VERSION; }

// The byte door's buffers: the caller's bytes (the enterprise file, then the options) and the
// last output. Kept between calls, so a call allocates nothing here once they have grown; a
// buffer grown past kKeepBytes by a huge input is released after the call.
std::string g_in;
std::string g_out;
constexpr std::size_t kKeepBytes = std::size_t{1} << 20;

// Whether `size` bytes at `b` hold EF BF BD. Chinese text is full of EF (the lead of fullwidth
// punctuation: （ ； ，), so a search for EF stops every few bytes; EF followed by BF (U+FFC0 and
// up) is rare: eight byte pairs at a time are checked for it, and only such a pair byte by byte.
bool holds_replacement(const unsigned char* b, std::size_t size) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero_bytes = [](std::uint64_t v) { return (v - ones) & ~v & highs; };  // no byte missed
  std::size_t i = 0;
  for (; i + 9 <= size; i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, b + i, 8);
    std::memcpy(&y, b + i + 1, 8);
    if (!(zero_bytes(x ^ (ones * 0xEF)) & zero_bytes(y ^ (ones * 0xBF)))) continue;
    for (std::size_t k = i; k < i + 8; ++k)
      if (b[k] == 0xEF && b[k + 1] == 0xBF && k + 2 < size && b[k + 2] == 0xBD) return true;
  }
  for (; i + 3 <= size; ++i)
    if (b[i] == 0xEF && b[i + 1] == 0xBF && b[i + 2] == 0xBD) return true;
  return false;
}
}  // namespace

extern "C" {

/// A buffer of at least `size` bytes for the next nvcheck_run's input; null when out of memory.
EMSCRIPTEN_KEEPALIVE char* nvcheck_in(std::size_t size) {
  try {
    if (g_in.size() < size) g_in.resize(size);
    return g_in.data();
  } catch (...) {
    return nullptr;
  }
}

/// Runs a call on the input buffer: `enterprise_size` bytes of enterprise file followed by
/// `options_size` bytes of options JSON. Returns the output's size; nvcheck_out() is its first
/// byte. `what`: 0 evaluate, 1 plan, 2 rulesSummary (no input). Failures as the embind calls':
/// `{"error":...,"code":...}`.
EMSCRIPTEN_KEEPALIVE std::size_t nvcheck_run(int what, std::size_t enterprise_size, std::size_t options_size) {
  g_out = enterprise_size + options_size > g_in.size()
              ? error_json("nvcheck_run: sizes beyond the input buffer", "bad_argument")
              : run(static_cast<Call>(what), std::string_view(g_in.data(), enterprise_size),
                    std::string_view(g_in.data() + enterprise_size, options_size));
  if (g_in.size() > kKeepBytes) std::string().swap(g_in);
  return g_out.size();
}

/// Whether the `size` bytes at `at` in the input buffer hold U+FFFD (EF BF BD): what TextEncoder
/// writes for a lone surrogate, so the adapter then checks the string itself (engine.mjs).
EMSCRIPTEN_KEEPALIVE int nvcheck_in_has_replacement(std::size_t at, std::size_t size) {
  if (at > g_in.size() || size > g_in.size() - at) return 1;  // not ours to read: let the adapter check
  return holds_replacement(reinterpret_cast<const unsigned char*>(g_in.data()) + at, size);
}

/// The output of the last nvcheck_run (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* nvcheck_out() { return g_out.data(); }

}  // extern "C"

EMSCRIPTEN_BINDINGS(nvcheck) {
  emscripten::value_object<ReportOut>("Report")
      .field("verdict", &ReportOut::verdict)
      .field("html", &ReportOut::html)
      .field("result", &ReportOut::result);
  emscripten::function("evaluate", &js_evaluate);
  emscripten::function("plan", &js_plan);
  emscripten::function("whatIf", &js_what_if);
  emscripten::function("humanDate", &js_human_date);
  emscripten::function("limits", &js_limits);
  emscripten::function("report", &js_report);
  emscripten::function("rulesSummary", &js_rules_summary);
  emscripten::function("checkMarkCode", &js_check_mark_code);
  emscripten::function("setRules", &js_set_rules);
  emscripten::function("rulesDiff", &js_rules_diff);
  emscripten::function("version", &js_version);
}
