// The nvcheck command line (CONTRACT.md "Doors"): commands, exit codes, several files, stdin, a
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
  std::string cmd = std::string("'") + NVCHECK_CLI + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  cmd += stdin_file.empty() ? " </dev/null" : " <'" + stdin_file + "'";
  const int status = std::system(cmd.c_str());
  Result r;
  r.out = slurp(out);
  r.err = slurp(err);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

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
    CHECK(nv("check " + q(src("tests/cases/invalid/09-missing-required-fields.json"))).code == 2);
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
