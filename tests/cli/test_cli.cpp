// The nvcheck command line (docs/formats.md "Command line"): commands, exit codes, several files, stdin, a
// broken file among good ones, JSON Lines, and the golden cases through the binary.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct Result {
  std::string out, err;
  int code = -1;
};

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const fs::path& tmp() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("nvcheck-cli-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// Runs `nvcheck ARGS` (ARGS already shell-quoted), optionally with standard input from a file.
Result nv(const std::string& args, const std::string& stdin_file = "") {
  const fs::path out = tmp() / "out", err = tmp() / "err";
  // A command that hangs is a failure (exit 124), not a stuck suite.
  std::string cmd = std::string("timeout 120 '") + NVCHECK_CLI + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  cmd += stdin_file.empty() ? " </dev/null" : " <'" + stdin_file + "'";
  const int status = std::system(cmd.c_str());
  Result r;
  r.out = slurp(out);
  r.err = slurp(err);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Runs a shell command line (stdout and stderr as the command redirects them; stderr to a file).
Result sh(const std::string& cmd) {
  const fs::path err = tmp() / "sh-err";
  const int status = std::system(("(" + cmd + ") 2>'" + err.string() + "'").c_str());
  Result r;
  r.err = slurp(err);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}
std::string cli() { return std::string("timeout 120 '") + NVCHECK_CLI + "'"; }

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path src(const std::string& rel) { return fs::path(NVCHECK_SOURCE_DIR) / rel; }
fs::path good(const std::string& name) { return src("tests/cases/good/" + name + ".json"); }

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

fs::path write(const std::string& name, const std::string& text) {
  const fs::path p = tmp() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

const char* kPass = "01-gd-pass-on-anniversaries";
const char* kFail = "02-gd-same-file-on-day-before";

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("cli: help, version and usage errors") {
    CHECK(nv("--help").code == 0);
    CHECK(nv("--help").out.find("nvcheck check FILE") != std::string::npos);
    CHECK(nv("--version").code == 0);
    const Result none = nv("");
    CHECK(none.code == 2);
    for (const char* bad : {"frobnicate x.json", "check", "check x.json --on 2025-02-30", "check x.json --lang fr",
                            "check x.json --format xml", "check x.json --bogus", "report x.json", "plan a.json b.json"}) {
      const Result r = nv(bad);
      CHECK_MESSAGE(r.code == 2, bad);
      CHECK_MESSAGE(r.err.find("usage:") != std::string::npos, bad);
    }
  }

  TEST_CASE("cli: exit 0 when all pass, 1 when some fail, 2 when some input is invalid or unreadable") {
    CHECK(nv("check " + q(good(kPass))).code == 0);
    CHECK(nv("check " + q(good(kPass)) + " --on 2026-05-23").code == 1);
    // An invalid file (not an unreadable one: its result says invalid and names the missing fields).
    const auto invalid = nv("check " + q(src("tests/cases/invalid/09-missing-fields.json")));
    CHECK(invalid.code == 2);
    CHECK(invalid.out.find("\"verdict\":\"invalid\"") != std::string::npos);
    CHECK(invalid.out.find("missing_field") != std::string::npos);
    CHECK(nv("plan " + q(good(kPass))).code == 0);
    CHECK(nv("plan " + q(good(kPass)) + " --on 2026-05-23").code == 1);
  }

  TEST_CASE("cli: several files give one line each, in argument order; a broken file still gets its line") {
    const fs::path broken = write("broken.json", "{ this is not json");
    const fs::path missing = tmp() / "does-not-exist.json";
    const Result r = nv("check " + q(good(kPass)) + " " + q(broken) + " " + q(good(kFail)) + " " + q(missing));
    CHECK(r.code == 2);
    const auto ls = lines(r.out);
    REQUIRE(ls.size() == 4);
    CHECK(json::parse(ls[0])["verdict"] == "pass");
    CHECK(json::parse(ls[1])["verdict"] == "invalid");
    CHECK(json::parse(ls[1])["errors"][0]["path"] == "");
    CHECK(json::parse(ls[2])["verdict"] == "pass");
    CHECK(json::parse(ls[3])["errors"][0]["code"] == "unreadable");
    CHECK(r.err.find("broken.json") != std::string::npos);
    CHECK(r.err.find("does-not-exist.json") != std::string::npos);
  }

  TEST_CASE("cli: - reads standard input") {
    const Result r = nv("check - --lang zh-Hans", good(kPass).string());
    CHECK(r.code == 0);
    CHECK(r.out == slurp(src(std::string("tests/cases/golden/good/") + kPass + ".zh-Hans.result.json")));
  }

  TEST_CASE("cli: --format text is a person's summary in the chosen language") {
    const Result en = nv("check " + q(good("20-mo-complaint-resolution-changes-or-not")) + " --format text");
    CHECK(en.code == 1);
    CHECK(en.out.find("Verdict: fail") != std::string::npos);
    CHECK(en.out.find("6.2.8") != std::string::npos);
    CHECK(en.out.find("Earliest pass date") != std::string::npos);
    const Result zh = nv("check " + q(good("20-mo-complaint-resolution-changes-or-not")) + " --format text --lang zh-Hant");
    CHECK(zh.out.find("結論：未通過") != std::string::npos);
    CHECK(zh.out.find("契約類投訴") != std::string::npos);  // Macao's name for 6.2.8
    const Result plan = nv("plan " + q(good("11-hk-coercion-release")) + " --format text");
    CHECK(plan.out.find("Route to passing") != std::string::npos);
  }

  TEST_CASE("cli: --rules DIR reads edited rule data instead of the built-in") {
    const fs::path dir = tmp() / "rules";
    fs::create_directories(dir);
    json j = json::parse(slurp(src("rules/wq179.json")));
    j["version"] = "test-edit";
    j["indicators"][0]["window_months"] = 1;
    std::ofstream(dir / "wq179.json") << j.dump();
    const fs::path f = write("p.json", R"({"schema":"nvcheck/enterprise@1","enterprise":{"name":"x","region":"GD","incorporated_on":"2000-01-01"},)"
                                       R"("records":{"administrative_penalties":[{"id":"p1","decided_on":"2026-01-01","field":"labour","type":"property"}]}})");
    CHECK(nv("check " + q(f) + " --on 2026-03-01").code == 1);
    const Result edited = nv("check " + q(f) + " --on 2026-03-01 --rules " + q(dir));
    CHECK(edited.code == 0);
    CHECK(edited.out.find("\"version\":\"test-edit\"") != std::string::npos);
    CHECK(nv("rules --rules " + q(dir)).out.find("test-edit") != std::string::npos);
    CHECK(nv("check " + q(f) + " --rules " + q(tmp() / "nowhere")).code == 2);
  }

  TEST_CASE("cli: rules prints the rule data in use with its version") {
    const Result r = nv("rules");
    CHECK(r.code == 0);
    CHECK(r.out.find("\"id\":\"WQ-179\"") != std::string::npos);
  }

  TEST_CASE("cli: mark-code exits 0 for a well-formed code and 1 with every reason otherwise") {
    CHECK(nv("mark-code '440115 001 20260101 1234'").code == 0);
    CHECK(nv("mark-code 440115001202601011234").code == 0);
    const Result bad = nv("mark-code '110000 001 20260230 12'");
    CHECK(bad.code == 1);
    CHECK(bad.out.find("21") != std::string::npos);
  }

  TEST_CASE("cli: report writes one HTML document; an invalid file gets its invalid result and exit 2") {
    const fs::path out = tmp() / "r.html";
    const Result r = nv("report " + q(good(kPass)) + " -o " + q(out));
    CHECK(r.code == 0);
    CHECK(slurp(out).rfind("<!DOCTYPE html>", 0) == 0);
    const Result bad = nv("report " + q(src("tests/cases/invalid/01-empty-file.json")) + " -o " + q(out));
    CHECK(bad.code == 2);
    CHECK(json::parse(lines(bad.out).at(0))["verdict"] == "invalid");
  }

  TEST_CASE("cli: --jsonl streams one result per line, in order, a bad line invalid and the rest going on") {
    std::string text = slurp(good(kPass));
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    const fs::path f = write("batch.jsonl", text + "\nnot json\n" + text + "\n");
    for (const char* jobs : {"1", "2"}) {
      const Result r = nv(std::string("check --jsonl ") + q(f) + " --jobs " + jobs);
      CHECK(r.code == 2);
      const auto ls = lines(r.out);
      REQUIRE(ls.size() == 3);
      CHECK(json::parse(ls[0])["verdict"] == "pass");
      CHECK(json::parse(ls[1])["verdict"] == "invalid");
      CHECK(ls[2] == ls[0]);
    }
  }
}

TEST_SUITE("cli") {
  TEST_CASE("cli: report --consultant and --notes print them escaped in the counselling section; bad ones are refused (clause 8.8)") {
    const fs::path out = tmp() / "notes.html";
    const fs::path notes = write("notes.txt", "Met the client <b>twice</b> & agreed.\n第二行：资料已核对。\n");
    const Result r = nv("report " + q(good(kPass)) + " --consultant 'Chan & Co <Ltd>' --notes " + q(notes) + " -o " + q(out));
    CHECK(r.code == 0);
    const std::string html = slurp(out);
    CHECK(html.find("Chan &amp; Co &lt;Ltd&gt;") != std::string::npos);
    CHECK(html.find("Met the client &lt;b&gt;twice&lt;/b&gt; &amp; agreed.") != std::string::npos);
    CHECK(html.find("第二行：资料已核对。") != std::string::npos);
    CHECK(html.find("<b>twice</b>") == std::string::npos);
    // Without them, none of it.
    const Result plain = nv("report " + q(good(kPass)) + " -o " + q(out));
    CHECK(plain.code == 0);
    CHECK(slurp(out).find("Chan &amp; Co") == std::string::npos);
    // Not UTF-8, missing, or on another command: exit 2 with the reason, no report written.
    fs::remove(out);
    const Result latin = nv("report " + q(good(kPass)) + " --notes " + q(write("latin1.txt", "caf\xe9")) + " -o " + q(out));
    CHECK(latin.code == 2);
    CHECK(latin.err.find("not UTF-8 text") != std::string::npos);
    CHECK(!fs::exists(out));
    const Result missing = nv("report " + q(good(kPass)) + " --notes " + q(tmp() / "no-such-notes.txt") + " -o " + q(out));
    CHECK(missing.code == 2);
    CHECK(missing.err.find("no-such-notes.txt") != std::string::npos);
    CHECK(!fs::exists(out));
    const Result check = nv("check " + q(good(kPass)) + " --consultant x");
    CHECK(check.code == 2);
    CHECK(check.err.find("--consultant and --notes are for report only") != std::string::npos);
  }

  TEST_CASE("cli: --jobs takes 1 to 64 and refuses anything else with the reason") {
    std::string text = slurp(good(kPass));
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    const fs::path f = write("jobs.jsonl", text + "\n");
    for (const char* ok : {"1", "64"}) CHECK_MESSAGE(nv(std::string("check --jsonl ") + q(f) + " --jobs " + ok).code == 0, ok);
    for (const char* bad : {"-1", "0", "2x", "1e3", "65", "100000", "16777216", "4294967297", "99999999999999999999999", "' 2'", "+2", "0x10"}) {
      const Result r = nv(std::string("check --jsonl ") + q(f) + " --jobs " + bad);
      CHECK_MESSAGE(r.code == 2, bad);
      CHECK_MESSAGE(r.out.empty(), bad);
      CHECK_MESSAGE(r.err.find("--jobs must be a whole number from 1 to 64") != std::string::npos, bad);
    }
  }

  TEST_CASE("cli: a --jsonl line longer than 8 MiB is refused as it is read, and ends the stream") {
    std::string text = slurp(good(kPass));
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    const fs::path f = write("long.jsonl", text + "\n" + std::string((8u << 20) + 10, ' ') + "{}\n" + text + "\n");
    const Result r = nv("check --jsonl " + q(f));
    CHECK(r.code == 2);
    const auto ls = lines(r.out);
    REQUIRE(ls.size() == 2);
    CHECK(json::parse(ls[0])["verdict"] == "pass");
    CHECK(json::parse(ls[1])["errors"][0]["code"] == "too_large");
    CHECK(r.err.find("line 2 is longer than 8 MiB") != std::string::npos);
    // An endless line (no newline ever) ends with the same error instead of growing.
    const Result zero = nv("check --jsonl /dev/zero --jobs 1");
    CHECK(zero.code == 2);
    CHECK(lines(zero.out).size() == 1);
    CHECK(zero.err.find("line 1 is longer than 8 MiB") != std::string::npos);
    // A file: read up to the limit only, refused as too large.
    const Result big = nv("check /dev/zero");
    CHECK(big.code == 2);
    CHECK(json::parse(lines(big.out).at(0))["errors"][0]["code"] == "too_large");
  }

  TEST_CASE("cli: a read error is reported and exits 2, for files and for --jsonl") {
    const fs::path dir = tmp() / "a-directory";
    fs::create_directories(dir);
    const Result file = nv("check " + q(dir));
    CHECK(file.code == 2);
    CHECK(file.err.find("read error") != std::string::npos);
    const Result jsonl = nv("check --jsonl " + q(dir));
    CHECK(jsonl.code == 2);
    CHECK(jsonl.err.find("read error") != std::string::npos);
    const Result missing = nv("check --jsonl " + q(tmp() / "no-such.jsonl"));
    CHECK(missing.code == 2);
    CHECK(missing.err.find("cannot open") != std::string::npos);
  }

  TEST_CASE("cli: an allocation failure is reported and exits 2, never read as the end of the input") {
#ifdef NVCHECK_TEST_SANITIZED
    MESSAGE("skipped: ulimit -v and the sanitizers' shadow memory do not mix");
#else
    // 20 MB of address space: the program starts, but cannot hold a line of 9 MB.
    const fs::path f = write("big-line.jsonl", std::string(9u << 20, ' ') + "\n");
    const Result sane = sh("ulimit -v 20000; " + cli() + " --version >/dev/null");
    REQUIRE(sane.code == 0);
    for (const std::string& args : {"check --jsonl " + q(f) + " --jobs 1", "check " + q(f)}) {
      const Result r = sh("ulimit -v 20000; " + cli() + " " + args + " >/dev/null");
      CHECK_MESSAGE(r.code == 2, args);
      CHECK_MESSAGE(r.err.find("out of memory") != std::string::npos, args);
    }
#endif
  }

  TEST_CASE("cli: output that cannot be written (full disk, closed standard output) exits 2 with the reason") {
    std::string text = slurp(good(kPass));
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    const fs::path f = write("full.jsonl", text + "\n");
    for (const std::string& args : std::vector<std::string>{"check " + q(good(kPass)), "check " + q(good(kPass)) + " --format text",
                                    "plan " + q(good(kPass)), "check --jsonl " + q(f), "rules", "--help",
                                    "mark-code '440115 001 20260101 1234'"}) {
      const Result full = sh(cli() + " " + args + " </dev/null >/dev/full");
      CHECK_MESSAGE(full.code == 2, args);
      CHECK_MESSAGE(full.err.find("cannot write standard output") != std::string::npos, args);
      const Result closed = sh(cli() + " " + args + " </dev/null >&-");
      CHECK_MESSAGE(closed.code == 2, args);
      CHECK_MESSAGE(closed.err.find("cannot write standard output (it is closed)") != std::string::npos, args);
    }
    const Result report = sh(cli() + " report " + q(good(kPass)) + " -o /dev/full");
    CHECK(report.code == 2);
    CHECK(report.err.find("cannot write /dev/full") != std::string::npos);
    // A closed standard output is not taken by the report's file.
    const fs::path html = tmp() / "closed.html";
    const Result closed_report = sh(cli() + " report " + q(src("tests/cases/invalid/01-empty-file.json")) + " -o " + q(html) + " >&-");
    CHECK(closed_report.code == 2);
    CHECK(closed_report.err.find("cannot write standard output") != std::string::npos);
  }

  TEST_CASE("cli: --format text escapes control characters, so a name cannot forge the verdict line") {
    json j = json::parse(slurp(good(kPass)));
    j["enterprise"]["name"] = "Acme\nVerdict: pass  (Evaluated on: 2026-05-23)\r\x1b]0;owned\x07\x1b[2J\xc2\x9b\xe2\x80\xae";
    const fs::path f = write("forged.json", j.dump());
    for (const char* cmd : {"check", "plan"}) {
      const Result r = nv(std::string(cmd) + " " + q(f) + " --on 2026-05-23 --format text");
      CAPTURE(cmd);
      CHECK(r.code == 1);
      int verdict_lines = 0;
      for (const std::string& l : lines(r.out)) verdict_lines += l.rfind("Verdict:", 0) == 0;
      CHECK(verdict_lines == 1);
      CHECK(r.out.find("Verdict: fail") != std::string::npos);
      CHECK(r.out.find("Acme\\nVerdict: pass") != std::string::npos);
      CHECK(std::count_if(r.out.begin(), r.out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }) == 0);
      CHECK(r.out.find("\xc2\x9b") == std::string::npos);
      CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
      CHECK(r.out.find("\\x1b]0;owned\\x07\\x1b[2J\\u009b\\u202e") != std::string::npos);
    }
    // Names of files (stderr, the == name == header) are escaped too.
    const fs::path odd = write("odd\nVerdict: pass.json", "{");
    const Result r = nv("check " + q(odd) + " " + q(good(kPass)) + " --format text");
    CHECK(r.code == 2);
    CHECK(r.out.find("odd\\nVerdict: pass.json") != std::string::npos);
    CHECK(r.err.find("odd\\nVerdict: pass.json") != std::string::npos);
  }

  TEST_CASE("cli: rules prints valid JSON whatever the id and version hold") {
    const fs::path dir = tmp() / "rules-quoted";
    fs::create_directories(dir);
    json j = json::parse(slurp(src("rules/wq179.json")));
    j["version"] = "2026 \"edited\" \\ one";
    std::ofstream(dir / "wq179.json") << j.dump();
    const Result r = nv("rules --rules " + q(dir));
    CHECK(r.code == 0);
    const auto ls = lines(r.out);
    REQUIRE(!ls.empty());
    const json head = json::parse(ls[0]);
    CHECK(head["version"] == "2026 \"edited\" \\ one");
    CHECK(head["id"] == "WQ-179");
    CHECK(json::parse(nv("rules").out.substr(0, nv("rules").out.find('\n')))["id"] == "WQ-179");
  }

  TEST_CASE("cli: -- ends the options; an empty option value is an error") {
    const fs::path dashed = tmp() / "--on";
    fs::copy_file(good(kPass), dashed, fs::copy_options::overwrite_existing);
    const Result r = nv("check -- " + q(dashed));
    CHECK(r.code == 0);
    CHECK(json::parse(lines(r.out).at(0))["verdict"] == "pass");
    CHECK(nv("check --lang en -- " + q(dashed) + " " + q(good(kPass))).out.size() > 0);
    CHECK(nv("check " + q(good(kPass)) + " --bogus").code == 2);
    CHECK(nv("check -- --bogus").code == 2);  // a file named --bogus: unreadable
    CHECK(nv("check -- --bogus").err.find("cannot open") != std::string::npos);
    for (const char* opt : {"--on", "--lang", "--format", "--rules", "--jsonl", "--jobs"}) {
      const Result e = nv("check " + q(good(kPass)) + " " + opt + " ''");
      CHECK_MESSAGE(e.code == 2, opt);
      CHECK_MESSAGE(e.out.empty(), opt);
      CHECK_MESSAGE(e.err.find(std::string(opt) + " needs a value") != std::string::npos, opt);
    }
  }
}

TEST_SUITE("golden_cli") {
  TEST_CASE("golden: every case through the CLI gives the same bytes as the library's goldens") {
    int n = 0;
    for (const char* dir : {"good", "invalid"}) {
      for (const auto& e : fs::directory_iterator(src(std::string("tests/cases/") + dir))) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() != ".json" || name.find(".expect.") != std::string::npos) continue;
        const std::string stem = e.path().stem().string();
        const json expect = json::parse(slurp(src(std::string("tests/cases/") + dir + "/" + stem + ".expect.json")));
        std::string on = expect.contains("on") && expect["on"].is_string() ? " --on " + expect["on"].get<std::string>() : "";
        for (const char* lang : {"en", "zh-Hans", "zh-Hant"}) {
          CAPTURE(name);
          CAPTURE(lang);
          const Result r = nv("check " + q(e.path()) + on + " --lang " + lang);
          CHECK(r.out == slurp(src(std::string("tests/cases/golden/") + dir + "/" + stem + "." + lang + ".result.json")));
          const Result p = nv("plan " + q(e.path()) + on + " --lang " + lang);
          CHECK(p.out == slurp(src(std::string("tests/cases/golden/") + dir + "/" + stem + "." + lang + ".plan.json")));
          CHECK(r.code == (std::string(dir) == "invalid" ? 2 : expect["result"]["verdict"] == "pass" ? 0 : 1));
        }
        ++n;
      }
    }
    CHECK(n >= 50);
  }
}

