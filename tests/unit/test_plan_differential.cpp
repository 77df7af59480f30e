// docs/rules.md "Route to passing", "How the actions are projected": make_plan projects each action
// from one sweep of the file's timeline (core/src/plan.cpp, CutSpanProjection). Here the way it
// was done before, a whole timeline per action (kept only as this test's oracle), is compared with
// it field by field on seeded random enterprises and on every golden case.
// (The evaluation, disputes and waits are computed by make_plan either way; what is compared is
// each action's projection, and the all-actions date.)
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

namespace fs = std::filesystem;
using namespace test;
using json = nlohmann::json;

namespace {

// The oracle: make_plan as it was (issue 13), each action projected on a whole new timeline of
// the file with the action done (the way make_plan falls back to, so that path is tested too).
Plan oracle_plan(const Enterprise& e, const Rules& rules, Day on) {
  return make_plan(e, rules, on, {}, ActionProjection::whole_timeline);
}

// Every field of the two plans; returns how many actions were compared.
std::size_t compare(const Plan& got, const Plan& want, const Enterprise& e) {
  CHECK(got.evaluation.pass == want.evaluation.pass);
  CHECK(got.evaluation.earliest_pass == want.evaluation.earliest_pass);
  REQUIRE(got.actions.size() == want.actions.size());
  for (std::size_t i = 0; i < got.actions.size(); ++i) {
    const PlanAction& g = got.actions[i];
    const PlanAction& w = want.actions[i];
    CAPTURE(i);
    CAPTURE(e.records[w.record].id);
    CAPTURE(w.indicator);
    CHECK(g.record == w.record);
    CHECK(g.indicator == w.indicator);
    CHECK(g.action == w.action);
    CHECK(g.decided_by == w.decided_by);
    CHECK(iso(g.counts_until) == iso(w.counts_until));
    CHECK(iso(g.clause_clears_on) == iso(w.clause_clears_on));
    CHECK(iso(g.earliest_pass) == iso(w.earliest_pass));
    CHECK(g.changes_nothing == w.changes_nothing);
  }
  CHECK(iso(got.earliest_pass_all_actions) == iso(want.earliest_pass_all_actions));
  CHECK(got.has_disputes == want.has_disputes);
  CHECK(got.disputed_records == want.disputed_records);
  CHECK(got.disputes_pass == want.disputes_pass);
  CHECK(iso(got.disputes_earliest_pass) == iso(want.disputes_earliest_pass));
  REQUIRE(got.waits.size() == want.waits.size());
  for (std::size_t i = 0; i < got.waits.size(); ++i) {
    CHECK(got.waits[i].item == want.waits[i].item);
    CHECK(iso(got.waits[i].clears_on) == iso(want.waits[i].clears_on));
  }
  return got.actions.size();
}

// splitmix64: a small seeded PRNG (the same enterprises on every machine).
struct Prng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  int in(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool chance(int percent) { return in(0, 99) < percent; }
};

// A value of the record's k-th scope field's enumeration (-1: none), or -1 when the list has none.
int enum_value(Prng& g, const ListDef& list, std::size_t k) {
  if (list.scope_field[k] < 0) return -1;
  const EnumDef* en = list.fields[static_cast<std::size_t>(list.scope_field[k])].enumeration;
  if (!en || en->values.empty() || g.chance(5)) return -1;
  return g.in(0, static_cast<int>(en->values.size()) - 1);
}

// A date near D: on a month grid around D (ties with D, with each other and with month-end
// windows), or any day within about six years before and one after.
Day near(Prng& g, Day on) {
  if (g.chance(35)) return add_months(on, g.in(-72, 12));
  if (g.chance(10)) return on + g.in(-2, 2);
  return on + g.in(-6 * 365, 365);
}

Enterprise random_enterprise(Prng& g, const Rules& rules, Day on, int max_records) {
  Enterprise e;
  e.name = "测试企业";
  e.region = Region::GD;
  e.division_code = "440103";
  e.incorporated_on = g.chance(15) ? on - g.in(0, 600) : on - g.in(600, 9000);  // 6.1.1 fails sometimes
  const int prev = g.chance(60) ? 0 : g.in(1, 3);
  for (int i = 0; i < prev; ++i) {
    PreviousApplication p;
    p.result_on = on + g.in(-900, 60);
    p.failed = g.chance(50);
    p.false_information = p.failed && g.chance(30);
    e.previous.push_back(p);
  }
  const int n = g.in(0, max_records);
  const int hot = g.in(0, kListCount - 1);  // one list gets most records (counts above thresholds)
  for (int i = 0; i < n; ++i) {
    Record r;
    const int li = g.chance(40) ? hot : g.in(0, kListCount - 1);
    r.list = static_cast<ListKind>(li);
    const ListDef& list = rules.lists[static_cast<std::size_t>(li)];
    r.id = "r" + std::to_string(g.in(0, 3 * n));  // ids may repeat: the order breaks ties by id
    r.start = near(g, on);
    if (g.chance(55)) r.end = g.chance(20) ? on + g.in(1, 400) : r.start + g.in(0, 1500);  // often after D
    if (g.chance(3)) r.end = on;
    if (li == static_cast<int>(ListKind::risk_list_entries) && g.chance(60)) r.valid_until = r.start + g.in(0, 1500);
    r.decided_on = g.chance(50) ? kNever : r.start - g.in(0, 200);
    r.enum_a = enum_value(g, list, 0);
    r.enum_b = enum_value(g, list, 1);
    r.appendix_index = g.chance(85) ? 0 : -1;
    r.appendix_value = "x";
    r.flag = g.chance(85) ? rules.indicators[static_cast<std::size_t>(li)].flag_counts
                          : !rules.indicators[static_cast<std::size_t>(li)].flag_counts;
    r.disputed = g.chance(8);
    e.records.push_back(std::move(r));
  }
  // Records in file order, list by list, as the reader gives them.
  std::stable_sort(e.records.begin(), e.records.end(), [](const Record& a, const Record& b) { return a.list < b.list; });
  std::array<std::uint32_t, kListCount> pos{};
  for (Record& r : e.records) r.position = pos[static_cast<std::size_t>(r.list)]++;
  return e;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string rules_file(const char* name) { return slurp(fs::path(NVCHECK_SOURCE_DIR) / "rules" / name); }

}  // namespace

TEST_SUITE("plan") {
  TEST_CASE("8.8 the route to passing from one sweep equals a timeline per action (random enterprises)") {
    // The rules as built in, and with other thresholds (1 to 3 on every indicator).
    std::vector<std::shared_ptr<const Rules>> variants{builtin_rules()};
    for (std::size_t v = 0; v < 2; ++v) {
      json standard = json::parse(rules_file("wq179.json"));
      std::size_t li = 0;
      for (json& ind : standard["indicators"]) ind["threshold"] = 1 + (li++ + v) % 3;
      variants.push_back(load_rules(standard.dump(1), {rules_file("texts.json"), rules_file("report.json")}));
      REQUIRE(variants.back());
    }
    const Day on = day("2026-03-31");
    std::size_t actions = 0, without_action = 0;
    std::array<std::size_t, kListCount> per_list{};
    for (std::uint64_t seed = 1; seed <= 1500; ++seed) {
      Prng g{seed};
      const Rules& rs = *variants[seed % variants.size()];
      const Day d = g.chance(50) ? on : on + g.in(-400, 400);
      const Enterprise e = random_enterprise(g, rs, d, seed % 100 == 0 ? 600 : seed % 10 == 0 ? 150 : 25);
      CAPTURE(seed);
      const Plan want = oracle_plan(e, rs, d);
      const Plan got = make_plan(e, rs, d);
      actions += compare(got, want, e);
      for (const PlanAction& a : want.actions) ++per_list[static_cast<std::size_t>(a.indicator)];
      without_action += want.actions.empty();
    }
    MESSAGE("actions compared: " << actions << "; enterprises without an action: " << without_action);
    // The random files reach every indicator that has an end event.
    for (std::size_t li = 0; li < kListCount; ++li)
      if (!rules().indicators[li].end_action.empty()) CHECK(per_list[li] > 0);
  }

  TEST_CASE("8.8 the route to passing from one sweep equals a timeline per action (golden cases)") {
    std::size_t files = 0;
    {
      const fs::path root = fs::path(NVCHECK_SOURCE_DIR) / "tests" / "cases" / "good";
      std::vector<fs::path> inputs;
      for (const auto& f : fs::directory_iterator(root))
        if (f.path().extension() == ".json" && f.path().filename().string().find(".expect.") == std::string::npos)
          inputs.push_back(f.path());
      std::sort(inputs.begin(), inputs.end());
      for (const fs::path& in : inputs) {
        CAPTURE(in.filename().string());
        const json expect = json::parse(slurp(fs::path(in).replace_extension(".expect.json")));
        Options o;  // the date the case is evaluated on, as test_golden.cpp runs it
        if (expect.contains("on") && expect["on"].is_string()) o.on = day(expect["on"].get<std::string>().c_str());
        const Prepared p = prepare(slurp(in), o, rules());
        REQUIRE(p.valid());
        compare(make_plan(p.parsed.enterprise, rules(), p.on), oracle_plan(p.parsed.enterprise, rules(), p.on),
                p.parsed.enterprise);
        ++files;
      }
    }
    CHECK(files > 30);
  }
}
