// Writes results and plans straight to compact JSON text, in the contract's key order.
#include <cstring>

#include "render.hpp"

namespace nvcheck {
namespace {

void append_day_or_null(std::string& out, Day d) {
  if (d == kNever || d > last_writable_day()) out += "null";
  else {
    char buf[12];  // "YYYY-MM-DD", quotes included: one append
    buf[0] = buf[11] = '"';
    write_date(buf + 1, d);
    out.append(buf, 12);
  }
}

void append_rules(std::string& out, const Rules& rules) {
  out += "\"rules\":{\"id\":";
  append_json_string(out, rules.id);
  out += ",\"version\":";
  append_json_string(out, rules.version);
  out += rules.edited ? ",\"edited\":true}" : ",\"edited\":false}";  // not the built-in set (issue 15)
}

// Each error with its message (messages[i] is errors[i]'s, error_messages()).
void append_errors(std::string& out, const std::vector<InputError>& errors, const std::vector<std::string>& messages) {
  out += "\"errors\":[";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i) out += ',';
    out += "{\"path\":";
    append_json_string(out, errors[i].path);
    out += ",\"code\":";
    append_json_string(out, errors[i].code);
    out += ",\"message\":";
    append_json_string(out, messages[i]);
    out += '}';
  }
  out += ']';
}

void append_warnings(std::string& out, const std::vector<Warning>& ws, const Rules& rules, Lang lang, const Enterprise& e) {
  out += "\"warnings\":[";
  const RecordFinder finder(ws.empty() ? nullptr : &e);
  bool first = true;
  for (const Warning& w : ws) {
    if (!first) out += ',';
    first = false;
    out += "{\"record\":";
    if (w.record.empty()) out += "null";
    else append_json_string(out, w.record);
    out += ",\"code\":";
    append_json_string(out, w.code);
    out += ",\"message\":";
    append_json_string(out, warning_message_at(w, finder, rules, lang));
    out += '}';
  }
  out += ']';
}

// A reason as a JSON string, rendered straight into the output.
void append_reason(std::string& out, const Reason& r, const Rules& rules, Lang lang) {
  out += '"';
  reason_into(out, r, rules, lang, true);
  out += '"';
}

// With `detail`: the record named by what it is, as the texts name it (record_name.cpp), for a
// view that lists records (the page's timeline) and must not show their ids alone.
void append_record_name(std::string& out, const Record& r, const Rules& rules, Lang lang) {
  out += ",\"name\":";
  append_json_string(out, record_name(r, rules, lang));
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  append_json_escaped(out, s);
  out += '"';
}

void append_json_escaped(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Eight bytes at once while none is a control character, quote or backslash.
    while (s.size() - i >= 8) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
      const std::uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
      const std::uint64_t special =
          (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
      if (special) {  // the lowest flagged byte is the first special one (a borrow only runs upwards)
        i += static_cast<unsigned>(__builtin_ctzll(special)) >> 3;
        break;
      }
      i += 8;
    }
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
}

std::string write_result(const Enterprise& e, const Evaluation& ev, const Rules& rules, Lang lang,
                         const char* on_source) {
  std::string out;
  out.reserve(1024 + 160 * e.records.size());
  out += "{\"schema\":\"nvcheck/result@1\",";
  append_rules(out, rules);
  out += ",\"evaluated_on\":";
  append_day_or_null(out, ev.on);
  if (on_source) {
    out += ",\"evaluated_on_source\":\"";
    out += on_source;
    out += '"';
  }
  out += ev.pass ? ",\"verdict\":\"pass\"" : ",\"verdict\":\"fail\"";
  out += ",\"basic_requirements\":[";
  for (int k = 0; k < kBasicCount; ++k) {
    const BasicOutcome& b = ev.basic[static_cast<std::size_t>(k)];
    if (k) out += ',';
    out += "{\"clause\":";
    append_json_string(out, rules.basic[static_cast<std::size_t>(k)].clause);
    out += b.met ? ",\"status\":\"met\"" : ",\"status\":\"not_met\"";
    out += ",\"reason\":";
    append_reason(out, b.reason, rules, lang);
    out += ",\"clears_on\":";
    append_day_or_null(out, b.clears_on);
    out += '}';
  }
  out += "],\"indicators\":[";
  for (std::size_t li = 0; li < kListCount; ++li) {
    const IndicatorOutcome& io = ev.indicators[li];
    if (li) out += ',';
    out += "{\"clause\":";
    append_json_string(out, rules.indicators[li].clause);
    out += ",\"id\":";
    append_json_string(out, rules.indicators[li].id);
    out += io.fails ? ",\"status\":\"fail\"" : ",\"status\":\"pass\"";
    out += ",\"counted\":[";
    for (std::size_t i = 0; i < io.counted.size(); ++i) {
      const RecordOutcome& ro = io.counted[i];
      if (i) out += ',';
      out += "{\"record\":";
      append_json_string(out, e.records[ro.record].id);
      if (on_source) append_record_name(out, e.records[ro.record], rules, lang);
      out += ",\"reason\":";
      append_reason(out, ro.reason, rules, lang);
      if (on_source) {
        out += ",\"counts_from\":";
        append_day_or_null(out, ro.counts_from);
      }
      out += ",\"counts_until\":";
      append_day_or_null(out, ro.counts_until);
      out += '}';
    }
    out += "],\"not_counted\":[";
    for (std::size_t i = 0; i < io.not_counted.size(); ++i) {
      const RecordOutcome& ro = io.not_counted[i];
      if (i) out += ',';
      out += "{\"record\":";
      append_json_string(out, e.records[ro.record].id);
      if (on_source) append_record_name(out, e.records[ro.record], rules, lang);
      out += ",\"reason\":";
      append_reason(out, ro.reason, rules, lang);
      out += '}';
    }
    out += "],\"clears_on\":";
    append_day_or_null(out, io.clears_on);
    out += '}';
  }
  out += "],\"earliest_pass_date\":";
  append_day_or_null(out, ev.earliest_pass);
  out += ',';
  append_warnings(out, ev.warnings, rules, lang, e);
  out += ",\"errors\":[]}";
  return out;
}

