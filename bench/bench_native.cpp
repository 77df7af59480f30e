// nvcheck_bench: times the library door (check_json) over a JSON Lines file of enterprises.
//
//   nvcheck_bench FILE.jsonl [--seconds S] [--lang en|zh-Hans|zh-Hant] [--json] [--stages]
//   nvcheck_bench --plan FILE.json... [--seconds S] [--lang L]
//
// Runs check_json over every line, again and again for about S seconds (default 1.5) after one
// warm-up pass, and prints enterprises per second, microseconds per enterprise (the best of
// rounds of 0.1 s, and their median) and the peak RSS.
// --json prints one JSON object instead (for bench/run.sh); --stages adds where the time goes
// (reading, evaluating, writing). --plan times the route to passing (make_plan, then the whole
// plan_json door) on each enterprise file (one enterprise each, e.g. bench/data/plan-*.json from
// bench/plan_bench.mjs). Prints figures, asserts nothing.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "nvcheck/builtin_rules.hpp"
#include "nvcheck/nvcheck.hpp"

namespace {

long peak_rss_kib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // KiB on Linux
}

int usage() {
  std::fprintf(stderr, "usage: nvcheck_bench FILE.jsonl [--seconds S] [--lang en|zh-Hans|zh-Hant] [--json] [--stages]\n"
                       "       nvcheck_bench --plan FILE.json... [--seconds S] [--lang L]\n");
  return 2;
}

}  // namespace

struct Timing {
  double best_us = 0, median_us = 0, seconds = 0;
  std::size_t runs = 0;
};

// Rounds of at least 0.1 s (whole passes over the lines) until `seconds` are spent; the best round
// is the figure (least disturbed by other processes), the median is printed beside it.
template <class Body>
Timing time_lines(const std::vector<std::string>& lines, double seconds, Body&& body) {
  using clock = std::chrono::steady_clock;
  std::vector<double> round_us;
  std::size_t done = 0, sink = 0;
  double elapsed = 0;
  const auto t0 = clock::now();
  do {
    const auto r0 = clock::now();
    std::size_t n = 0;
    double r = 0;
    do {
      for (const std::string& line : lines) sink += body(line);
      n += lines.size();
      r = std::chrono::duration<double>(clock::now() - r0).count();
    } while (r < 0.1);
    round_us.push_back(r * 1e6 / static_cast<double>(n));
    done += n;
    elapsed = std::chrono::duration<double>(clock::now() - t0).count();
  } while (elapsed < seconds);
  if (sink == 0) std::fprintf(stderr, "(no output)\n");
  std::sort(round_us.begin(), round_us.end());
  return {round_us.front(), round_us[round_us.size() / 2], elapsed, done};
}

// --stages: where check_json's time goes, by timing its steps cumulatively (reading the file into
// typed records; + evaluating; the whole call, which adds writing the result).
void print_stages(const std::vector<std::string>& lines, double seconds, const nvcheck::Options& options,
                  const nvcheck::Rules& rules, double whole_us) {
  using namespace nvcheck;
  Limits limits;
  limits.keep_free_text = false;  // as check_json reads
  const Timing read = time_lines(lines, seconds, [&](const std::string& line) {
    return prepare(line, options, rules, limits).parsed.enterprise.records.size();
  });
  const Timing evaluated = time_lines(lines, seconds, [&](const std::string& line) {
    Prepared p = prepare(line, options, rules, limits);
    if (!p.valid()) return std::size_t{1};
    const Evaluation ev = evaluate(p.parsed.enterprise, rules, p.on, std::move(p.parsed.warnings));
    return static_cast<std::size_t>(ev.pass) + 1;
  });
  std::printf("  stages (best rounds, cumulative): read %.2f us, + evaluate %.2f us, + write %.2f us\n",
              read.best_us, evaluated.best_us - read.best_us, whole_us - evaluated.best_us);
}