// Rule data checked before use (issue 15): `rules check DIR`, and --rules refusing a bad set.
TEST_SUITE("cli") {
  TEST_CASE("cli: rules check DIR lists every problem of a rule set with where and why") {
    const fs::path dir = tmp() / "rules-check";
    fs::create_directories(dir);
    fs::copy_file(src("rules/wq179.json"), dir / "wq179.json", fs::copy_options::overwrite_existing);
    const Result ok = nv("rules check " + q(dir));
    CHECK(ok.code == 0);
    CHECK(ok.out == "The rule data has no problem.\n");
    json j = json::parse(slurp(src("rules/wq179.json")));
    j["indicators"][0]["window_months"] = 141110341;
    j["indicators"][7]["threshold"] = 2.5;
    j["appendix_a"].push_back(j["appendix_a"][0]);
    std::ofstream(dir / "wq179.json") << j.dump(1);
    const Result bad = nv("rules check " + q(dir));
    CHECK(bad.code == 2);
    const auto ls = lines(bad.out);
    REQUIRE(ls.size() == 3);
    CHECK(ls[0] == "wq179.json, /indicators/0/window_months: 141110341 is out of range; it must be a whole number from 1 to 1200.");
    CHECK(ls[1].find("/indicators/7/threshold") != std::string::npos);
    CHECK(ls[2].find("/appendix_a/32/id") != std::string::npos);
    const Result hant = nv("rules check " + q(dir) + " --lang zh-Hant");
    CHECK(hant.code == 2);
    CHECK(hant.out.find("超出範圍") != std::string::npos);
    // The same set given to --rules is refused with the same list, and nothing is evaluated.
    const Result refused = nv("check " + q(good("01-gd-pass-on-anniversaries")) + " --rules " + q(dir));
    CHECK(refused.code == 2);
    CHECK(refused.out.empty());
    CHECK(refused.err == bad.out);
    CHECK(nv("rules check").code == 2);
    CHECK(nv("rules check " + q(tmp() / "nowhere")).code == 2);
  }
}

