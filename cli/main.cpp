// nvcheck: the command line door to the WQ-179 engine (CONTRACT.md "Doors").
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/rules_check.hpp"
#include "nvcheck/nvcheck.hpp"

namespace {

using namespace nvcheck;

const char* const kUsage =
    "usage: nvcheck check FILE... [--on YYYY-MM-DD] [--lang en|zh-Hans|zh-Hant] [--format json|text]\n"
    "       nvcheck check --jsonl FILE|- [--jobs N] [--on ...] [--lang ...]\n"
    "       nvcheck plan FILE [--on ...] [--lang ...] [--format json|text]\n"
    "       nvcheck report FILE [--on ...] [--lang ...] -o report.html\n"
    "       nvcheck mark-code CODE [--lang ...]\n"
    "       nvcheck rules\n"
    "       nvcheck rules check DIR       (the rule set's problems; exit 0 none, 2 some)\n"
    "Every command takes --rules DIR to read rule data (wq179.json, texts.json, report.json) from DIR.\n"
    "FILE may be - for standard input. Exit status: 0 all passed, 1 some failed, 2 some input was\n"
    "invalid or unreadable, or the command line was wrong.\n";

int usage_error(const std::string& what) {
  std::cerr << "nvcheck: " << what << "\n" << kUsage;
  return 2;
}

Day today_local() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

bool read_all(std::istream& in, std::size_t limit, std::string& out) {
  out.clear();
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > limit) return true;  // the engine reports too_large
  }
  return !in.bad();
}

// Reads FILE (or stdin for "-"); on failure, says why.
bool read_input(const std::string& name, std::string& text, std::string& why) {
  const std::size_t limit = Limits{}.max_bytes;
  if (name == "-") {
    if (!read_all(std::cin, limit, text)) { why = "read error"; return false; }
    return true;
  }
  std::ifstream f(name, std::ios::binary);
  if (!f) { why = "cannot open"; return false; }
  if (!read_all(f, limit, text)) { why = "read error"; return false; }
  return true;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

int exit_for(Verdict v) { return v == Verdict::pass ? 0 : v == Verdict::fail ? 1 : 2; }

struct Args {
  std::string command;
  std::vector<std::string> files;
  std::string on, lang, format = "json", rules_dir, output, jsonl;
  unsigned jobs = 0;
  bool help = false, version = false;
};

bool parse_args(int argc, char** argv, Args& a, std::string& err) {
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    auto value = [&](std::string& dst) {
      if (i + 1 >= argc) { err = s + " needs a value"; return false; }
      dst = argv[++i];
      return true;
    };
    if (s == "--help" || s == "-h") a.help = true;
    else if (s == "--version") a.version = true;
    else if (s == "--on") { if (!value(a.on)) return false; }
    else if (s == "--lang") { if (!value(a.lang)) return false; }
    else if (s == "--format") { if (!value(a.format)) return false; }
    else if (s == "--rules") { if (!value(a.rules_dir)) return false; }
    else if (s == "-o" || s == "--output") { if (!value(a.output)) return false; }
    else if (s == "--jsonl") { if (!value(a.jsonl)) return false; }
    else if (s == "--jobs") {
      std::string j;
      if (!value(j)) return false;
      try { a.jobs = static_cast<unsigned>(std::stoul(j)); } catch (...) { err = "--jobs needs a number"; return false; }
    }
    else if (s.size() > 1 && s[0] == '-' && s != "-") { err = "unknown option " + s; return false; }
    else if (a.command.empty()) a.command = s;
    else a.files.push_back(s);
  }
  if (a.format != "json" && a.format != "text") { err = "--format must be json or text"; return false; }
  return true;
}

// One line per enterprise of a JSON Lines stream, in order, with up to `jobs` threads.
// A rule folder's documents: wq179.json, and texts.json / report.json (built-in when absent).
struct RulesDir {
  std::string standard, texts, report;
  bool own_texts = false, own_report = false;
  std::vector<std::string_view> docs() const {
    return {own_texts ? std::string_view(texts) : builtin_texts_json(), own_report ? std::string_view(report) : builtin_report_json()};
  }
};