// --plan: make_plan alone (the file read once), then plan_json (reading, the plan, writing), on
// each file; best round and median in milliseconds.
int bench_plan(const std::vector<std::string>& files, double seconds, const std::string& lang) {
  using namespace nvcheck;
  const auto rules = builtin_rules();
  const Options options = parse_options("{\"lang\":\"" + lang + "\"}");
  if (!options.errors.empty()) return usage();
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "nvcheck_bench: cannot open %s\n", file.c_str());
      return 2;
    }
    const std::vector<std::string> text{std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())};
    const Prepared p = prepare(text[0], options, *rules);
    if (!p.valid()) {
      std::fprintf(stderr, "nvcheck_bench: %s is not a valid enterprise file\n", file.c_str());
      return 2;
    }
    const Enterprise& e = p.parsed.enterprise;
    const Plan plan = make_plan(e, *rules, p.on);
    const Timing made = time_lines(text, seconds, [&](const std::string&) {
      return make_plan(e, *rules, p.on).actions.size() + 1;
    });
    const Timing whole = time_lines(text, seconds, [&](const std::string& t) { return plan_json(t, options, *rules).text.size(); });
    std::printf("%s: %zu records, %zu actions\n  native make_plan %.2f ms (best round; median %.2f), "
                "plan_json %.2f ms (median %.2f) [%s build]\n",
                file.c_str(), e.records.size(), plan.actions.size(), made.best_us / 1e3, made.median_us / 1e3,
                whole.best_us / 1e3, whole.median_us / 1e3, NVCHECK_BENCH_BUILD);
  }
  return 0;
}

int main(int argc, char** argv) {
  std::string file, lang = "en";
  std::vector<std::string> plan_files;
  double seconds = 1.5;
  bool json = false, stages = false, plan = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    else if (a == "--lang" && i + 1 < argc) lang = argv[++i];
    else if (a == "--json") json = true;
    else if (a == "--stages") stages = true;
    else if (a == "--plan") plan = true;
    else if (!a.empty() && a[0] != '-' && plan) plan_files.push_back(a);
    else if (!a.empty() && a[0] != '-' && file.empty()) file = a;
    else return usage();
  }
  if (plan) return plan_files.empty() ? usage() : bench_plan(plan_files, seconds, lang);
  if (file.empty()) return usage();

  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "nvcheck_bench: cannot open %s\n", file.c_str());
    return 2;
  }
  std::vector<std::string> lines;
  std::size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    bytes += line.size();
    lines.push_back(std::move(line));
  }
  if (lines.empty()) {
    std::fprintf(stderr, "nvcheck_bench: %s has no enterprises\n", file.c_str());
    return 2;
  }

  using namespace nvcheck;
  const auto rules = builtin_rules();
  const Options options = parse_options("{\"lang\":\"" + lang + "\"}");
  if (!options.errors.empty()) return usage();

  // Warm-up pass, which also counts the verdicts.
  std::size_t pass = 0, fail = 0, invalid = 0, out_bytes = 0;
  for (const std::string& line : lines) {
    const Output o = check_json(line, options, *rules);
    out_bytes += o.text.size();
    (o.verdict == Verdict::pass ? pass : o.verdict == Verdict::fail ? fail : invalid)++;
  }

  const Timing whole = time_lines(lines, seconds, [&](const std::string& line) {
    return check_json(line, options, *rules).text.size();
  });
  const double us = whole.best_us, median_us = whole.median_us, elapsed = whole.seconds;
  const std::size_t done = whole.runs;
  const double per_s = 1e6 / us;
  const double in_kib = static_cast<double>(bytes) / static_cast<double>(lines.size()) / 1024.0;
  const double out_kib = static_cast<double>(out_bytes) / static_cast<double>(lines.size()) / 1024.0;
  if (json) {
    std::printf("{\"door\":\"native\",\"file\":\"%s\",\"enterprises\":%zu,\"input_kib\":%.2f,\"output_kib\":%.2f,"
                "\"runs\":%zu,\"seconds\":%.3f,\"us_per_enterprise\":%.2f,\"median_us\":%.2f,\"per_second\":%.0f,\"peak_rss_kib\":%ld,"
                "\"verdicts\":{\"pass\":%zu,\"fail\":%zu,\"invalid\":%zu},\"build\":\"%s\"}\n",
                file.c_str(), lines.size(), in_kib, out_kib, done, elapsed, us, median_us, per_s, peak_rss_kib(), pass, fail,
                invalid, NVCHECK_BENCH_BUILD);
  } else {
    std::printf("%s: %zu enterprises (%.1f KiB in, %.1f KiB out each; %zu pass, %zu fail, %zu invalid)\n",
                file.c_str(), lines.size(), in_kib, out_kib, pass, fail, invalid);
    std::printf("  native check_json: %.0f enterprises/s, %.2f us per enterprise (best round; median %.2f; "
                "%zu calls in %.2f s), peak RSS %ld KiB [%s build]\n",
                per_s, us, median_us, done, elapsed, peak_rss_kib(), NVCHECK_BENCH_BUILD);
  }
  if (stages) print_stages(lines, seconds, options, *rules, us);
  return 0;
}
