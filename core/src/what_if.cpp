// What if the route to passing's actions were done (docs/formats.md "What if"): the file edited as
// a person would edit it (each action's record given its end date, the indicator's
// `ongoing_until` field in the rule data), then checked like any file. One source for what an
// action does: the page shows this instead of editing its own copy.
#include <nlohmann/json.hpp>

#include "json_dom.hpp"
#include "nvcheck/nvcheck.hpp"
#include "render.hpp"

namespace nvcheck {
namespace {

using ojson = nlohmann::ordered_json;  // the edited file keeps its keys in the order given

// One action to do, as the plan gives it.
struct Wanted {
  std::string record, clause, action, done_on;
};

// The record list and its end-date field for a clause, from the rule data ("records",
// "ongoing_until" of the indicator); false when the clause has no end event.
bool end_field(const Rules& rules, const std::string& clause, std::string& list, std::string& field) {
  nlohmann::json std_data;
  if (!read_json(rules.standard_json, std_data) || !std_data.is_object()) return false;
  const auto inds = std_data.find("indicators");
  if (inds == std_data.end() || !inds->is_array()) return false;
  for (const auto& ind : *inds) {
    if (!ind.is_object() || ind.value("clause", std::string()) != clause) continue;
    const auto rec = ind.find("records"), end = ind.find("ongoing_until");
    if (rec == ind.end() || end == ind.end() || !rec->is_string() || !end->is_string()) return false;
    list = rec->get<std::string>();
    field = end->get<std::string>();
    return true;
  }
  return false;
}

// Reads the actions array; each problem is a bad_action error with the action's number.
std::vector<Wanted> read_actions(std::string_view text, std::vector<InputError>& errors) {
  std::vector<Wanted> out;
  nlohmann::json j;
  if (!read_json(text, j) || !j.is_array()) {
    errors.push_back({"", "bad_action", {{"position", "1"}}});
    return out;
  }
  for (std::size_t i = 0; i < j.size(); ++i) {
    const auto& a = j[i];
    Wanted w;
    Day d;
    auto str = [&](const char* key, std::string& to) {
      const auto it = a.find(key);
      if (it == a.end() || !it->is_string()) return false;
      to = it->get<std::string>();
      return true;
    };
    if (!a.is_object() || !str("record", w.record) || !str("clause", w.clause) || !str("action", w.action) ||
        !str("done_on", w.done_on) || !parse_date(w.done_on, d)) {
      errors.push_back({"", "bad_action", {{"position", std::to_string(i + 1)}}});
      continue;
    }
    out.push_back(std::move(w));
  }
  return out;
}

Output invalid(const std::vector<InputError>& errors, Day on, const Options& options, const Rules& rules) {
  std::vector<std::string> messages = error_messages(errors, rules, options.lang);
  std::string text = invalid_result_json_of(errors, messages, on, rules);  // each message written once
  return {std::move(text), Verdict::invalid, std::move(messages)};
}

}  // namespace

Output what_if_json(std::string_view text, std::string_view actions_json, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  if (!p.valid()) return invalid(p.errors, p.on, options, rules);
  std::vector<InputError> errors;
  const std::vector<Wanted> wanted = read_actions(actions_json, errors);
  if (!errors.empty()) return invalid(errors, p.on, options, rules);

  // Only what the route to passing offers for this file at this date (the action that ends the
  // record's count: docs/rules.md "Route to passing").
  const Enterprise& e = p.parsed.enterprise;
  const Plan plan = make_plan(e, rules, p.on);
  ojson file = ojson::parse(text.begin(), text.end(), nullptr, false);  // valid: prepared above
  std::string changes = "[";
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const Wanted& w = wanted[i];
    bool offered = false;
    for (const PlanAction& a : plan.actions)
      if (e.records[a.record].id == w.record && a.action == w.action &&
          rules.indicators[static_cast<std::size_t>(a.indicator)].clause == w.clause)
        offered = true;
    std::string list, field;
    ojson* rec = nullptr;
    if (offered && end_field(rules, w.clause, list, field) && file.contains("records") && file["records"].contains(list))
      for (auto& r : file["records"][list])
        if (r.is_object() && r.contains("id") && r["id"] == w.record) rec = &r;
    if (!rec) {
      errors.push_back({"", "bad_action", {{"position", std::to_string(i + 1)}}});
      continue;
    }
    (*rec)[field] = w.done_on;
    if (changes.size() > 1) changes += ',';
    changes += "{\"record\":";
    append_json_string(changes, w.record);
    changes += ",\"clause\":";
    append_json_string(changes, w.clause);
    changes += ",\"action\":";
    append_json_string(changes, w.action);
    changes += ",\"list\":";
    append_json_string(changes, list);
    changes += ",\"field\":";
    append_json_string(changes, field);
    changes += ",\"value\":";
    append_json_string(changes, w.done_on);
    changes += '}';
  }
  if (!errors.empty()) return invalid(errors, p.on, options, rules);
  changes += ']';

  // The edited file is checked like any other, with the same options (its application date and
  // so its evaluation date are the original's): its own errors if the edit made it invalid (an
  // end date before its record's start).
  Output checked = check_json(file.dump(), options, rules);
  std::string out = "{\"schema\":\"nvcheck/what-if@1\",\"changes\":";
  out += changes;
  out += ",\"result\":";
  out += checked.text;
  out += '}';
  return {std::move(out), checked.verdict, std::move(checked.errors)};
}

}  // namespace nvcheck
