// Records and places of the enterprise file named in words (record_name.hpp). The words are texts
// of the rule data ("record.*", "place.*" in rules/texts.json); field labels come from the rule
// data's field lists (wq179.json `record_fields`, `enterprise_fields`, ...).
#include "record_name.hpp"

#include <algorithm>

#include "bytes.hpp"
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {
namespace {

const char* list_name(ListKind l) { return kListNames[static_cast<std::size_t>(l)]; }

// Who the record is about or from: the organisation, platform, scheme or risk list of its
// appendix (as the language writes it), else the authority or court named in it (kept for plans
// and reports; a check does not read free text).
std::string record_who(const Record& r, const Rules& rules, Lang lang) {
  int app = -1;
  switch (r.list) {
    case ListKind::self_regulatory_violations: app = 0; break;
    case ListKind::community_violations: app = 1; break;
    case ListKind::certification_violations: app = 2; break;
    case ListKind::risk_list_entries: app = 3; break;
    default: break;
  }
  if (app >= 0) {
    const Appendix& a = rules.appendices[static_cast<std::size_t>(app)];
    if (r.appendix_index >= 0 && static_cast<std::size_t>(r.appendix_index) < a.entries.size())
      return a.entries[static_cast<std::size_t>(r.appendix_index)].display[lang];
    // A risk list given as one of the list field's own values ("other": not in Appendix D) is
    // named by that value's label, as the report names it, never by the value itself.
    if (app == 3) {
      const EnumDef& d = rules.enum_def("risk_list");
      const int k = d.index_of(r.appendix_value);
      if (k >= 0 && static_cast<std::size_t>(k) < d.labels.size()) return d.labels[static_cast<std::size_t>(k)][lang];
    }
    return r.appendix_value;
  }
  return r.authority;
}

std::string with_detail(std::string name, const std::string& who, const std::string& id, const Rules& rules, Lang lang) {
  const char* key = !who.empty() ? (!id.empty() ? "record.detail.who_id" : "record.detail.who")
                                 : (!id.empty() ? "record.detail.id" : nullptr);
  if (!key) return name;
  return fill(rules.text(key, lang), {{"name", std::move(name)}, {"who", who}, {"id", id}});
}

// A list's record with no date known: by its place in the list ("administrative penalty no. 2").
std::string undated(ListKind list, std::size_t position, const Rules& rules, Lang lang) {
  return fill(rules.text(std::string("record.undated.") + list_name(list), lang), {{"n", std::to_string(position + 1)}});
}

std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && i + 1 < s.size() && (s[i + 1] == '0' || s[i + 1] == '1')) {
      out += s[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> segments(std::string_view pointer) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    const std::size_t next = pointer.find('/', i + 1);
    const std::size_t end = next == std::string_view::npos ? pointer.size() : next;
    out.push_back(unescape(pointer.substr(i + 1, end - i - 1)));
    i = end;
  }
  return out;
}

bool index_of(const std::string& s, std::size_t& out) {
  if (s.empty() || s.size() > 9) return false;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  out = v;
  return true;
}

// "{place}, “{field}”": the field by its label in the rule data, or as the file spells it.
std::string with_field(std::string place, const std::string& label_key, const std::string& key, const Rules& rules,
                       Lang lang) {
  auto it = rules.field_labels.find(label_key);
  const std::string field = it != rules.field_labels.end() ? it->second[lang] : key;
  if (place.empty()) return field;
  return fill(rules.text("place.field", lang), {{"place", std::move(place)}, {"field", field}});
}

}  // namespace

std::string record_name(const Record& r, const Rules& rules, Lang lang) {
  // A judgment by the date it was given, else by the date it went unperformed; others by their start.
  const bool judgment = r.list == ListKind::judgments;
  const bool unperformed = judgment && r.decided_on == kNever;
  const Day date = judgment && !unperformed ? r.decided_on : r.start;
  const std::string key = std::string(unperformed ? "record.unperformed." : "record.dated.") + list_name(r.list);
  std::string name = date != kNever ? fill(rules.text(key, lang), {{"date", human_date(date, lang)}})
                                    : undated(r.list, r.position, rules, lang);
  return with_detail(std::move(name), record_who(r, rules, lang), r.id, rules, lang);
}

