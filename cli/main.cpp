// nvcheck: the command line door to the WQ-179 engine (docs/formats.md "Command line").
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/rules_check.hpp"
#include "nvcheck/rules_diff.hpp"
#include "nvcheck/nvcheck.hpp"

#ifndef NVCHECK_VERSION
#define NVCHECK_VERSION "0.1.0"
#endif

namespace {

using namespace nvcheck;

// --jobs accepts 1 to this many threads (the batch door is CPU-bound: more only costs memory).
constexpr unsigned kMaxJobs = 64;
// A batch of --jsonl lines holds at most this many bytes of input (plus one line of 8 MiB).
constexpr std::size_t kBatchBytes = 32u << 20;

const char* const kUsage =
    "usage: nvcheck check FILE... [--on YYYY-MM-DD] [--lang en|zh-Hans|zh-Hant] [--format json|text]\n"
    "       nvcheck check --jsonl FILE|- [--jobs N] [--on ...] [--lang ...]\n"
    "       nvcheck plan FILE [--on ...] [--lang ...] [--format json|text]\n"
    "       nvcheck report FILE [--on ...] [--lang ...|all] [--consultant NAME] [--notes NOTES.txt] -o report.html\n"
    "       nvcheck mark-code CODE [--lang ...]\n"
    "       nvcheck rules\n"
    "       nvcheck rules check DIR       (the rule set's problems; exit 0 none, 2 some)\n"
    "       nvcheck rules diff A B [--lang ...|all] [--json]  (what changed; exit 0 none, 1 some, 2 a bad set)\n"
    "Every command takes --rules DIR to read rule data (wq179.json, texts.json, report.json) from DIR.\n"
    "FILE may be - for standard input; -- ends the options. --jobs N: 1 to 64 threads (default: one\n"
    "per core). An input file or line may hold up to 8 MiB. Exit status: 0 all passed, 1 some failed,\n"
    "2 some input was invalid or unreadable, the output could not be written, or the command line was\n"
    "wrong. report: --consultant and --notes (a UTF-8 text file) print the consultant's name and the\n"
    "counselling notes in the report's counselling section (clause 8.8); they are never evaluated.\n";

// True if `s` is UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
bool is_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 9;
    if (n == 9 || i + n >= s.size()) return false;  // not a lead byte, or cut short
    std::uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (std::size_t k = 1; k <= n; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 0x2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// A name from the command line or a file, safe to print on a terminal.
std::string shown(const std::string& s) { return printable_text(s); }

int usage_error(const std::string& what) {
  std::cerr << "nvcheck: " << shown(what) << "\n" << kUsage;
  return 2;
}

Day today_local() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// Reads fd to its end, keeping at most limit + 1 bytes: a larger input is not read further (the
// engine reports too_large for it). False on a read error, with errno's reason in `why`.
bool read_fd(int fd, std::size_t limit, std::string& out, std::string& why) {
  out.clear();
  char buf[65536];
  while (out.size() <= limit) {
    const ssize_t n = ::read(fd, buf, std::min(sizeof buf, limit + 1 - out.size()));
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      why = std::string("read error (") + std::strerror(errno) + ")";
      return false;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

// An open file descriptor for FILE, or standard input for "-"; closed when it goes.
struct Input {
  int fd = -1;
  bool owned = false;
  Input(const std::string& name, std::string& why) {
    if (name == "-") { fd = 0; return; }
    fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    owned = fd >= 0;
    if (fd < 0) why = std::string("cannot open (") + std::strerror(errno) + ")";
  }
  ~Input() { if (owned) ::close(fd); }
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;
};

// Reads FILE (or stdin for "-"), at most 8 MiB and a byte; on failure, says why.
bool read_input(const std::string& name, std::string& text, std::string& why) {
  Input in(name, why);
  return in.fd >= 0 && read_fd(in.fd, Limits{}.max_bytes, text, why);
}

// The lines of a JSON Lines stream, each read with the 8 MiB limit: a longer line is cut at
// limit + 1 bytes and ends the stream (its end cannot be found without reading without limit).
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd) {}
  enum Status { line, end, too_long, error };
  Status next(std::string& out) {
    out.clear();
    const std::size_t limit = Limits{}.max_bytes;
    for (;;) {
      if (pos_ == len_) {
        const ssize_t n = ::read(fd_, buf_.get(), kBuf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { why_ = std::string("read error (") + std::strerror(errno) + ")"; return error; }
        if (n == 0) return out.empty() ? end : line;
        pos_ = 0;
        len_ = static_cast<std::size_t>(n);
      }
      const char* from = buf_.get() + pos_;
      const void* nl = std::memchr(from, '\n', len_ - pos_);
      const std::size_t take = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - from) : len_ - pos_;
      out.append(from, std::min(take, limit + 1 - out.size()));
      pos_ += take + (nl ? 1 : 0);
      if (out.size() > limit) return too_long;
      if (nl) return line;
    }
  }
  const std::string& why() const { return why_; }

 private:
  static constexpr std::size_t kBuf = 65536;
  int fd_;
  std::unique_ptr<char[]> buf_{new char[kBuf]};
  std::size_t pos_ = 0, len_ = 0;
  std::string why_;
};

// A rule data file, at most 8 MiB.
bool read_rules_file(const std::string& path, std::string& out) {
  std::string why;
  return read_input(path, out, why) && out.size() <= Limits{}.max_bytes;
}

int exit_for(Verdict v) { return v == Verdict::pass ? 0 : v == Verdict::fail ? 1 : 2; }

struct Args {
  std::string command;
  std::vector<std::string> files;
  std::string on, lang, format = "json", rules_dir, output, jsonl;
  std::string consultant, notes_file;  // report only (clause 8.8)
  unsigned jobs = 0;  // 0: one per core
  bool help = false, version = false, json = false;
};

// 1 to kMaxJobs written in decimal digits, nothing else ("2x", "1e3", "-1", "0" refused).
bool parse_jobs(const std::string& s, unsigned& jobs) {
  if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  const unsigned long n = std::stoul(s);
  if (n < 1 || n > kMaxJobs) return false;
  jobs = static_cast<unsigned>(n);
  return true;
}

bool parse_args(int argc, char** argv, Args& a, std::string& err) {
  bool options_ended = false;
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    auto value = [&](std::string& dst) {
      if (i + 1 >= argc) { err = s + " needs a value"; return false; }
      dst = argv[++i];
      if (dst.empty()) { err = s + " needs a value, not an empty one"; return false; }
      return true;
    };
    if (options_ended || s == "-" || s.empty() || s[0] != '-') {
      if (a.command.empty()) a.command = s;
      else a.files.push_back(s);
    }
    else if (s == "--") options_ended = true;
    else if (s == "--help" || s == "-h") a.help = true;
    else if (s == "--version") a.version = true;
    else if (s == "--json") a.json = true;
    else if (s == "--on") { if (!value(a.on)) return false; }
    else if (s == "--lang") { if (!value(a.lang)) return false; }
    else if (s == "--format") { if (!value(a.format)) return false; }
    else if (s == "--rules") { if (!value(a.rules_dir)) return false; }
    else if (s == "-o" || s == "--output") { if (!value(a.output)) return false; }
    else if (s == "--jsonl") { if (!value(a.jsonl)) return false; }
    else if (s == "--consultant") { if (!value(a.consultant)) return false; }
    else if (s == "--notes") { if (!value(a.notes_file)) return false; }
    else if (s == "--jobs") {
      std::string j;
      if (!value(j)) return false;
      if (!parse_jobs(j, a.jobs)) {
        err = "--jobs must be a whole number from 1 to " + std::to_string(kMaxJobs) + ", got " + j;
        return false;
      }
    }
    else { err = "unknown option " + s; return false; }
  }
  if (a.format != "json" && a.format != "text") { err = "--format must be json or text"; return false; }
  return true;
}

// A rule folder's documents: wq179.json, and texts.json / report.json (built-in when absent).
struct RulesDir {
  std::string standard, texts, report;
  bool own_texts = false, own_report = false;
  std::vector<std::string_view> docs() const {
    return {own_texts ? std::string_view(texts) : builtin_texts_json(), own_report ? std::string_view(report) : builtin_report_json()};
  }
};

bool read_rules_dir(const std::string& dir, RulesDir& d) {
  if (!read_rules_file(dir + "/wq179.json", d.standard)) {
    std::cerr << "nvcheck: cannot read " << shown(dir) << "/wq179.json (or it is larger than 8 MiB)\n";
    return false;
  }
  d.own_texts = read_rules_file(dir + "/texts.json", d.texts);
  d.own_report = read_rules_file(dir + "/report.json", d.report);
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

// A rule folder loaded (and so validated); null, with every problem said on stderr, when it cannot be.
std::shared_ptr<const Rules> load_rules_dir(const std::string& dir, const std::string& lang) {
  RulesDir d;
  if (!read_rules_dir(dir, d)) return nullptr;
  try {
    return load_rules(d.standard, d.docs());
  } catch (const RulesInvalid& ex) {
    std::cerr << "nvcheck: " << shown(dir) << ":\n";
    print_rule_problems(ex.problems(), lang, std::cerr);
  } catch (const RulesError& ex) {
    std::cerr << "nvcheck: " << shown(dir) << ": " << shown(ex.what()) << "\n";
  }
  return nullptr;
}

// nvcheck rules diff A B [--lang en|zh-Hans|zh-Hant|all] [--json]: each change a line (with
// --lang all, in the three languages, one after the other), or the diff as JSON.
int run_rules_diff(const Args& a) {
  if (a.files.size() != 3) return usage_error("rules diff takes two folders");
  std::vector<Lang> langs;
  if (a.lang == "all") {
    langs = {Lang::zh_Hans, Lang::zh_Hant, Lang::en};
  } else {
    Lang l = Lang::en;
    if (!a.lang.empty() && !parse_lang(a.lang, l)) return usage_error("--lang must be en, zh-Hans, zh-Hant or all");
    langs = {l};
  }
  const auto ra = load_rules_dir(a.files[1], a.lang), rb = load_rules_dir(a.files[2], a.lang);
  if (!ra || !rb) return 2;
  const std::vector<RuleChange> changes = diff_rules(*ra, *rb);
  const Rules& messages = *builtin_rules();
  if (a.json) {
    std::cout << rule_changes_json(*ra, *rb, changes, messages) << "\n";
  } else if (changes.empty()) {
    for (Lang l : langs) std::cout << messages.text("rules_diff.none", l) << "\n";
  } else {
    for (std::size_t i = 0; i < changes.size(); ++i) {
      if (i && langs.size() > 1) std::cout << "\n";
      for (Lang l : langs) std::cout << shown(rule_change_text(changes[i], messages, l)) << "\n";
    }
  }
  return changes.empty() ? 0 : 1;
}

// Checks each line of `lines` with up to `jobs` threads; out[i] and verdicts[i] are line i's.
void check_batch(const std::vector<std::string>& lines, unsigned jobs, const Options& opt, const Rules& rules,
                 std::vector<std::string>& outs, std::vector<Verdict>& verdicts) {
  outs.assign(lines.size(), std::string());
  verdicts.assign(lines.size(), Verdict::invalid);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    try {
      for (std::size_t i; (i = next.fetch_add(1)) < lines.size();) {
        Output o = check_json(lines[i], opt, rules);
        outs[i] = std::move(o.text);
        verdicts[i] = o.verdict;
      }
    } catch (...) {
      failed = true;  // an allocation failure: reported by the caller, never a silent line
      next = lines.size();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs && t < lines.size(); ++t) {
    try { pool.emplace_back(work); } catch (...) { break; }  // fewer threads, same output
  }
  work();
  for (auto& t : pool) t.join();
  if (failed) throw std::bad_alloc();
}

// One line per enterprise of a JSON Lines stream, in order, with up to `jobs` threads.
int run_jsonl(const Args& a, const Options& opt, const Rules& rules) {
  std::string why;
  Input in(a.jsonl, why);
  if (in.fd < 0) {
    std::cerr << "nvcheck: " << shown(a.jsonl) << ": " << why << "\n";
    return 2;
  }
  LineReader reader(in.fd);
  const unsigned jobs = a.jobs ? a.jobs : std::clamp(std::thread::hardware_concurrency(), 1u, kMaxJobs);
  const std::size_t batch = 256 * jobs;
  int worst = 0;
  std::vector<std::string> lines, outs;
  std::vector<Verdict> verdicts;
  std::string line, chunk;
  std::size_t line_no = 0;
  LineReader::Status st = LineReader::line;
  while (st == LineReader::line) {
    lines.clear();
    std::size_t bytes = 0;
    while (lines.size() < batch && bytes < kBatchBytes) {
      st = reader.next(line);
      if (st == LineReader::end || st == LineReader::error) break;
      ++line_no;
      if (st == LineReader::too_long) {  // checked as it is: the engine says too_large
        lines.push_back(std::move(line));
        break;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      bytes += line.size();
      lines.push_back(std::move(line));
    }
    check_batch(lines, jobs, opt, rules, outs, verdicts);
    chunk.clear();
    for (std::size_t i = 0; i < outs.size(); ++i) {
      chunk += outs[i];
      chunk += '\n';
      worst = std::max(worst, exit_for(verdicts[i]));
    }
    if (!std::cout.write(chunk.data(), static_cast<std::streamsize>(chunk.size()))) return 2;  // said by main
  }
  if (st == LineReader::too_long) {
    std::cerr << "nvcheck: " << shown(a.jsonl) << ": line " << line_no << " is longer than 8 MiB; the rest of the input is not read\n";
    return 2;
  }
  if (st == LineReader::error) {
    std::cerr << "nvcheck: " << shown(a.jsonl) << ": " << reader.why() << "\n";
    return 2;
  }
  return worst;
}

// Writes a whole file; false (with the reason) when any byte could not be written.
bool write_file(const std::string& path, const std::string& text, std::string& why) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) { why = std::strerror(errno); return false; }
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  f.close();
  if (!f) { why = std::strerror(errno); return false; }
  return true;
}

// A closed standard stream would be taken by the next file opened (-o): standard output is
// pointed at /dev/full instead, so that writing to it fails and is reported.
bool stdout_was_closed = false;
void guard_standard_streams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    if (fd == 1) stdout_was_closed = true;
    ::open(fd == 0 ? "/dev/null" : fd == 1 ? "/dev/full" : "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
  }
}