std::string invalid_result_json(const std::vector<InputError>& errors, Day on, Lang lang, const Rules& rules,
                                const Enterprise* e) {
  return invalid_result_json_of(errors, error_messages(errors, rules, lang, e), on, rules);
}

std::string invalid_result_json_of(const std::vector<InputError>& errors, const std::vector<std::string>& messages, Day on,
                                   const Rules& rules) {
  std::string out = "{\"schema\":\"nvcheck/result@1\",";
  append_rules(out, rules);
  out += ",\"evaluated_on\":";
  append_day_or_null(out, on);
  out += ",\"verdict\":\"invalid\",\"basic_requirements\":[],\"indicators\":[],\"earliest_pass_date\":null,\"warnings\":[],";
  append_errors(out, errors, messages);
  out += '}';
  return out;
}

std::string write_plan(const Enterprise& e, const Plan& plan, const Rules& rules, Lang lang) {
  const Evaluation& ev = plan.evaluation;
  std::string out;
  out.reserve(1024);
  out += "{\"schema\":\"nvcheck/plan@1\",";
  append_rules(out, rules);
  out += ",\"evaluated_on\":";
  append_day_or_null(out, ev.on);
  out += ev.pass ? ",\"verdict\":\"pass\"" : ",\"verdict\":\"fail\"";
  out += ",\"earliest_pass_date\":";
  append_day_or_null(out, ev.earliest_pass);
  out += ",\"earliest_pass_date_all_actions\":";
  append_day_or_null(out, plan.earliest_pass_all_actions);
  out += ",\"actions\":[";
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const PlanAction& a = plan.actions[i];
    if (i) out += ',';
    out += "{\"record\":";
    append_json_string(out, e.records[a.record].id);
    out += ",\"clause\":";
    append_json_string(out, rules.indicators[static_cast<std::size_t>(a.indicator)].clause);
    out += ",\"action\":\"";
    out += a.action;
    out += "\",\"decided_by\":\"";
    out += a.decided_by;
    out += "\",\"decider\":";
    append_json_string(out, action_decider(e, a, rules, lang));
    out += ",\"done_on\":";
    append_day_or_null(out, ev.on);
    out += ",\"counts_until\":";
    append_day_or_null(out, a.counts_until);
    out += ",\"clause_clears_on\":";
    append_day_or_null(out, a.clause_clears_on);
    out += ",\"earliest_pass_date\":";
    append_day_or_null(out, a.earliest_pass);
    out += a.changes_nothing ? ",\"changes_nothing\":true" : ",\"changes_nothing\":false";
    out += ",\"text\":";
    append_json_string(out, action_text(e, plan, a, rules, lang));
    out += '}';
  }
  out += "],\"disputes\":";
  if (!plan.has_disputes) {
    out += "null";
  } else {
    out += "{\"records\":[";
    for (std::size_t i = 0; i < plan.disputed_records.size(); ++i) {
      if (i) out += ',';
      append_json_string(out, e.records[plan.disputed_records[i]].id);
    }
    // The same records named by what they are, in the result's language (what a person reads).
    out += "],\"names\":[";
    for (std::size_t i = 0; i < plan.disputed_records.size(); ++i) {
      if (i) out += ',';
      append_json_string(out, record_name(e.records[plan.disputed_records[i]], rules, lang));
    }
    out += "],\"verdict\":";
    out += plan.disputes_pass ? "\"pass\"" : "\"fail\"";
    out += ",\"earliest_pass_date\":";
    append_day_or_null(out, plan.disputes_earliest_pass);
    out += '}';
  }
  out += ",\"waits\":[";
  for (std::size_t i = 0; i < plan.waits.size(); ++i) {
    const PlanWait& w = plan.waits[i];
    if (i) out += ',';
    out += "{\"clause\":";
    append_json_string(out, item_clause(rules, w.item));
    out += ",\"clears_on\":";
    append_day_or_null(out, w.clears_on);
    out += ",\"text\":";
    append_json_string(out, wait_text(e, w, rules, lang));
    out += '}';
  }
  out += "],";
  append_warnings(out, ev.warnings, rules, lang, e);
  out += '}';
  return out;
}

}  // namespace nvcheck