RecordFinder::RecordFinder(const Enterprise* e) : e_(e) {
  if (!e) return;
  const std::vector<Record>& rs = e->records;
  // The records come list by list, in Table 1 order (parse_enterprise).
  std::size_t i = 0;
  for (std::size_t l = 0; l < kListCount; ++l) {
    start_[l] = i;
    while (i < rs.size() && static_cast<std::size_t>(rs[i].list) == l) ++i;
  }
  start_[kListCount] = i;
}

const Record* RecordFinder::by_id(std::string_view id) const {
  if (!e_) return nullptr;
  // A few look-ups (a result's warnings, usually) read the records in order; more sort the ids
  // once. Both find the first record with the id.
  if (!ids_made_ && linear_lookups_ < kLinearLookups) {
    ++linear_lookups_;
    for (const Record& r : e_->records)
      if (bytes::same(r.id, id) && !id.empty()) return &r;
    return nullptr;
  }
  if (!ids_made_) {
    const std::vector<Record>& rs = e_->records;
    for (std::size_t i = 0; i < rs.size(); ++i)
      if (!rs[i].id.empty()) ids_.emplace_back(rs[i].id, i);
    std::sort(ids_.begin(), ids_.end());
    ids_made_ = true;
  }
  auto it = std::lower_bound(ids_.begin(), ids_.end(), id,
                             [](const std::pair<std::string_view, std::size_t>& a, std::string_view b) { return a.first < b; });
  return it != ids_.end() && it->first == id ? &e_->records[it->second] : nullptr;
}

const Record* RecordFinder::at(ListKind list, std::size_t position) const {
  if (!e_) return nullptr;
  const std::size_t l = static_cast<std::size_t>(list);
  const auto first = e_->records.begin() + static_cast<std::ptrdiff_t>(start_[l]);
  const auto last = e_->records.begin() + static_cast<std::ptrdiff_t>(start_[l + 1]);
  auto it = std::lower_bound(first, last, position, [](const Record& r, std::size_t p) { return r.position < p; });
  return it != last && it->position == position ? &*it : nullptr;
}

std::string place_words(std::string_view pointer, const RecordFinder& finder, const Rules& rules, Lang lang) {
  const std::vector<std::string> s = segments(pointer);
  if (s.empty()) return {};
  std::size_t n = 0;
  if (s[0] == "enterprise" || s[0] == "certification") {
    std::string place = rules.text("place." + s[0], lang);
    if (s.size() == 1) return place;
    return with_field(std::move(place), s[0] + "." + s[1], s[1], rules, lang);
  }
  if (s[0] == "application") {
    if (s.size() == 1) return rules.text("place.application", lang);
    if (s[1] != "previous") return with_field(rules.text("place.application", lang), "application." + s[1], s[1], rules, lang);
    if (s.size() == 2) return rules.text("place.previous_list", lang);
    if (!index_of(s[2], n)) return rules.text("place.previous_list", lang);
    std::string place = fill(rules.text("place.previous", lang), {{"n", std::to_string(n + 1)}});
    if (s.size() == 3) return place;
    return with_field(std::move(place), "application." + s[3], s[3], rules, lang);
  }
  if (s[0] == "records") {
    if (s.size() == 1) return rules.text("place.records", lang);
    int list = -1;
    for (std::size_t l = 0; l < kListCount; ++l)
      if (s[1] == kListNames[l]) list = static_cast<int>(l);
    if (list < 0) return {};
    const ListKind kind = static_cast<ListKind>(list);
    if (s.size() == 2 || !index_of(s[2], n)) return rules.text(std::string("record.list.") + kListNames[static_cast<std::size_t>(list)], lang);
    const Record* r = finder.at(kind, n);
    std::string place = r ? record_name(*r, rules, lang) : undated(kind, n, rules, lang);
    if (s.size() == 3) return place;
    return with_field(std::move(place), std::string("records.") + kListNames[static_cast<std::size_t>(list)] + "." + s[3], s[3],
                      rules, lang);
  }
  return {};
}

std::string sentence_start(std::string text, Lang lang) {
  if (lang == Lang::en && !text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string pointer_key(std::string_view pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string() : unescape(pointer.substr(slash + 1));
}

}  // namespace nvcheck