int run(int argc, char** argv) {
  Args a;
  std::string err;
  if (!parse_args(argc, argv, a, err)) return usage_error(err);
  if (a.version) {
    std::cout << "nvcheck " NVCHECK_VERSION "\n";
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

  // nvcheck rules diff A B: what changed from rule set A to B (exit 0 none, 1 some, 2 a bad set).
  if (a.command == "rules" && !a.files.empty() && a.files[0] == "diff") return run_rules_diff(a);

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
    std::cerr << "nvcheck: " << shown(ex.what()) << "\n";
    return 2;
  }

  Options opt;
  opt.today = today_local();
  if (!a.on.empty() && !parse_date(a.on, opt.on)) return usage_error("--on must be a date YYYY-MM-DD, got " + a.on);
  const bool all_languages = a.lang == "all" && a.command == "report";  // Table E.1's three forms
  if (!a.lang.empty() && !all_languages && !parse_lang(a.lang, opt.lang)) return usage_error("--lang must be en, zh-Hans or zh-Hant (report: or all)");

  if (a.command == "rules") {
    if (!a.files.empty()) return usage_error("rules takes no file");
    std::string head = "{\"id\":";
    append_json_string(head, rules->id);
    head += ",\"version\":";
    append_json_string(head, rules->version);
    std::cout << head << "}\n";
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
      if (c.well_formed) std::cout << "  " << shown(c.normalised) << (c.division_name.empty() ? "" : "  " + shown(c.division_name)) << '\n';
      for (const auto& p : c.problems) std::cout << "  - " << shown(p) << '\n';
      for (const auto& n : c.notes) std::cout << "  " << shown(n) << '\n';
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
  if (!is_report && (!a.consultant.empty() || !a.notes_file.empty())) return usage_error("--consultant and --notes are for report only");
  // Clause 8.8: the consultant and the notes go through the engine's own options (the module's
  // `consultant` and `notes`), so the CLI checks them as the page's report does.
  Options counselling;
  if (is_report && (!a.consultant.empty() || !a.notes_file.empty())) {
    std::string notes, why;
    if (!a.notes_file.empty() && !read_input(a.notes_file, notes, why)) {
      std::cerr << "nvcheck: " << shown(a.notes_file) << ": " << why << "\n";
      return 2;
    }
    for (const auto& [what, value] : {std::pair<std::string, const std::string*>{shown(a.notes_file), &notes}, {"--consultant", &a.consultant}}) {
      if (is_utf8(*value)) continue;
      std::cerr << "nvcheck: " << what << ": not UTF-8 text (save it as UTF-8)\n";
      return 2;
    }
    if (notes.size() + a.consultant.size() > Limits{}.max_options_bytes - 64) {
      std::cerr << "nvcheck: " << shown(a.notes_file) << ": the notes may hold up to 1 MiB\n";
      return 2;
    }
    std::string json = "{\"consultant\":";
    append_json_string(json, a.consultant);
    json += ",\"notes\":";
    append_json_string(json, notes);
    json += "}";
    counselling = parse_options(json, opt.today);
  }
  Options report_options = opt;
  report_options.all_languages = all_languages;
  report_options.consultant = counselling.consultant;
  report_options.notes = counselling.notes;
  report_options.errors.insert(report_options.errors.end(), counselling.errors.begin(), counselling.errors.end());

  int worst = 0;
  for (const std::string& name : a.files) {
    std::string text, why;
    Output out;
    if (!read_input(name, text, why)) {
      std::cerr << "nvcheck: " << shown(name) << ": " << why << "\n";
      const std::vector<InputError> unreadable = {{"", "unreadable", {{"file", name}, {"detail", why}}}};
      out.text = a.format == "text" && !is_report ? invalid_text(unreadable, *rules, opt.lang)
                                                  : invalid_result_json(unreadable, opt.on, opt.lang, *rules);
      out.verdict = Verdict::invalid;
    } else if (is_report) {
      out = report_html(text, report_options, *rules);
    } else if (a.format == "text") {
      out = is_check ? check_text(text, opt, *rules) : plan_text(text, opt, *rules);
    } else {
      out = is_check ? check_json(text, opt, *rules) : plan_json(text, opt, *rules);
    }
    if (out.verdict == Verdict::invalid && !why.empty()) {
      // already said on stderr
    } else if (out.verdict == Verdict::invalid) {
      // One line naming the file and what is wrong first, as the engine said it (the result
      // line lists every error).
      std::string first = out.errors.empty() ? std::string("invalid input") : out.errors.front();
      if (out.errors.size() > 1) first += " (+" + std::to_string(out.errors.size() - 1) + ")";
      std::cerr << "nvcheck: " << shown(name) << ": " << shown(first) << "\n";
    }
    worst = std::max(worst, exit_for(out.verdict));
    if (is_report) {
      if (out.verdict == Verdict::invalid) {
        Options result_options = report_options;  // its errors: the file's and a bad note's
        result_options.all_languages = false;
        std::cout << check_json(text, result_options, *rules).text << '\n';
        continue;
      }
      std::string why_not;
      if (!write_file(a.output, out.text, why_not)) {
        std::cerr << "nvcheck: cannot write " << shown(a.output) << " (" << why_not << ")\n";
        return 2;
      }
      continue;
    }
    if (a.format == "text" && a.files.size() > 1) std::cout << "== " << shown(name) << " ==\n";
    std::cout << out.text;
    if (a.format == "json") std::cout << '\n';
    else if (a.files.size() > 1) std::cout << '\n';
  }
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  guard_standard_streams();
  int code;
  try {
    code = run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "nvcheck: out of memory\n";
    code = 2;
  } catch (const std::exception& ex) {
    std::cerr << "nvcheck: " << shown(ex.what()) << "\n";
    code = 2;
  }
  // What was not written is not a success: a full disk, a closed or broken standard output.
  errno = 0;
  if (!std::cout.flush()) {
    const int e = errno;
    std::cerr << "nvcheck: cannot write standard output ("
              << (stdout_was_closed ? "it is closed" : e ? std::strerror(e) : "write error") << ")\n";
    return 2;
  }
  return code;
}