// What an edited rule set changes (issue 15): `rules diff A B`, and results marked as edited.
TEST_SUITE("cli") {
  TEST_CASE("cli: rules diff A B says each change with its clause, in the language asked; exit 0 same, 1 changed, 2 bad") {
    const fs::path a = tmp() / "rules-diff-a", b = tmp() / "rules-diff-b";
    fs::create_directories(a);
    fs::create_directories(b);
    fs::copy_file(src("rules/wq179.json"), a / "wq179.json", fs::copy_options::overwrite_existing);
    const Result same = nv("rules diff " + q(a) + " " + q(a));
    CHECK(same.code == 0);
    CHECK(same.out == "The two rule sets are the same.\n");
    json j = json::parse(slurp(src("rules/wq179.json")));
    j["version"] = "2027.01-1";
    j["indicators"][0]["window_months"] = 24;
    j["appendix_a"].erase(0);
    std::ofstream(b / "wq179.json") << j.dump(1);
    const Result d = nv("rules diff " + q(a) + " " + q(b));
    CHECK(d.code == 1);
    CHECK(d.err.empty());
    CHECK(lines(d.out) == std::vector<std::string>{"Version: 2026.11-1 → 2027.01-1", "6.2.1 Administrative penalty: window 12 → 24 months",
                                                    "Appendix A: \"A01 Hong Kong China Chamber of Commerce\" removed"});
    const Result hans = nv("rules diff " + q(a) + " " + q(b) + " --lang zh-Hans");
    CHECK(hans.code == 1);
    REQUIRE(lines(hans.out).size() == 3);
    CHECK(lines(hans.out)[1] == "6.2.1 行政处罚：期限 12 → 24 个月");
    const Result all = nv("rules diff " + q(a) + " " + q(b) + " --lang all");
    const auto ls = lines(all.out);
    REQUIRE(ls.size() == 11);  // three changes in three languages, a blank line between changes
    CHECK(ls[4] == "6.2.1 行政处罚：期限 12 → 24 个月");
    CHECK(ls[5] == "6.2.1 行政處罰：期限 12 → 24 個月");
    CHECK(ls[6] == "6.2.1 Administrative penalty: window 12 → 24 months");
    const Result js = nv("rules diff " + q(a) + " " + q(b) + " --json");
    CHECK(js.code == 1);
    const json out = json::parse(js.out);
    CHECK(out["same"] == false);
    CHECK(out["b"]["version"] == "2027.01-1");
    REQUIRE(out["changes"].size() == 3);
    CHECK(out["changes"][1]["clause"] == "6.2.1");
    CHECK(out["changes"][1]["to"] == "24");
    CHECK(out["changes"][2]["kind"] == "appendix_removed");
    // The edited set marks every result; the shipped file read from a folder is the built-in set.
    CHECK(nv("check " + q(good("01-gd-pass-on-anniversaries")) + " --rules " + q(b)).out.find(R"("version":"2027.01-1","edited":true})") !=
          std::string::npos);
    CHECK(nv("check " + q(good("01-gd-pass-on-anniversaries")) + " --rules " + q(a)).out.find(R"("version":"2026.11-1","edited":false})") !=
          std::string::npos);
    // A bad set is refused with its problems; a wrong command line is a usage error.
    j["indicators"][0]["window_months"] = 141110341;
    std::ofstream(b / "wq179.json") << j.dump(1);
    const Result bad = nv("rules diff " + q(a) + " " + q(b));
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("/indicators/0/window_months: 141110341 is out of range") != std::string::npos);
    CHECK(nv("rules diff " + q(a)).code == 2);
    CHECK(nv("rules diff " + q(a) + " " + q(tmp() / "nowhere")).code == 2);
    CHECK(nv("rules diff " + q(a) + " " + q(a) + " --lang fr").code == 2);
  }
}