bool read_rules_dir(const std::string& dir, RulesDir& d) {
  if (!read_file(dir + "/wq179.json", d.standard)) {
    std::cerr << "nvcheck: cannot read " << dir << "/wq179.json\n";
    return false;
  }
  d.own_texts = read_file(dir + "/texts.json", d.texts);
  d.own_report = read_file(dir + "/report.json", d.report);
  return true;
}

// The problems of a rule set in the language asked (the built-in texts say them).
void print_rule_problems(const std::vector<RuleProblem>& problems, const std::string& lang_code, std::ostream& out) {
  Lang lang = Lang::en;
  (void)parse_lang(lang_code, lang);
  const Rules& messages = *builtin_rules();
  if (problems.empty()) out << messages.text("rules_check.ok", lang) << "\n";
  for (const RuleProblem& p : problems) out << rule_problem_text(p, messages, lang) << "\n";
}

int run_jsonl(const Args& a, const Options& opt, const Rules& rules) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (a.jsonl != "-") {
    file.open(a.jsonl, std::ios::binary);
    if (!file) {
      std::cerr << "nvcheck: " << a.jsonl << ": cannot open\n";
      return 2;
    }
    in = &file;
  }
  unsigned jobs = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t batch = 256 * jobs;
  int worst = 0;
  std::vector<std::string> lines, outs;
  std::vector<Verdict> verdicts;
  std::string line;
  bool more = true;
  while (more) {
    lines.clear();
    while (lines.size() < batch && (more = static_cast<bool>(std::getline(*in, line)))) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      lines.push_back(std::move(line));
    }
    outs.assign(lines.size(), std::string());
    verdicts.assign(lines.size(), Verdict::invalid);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < lines.size();) {
        Output o = check_json(lines[i], opt, rules);
        outs[i] = std::move(o.text);
        verdicts[i] = o.verdict;
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < jobs && t < lines.size(); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    std::string chunk;
    for (std::size_t i = 0; i < outs.size(); ++i) {
      chunk += outs[i];
      chunk += '\n';
      worst = std::max(worst, exit_for(verdicts[i]));
    }
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
  }
  std::fflush(stdout);
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  Args a;
  std::string err;
  if (!parse_args(argc, argv, a, err)) return usage_error(err);
  if (a.version) {
    std::cout << "nvcheck 0.1.0\n";
    return 0;
  }
  if (a.help || a.command.empty()) {
    std::cout << kUsage;
    return a.help ? 0 : 2;
  }

  // nvcheck rules check DIR: the rule set's problems (exit 0 none, 2 some).
  if (a.command == "rules" && !a.files.empty() && a.files[0] == "check") {
    if (a.files.size() != 2) return usage_error("rules check takes one folder");
    RulesDir d;
    if (!read_rules_dir(a.files[1], d)) return 2;
    const auto problems = check_rules(d.standard, d.docs());
    print_rule_problems(problems, a.lang, std::cout);
    return problems.empty() ? 0 : 2;
  }

  std::shared_ptr<const Rules> rules;
  try {
    if (a.rules_dir.empty()) {
      rules = builtin_rules();
    } else {
      RulesDir d;
      if (!read_rules_dir(a.rules_dir, d)) return 2;
      rules = load_rules(d.standard, d.docs());
    }
  } catch (const RulesInvalid& ex) {  // every problem, where and why, in the language asked
    print_rule_problems(ex.problems(), a.lang, std::cerr);
    return 2;
  } catch (const std::exception& ex) {
    std::cerr << "nvcheck: " << ex.what() << "\n";
    return 2;
  }

  Options opt;
  opt.today = today_local();
  if (!a.on.empty() && !parse_date(a.on, opt.on)) return usage_error("--on must be a date YYYY-MM-DD, got " + a.on);
  if (!a.lang.empty() && !parse_lang(a.lang, opt.lang)) return usage_error("--lang must be en, zh-Hans or zh-Hant");

  if (a.command == "rules") {
    if (!a.files.empty()) return usage_error("rules takes no file");
    std::cout << "{\"id\":\"" << rules->id << "\",\"version\":\"" << rules->version << "\"}\n";
    std::cout << rules->standard_json;
    if (!rules->standard_json.empty() && rules->standard_json.back() != '\n') std::cout << '\n';
    return 0;
  }
  if (a.command == "mark-code") {
    if (a.files.empty()) return usage_error("mark-code needs a CODE");
    std::string code;
    for (const auto& f : a.files) code += (code.empty() ? "" : " ") + f;
    const MarkCodeCheck c = check_mark_code(code, *rules, opt.lang);
    if (a.format == "json") {
      std::cout << mark_code_json(c) << '\n';
    } else {
      std::cout << rules->text(c.well_formed ? "mark_code.well_formed" : "mark_code.not_well_formed", opt.lang) << '\n';
      if (c.well_formed) std::cout << "  " << c.normalised << (c.division_name.empty() ? "" : "  " + c.division_name) << '\n';
      for (const auto& p : c.problems) std::cout << "  - " << p << '\n';
      for (const auto& n : c.notes) std::cout << "  " << n << '\n';
    }
    return c.well_formed ? 0 : 1;
  }
  const bool is_check = a.command == "check", is_plan = a.command == "plan", is_report = a.command == "report";
  if (!is_check && !is_plan && !is_report) return usage_error("unknown command " + a.command);
  if (is_check && !a.jsonl.empty()) {
    if (!a.files.empty()) return usage_error("--jsonl takes its input instead of FILE arguments");
    return run_jsonl(a, opt, *rules);
  }
  if (a.files.empty()) return usage_error(a.command + " needs a FILE (or - for standard input)");
  if ((is_plan || is_report) && a.files.size() != 1) return usage_error(a.command + " takes exactly one FILE");
  if (is_report && a.output.empty()) return usage_error("report needs -o FILE.html");

  int worst = 0;
  for (const std::string& name : a.files) {
    std::string text, why;
    Output out;
    if (!read_input(name, text, why)) {
      std::cerr << "nvcheck: " << name << ": " << why << "\n";
      out.text = invalid_result_json({{"", "unreadable", {{"file", name}, {"detail", why}}}}, opt.on, opt.lang, *rules);
      out.verdict = Verdict::invalid;
      if (a.format == "text" && !is_report) {
        out.text = rules->text("text.verdict.invalid", opt.lang) + "\n  - " +
                   fill(rules->text("error.unreadable", opt.lang), {{"file", name}, {"detail", why}}) + "\n";
      }
    } else if (is_report) {
      out = report_html(text, opt, *rules);
    } else if (a.format == "text") {
      out = is_check ? check_text(text, opt, *rules) : plan_text(text, opt, *rules);
    } else {
      out = is_check ? check_json(text, opt, *rules) : plan_json(text, opt, *rules);
    }
    if (out.verdict == Verdict::invalid && !why.empty()) {
      // already said on stderr
    } else if (out.verdict == Verdict::invalid) {
      // One line naming the file and what is wrong first (the result line lists every error).
      std::string first;
      if (const Prepared p = prepare(text, opt, *rules); !p.errors.empty()) {
        first = error_message(p.errors.front(), *rules, opt.lang);
        if (p.errors.size() > 1) first += " (+" + std::to_string(p.errors.size() - 1) + ")";
      }
      std::cerr << "nvcheck: " << name << ": " << (first.empty() ? "invalid input" : first) << "\n";
    }
    worst = std::max(worst, exit_for(out.verdict));
    if (is_report) {
      if (out.verdict == Verdict::invalid) {
        std::cout << check_json(text, opt, *rules).text << '\n';
        continue;
      }
      std::ofstream f(a.output, std::ios::binary);
      if (!f || !(f << out.text)) {
        std::cerr << "nvcheck: cannot write " << a.output << "\n";
        return 2;
      }
      continue;
    }
    if (a.format == "text" && a.files.size() > 1) std::cout << "== " << name << " ==\n";
    std::cout << out.text;
    if (a.format == "json") std::cout << '\n';
    else if (a.files.size() > 1) std::cout << '\n';
  }
  return worst;
}
