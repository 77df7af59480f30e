// The draft report: WQ-179 Appendix E as one self-contained, print-ready HTML document.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "nvcheck/nvcheck.hpp"
#include "render.hpp"

namespace nvcheck {
namespace {

/// Every text that goes into the document passes through here: & < > " ' become entities, so
/// a name such as `<script>` or `"><img onerror=...>` shows as text and never as markup.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

// The mark's green from the rule data, only when it is a plain hex colour (it goes into CSS).
std::string safe_colour(const std::string& c) {
  const bool ok = (c.size() == 4 || c.size() == 7) && c[0] == '#' &&
                  c.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
  return ok ? c : std::string("#267459");
}

// A CSS string literal: quotes, backslashes and anything that could end the style element escaped.
std::string css_string(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : s) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\' || ch == '<' || ch == '>' || ch == '&' || u < 0x20 || u == 0x7f) {
      out += '\\';
      out += kHex[u >> 4];
      out += kHex[u & 15];
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

bool writable(Day d) { return d != kNever && d <= last_writable_day(); }

constexpr std::array<Lang, 3> kAll = {Lang::zh_Hans, Lang::zh_Hant, Lang::en};

/// What the renderers share: the enterprise, its evaluation, the rule data and the language (or,
/// for the trilingual report, all three: every label then shows its three forms stacked).
struct Ctx {
  const Enterprise& e;
  const Plan& plan;
  const Rules& rules;
  Lang lang;
  bool all;
  std::vector<const RecordOutcome*> outcome;  // per record
  std::vector<char> counted;                  // per record
  std::string consultant = {};                // clause 8.8: named in the report when entered
  bool notes_shown = false;                   // 8.8: the counselling notes are printed

  const Evaluation& ev() const { return plan.evaluation; }
  /// One text made by `f` in the report's language, or its three forms stacked (Table E.1's layout).
  template <class F>
  std::string L(F f) const {
    if (!all) return f(lang);
    std::string out = "<span class=\"tri\">";
    for (Lang l : kAll) out += std::string("<span lang=\"") + kLangCodes[static_cast<std::size_t>(l)] + "\">" + f(l) + "</span>";
    return out + "</span>";
  }
  /// The same, as plain text (for the title element and the page footer): the forms joined by " / ".
  template <class F>
  std::string plain(F f) const {
    if (!all) return f(lang);
    return f(Lang::zh_Hans) + " / " + f(Lang::zh_Hant) + " / " + f(Lang::en);
  }
  /// A report label (rules/report.json), escaped.
  std::string t(const std::string& key) const {
    return L([&](Lang l) { return esc(rules.text("report." + key, l)); });
  }
  std::string t_in(const std::string& key, Lang l) const { return esc(rules.text("report." + key, l)); }
  std::string t_fill(const std::string& key, const std::vector<std::pair<std::string_view, std::string>>& args) const {
    return L([&](Lang l) { return esc(fill(rules.text("report." + key, l), args)); });
  }
  /// The same, with {clauses}: the clauses of the indicators of the complaints' counting shape
  /// (6.2.8, 6.2.9), joined for people with the text `last` before the last one.
  std::string t_fill(const std::string& key, std::vector<std::pair<std::string_view, std::string>> args,
                     std::string_view last) const {
    return L([&](Lang l) {
      std::vector<std::string> clauses;
      for (const IndicatorDef& ind : rules.indicators)
        if (ind.counting == Counting::complaints) clauses.push_back(ind.clause);
      auto filled = args;
      filled.emplace_back("clauses", joined(clauses, rules, l, last));
      return esc(fill(rules.text("report." + key, l), filled));
    });
  }
  /// A Table E.1 label as printed (report.e1); the English report may give a clearer word after
  /// the printed one (report.e1_en).
  std::string e1_text(const std::string& key, Lang l) const {
    if (l == Lang::en && !all)
      if (auto it = rules.texts.find("report.e1_en." + key); it != rules.texts.end() && !it->second.v[2].empty())
        return it->second.v[2];
    return rules.text("report.e1." + key, l);
  }
  std::string e1(const std::string& key) const {
    return L([&](Lang l) { return esc(e1_text(key, l)); });
  }
  /// User text, escaped (and allowed to break anywhere), or a dash when empty.
  std::string val(const std::string& s) const { return s.empty() ? dash() : "<span class=\"u\">" + esc(s) + "</span>"; }
  std::string dash() const { return esc(rules.text("report.dash", lang)); }
  /// A date in a table, as Table E.1 writes it: yyyy/mm/dd.
  std::string date(Day d) const {
    if (!writable(d)) return dash();
    std::string s = format_date(d);
    for (char& ch : s)
      if (ch == '-') ch = '/';
    return "<span class=\"nw\">" + s + "</span>";
  }
  std::string human(Day d) const { return L([&](Lang l) { return esc(human_date(d, l)); }); }
  std::string enum_label(const char* name, int k) const {
    const EnumDef& def = rules.enum_def(name);
    if (k < 0 || static_cast<std::size_t>(k) >= def.labels.size()) return dash();
    return L([&](Lang l) { return esc(def.labels[static_cast<std::size_t>(k)][l]); });
  }
  /// The label of a record's first or second enumeration value (the list's scope fields, from the rule data).
  std::string scope_label(const Record& r, std::size_t k) const {
    const ListDef& list = rules.lists[static_cast<std::size_t>(r.list)];
    const int fi = list.scope_field[k];
    const EnumDef* def = fi < 0 ? nullptr : list.fields[static_cast<std::size_t>(fi)].enumeration;
    const int v = k == 1 ? r.enum_b : r.enum_a;
    if (!def || v < 0 || static_cast<std::size_t>(v) >= def->labels.size()) return dash();
    return L([&](Lang l) { return esc(def->labels[static_cast<std::size_t>(v)][l]); });
  }
  /// The label separator: a full-width colon in Chinese (the stacked forms end a line).
  const char* sep() const { return all ? " " : lang == Lang::en ? ": " : "："; }
  std::string item(int i) const { return L([&](Lang l) { return esc(item_name(rules, i, e.region, l)); }); }
  /// The appendix entry a record names, in the language; the raw value when it is not listed.
  std::string appendix_name(std::size_t a, const Record& r) const {
    if (r.appendix_index >= 0) {
      const AppendixEntry& en = rules.appendices[a].entries[static_cast<std::size_t>(r.appendix_index)];
      return L([&](Lang l) { return esc(en.display[l]); });
    }
    if (a == 3) return enum_label("risk_list", rules.enum_def("risk_list").index_of("other"));
    const std::string letter(1, static_cast<char>('A' + a));
    return val(r.appendix_value) + sub(t_fill("table.not_in_appendix", {{"letter", letter}}));
  }
  static std::string sub(const std::string& html) { return "<br><span class=\"sub\">" + html + "</span>"; }
};

// A record table's cell: the value of one of the record's fields (rule data report_columns),
// written as Table E.1 writes it: a date yyyy/mm/dd, an enumeration or appendix entry by its
// label, a text as entered.
std::string field_cell(const Ctx& c, const Record& r, int fi) {
  const ListDef& list = c.rules.lists[static_cast<std::size_t>(r.list)];
  if (fi < 0 || static_cast<std::size_t>(fi) >= list.fields.size()) return c.dash();
  const FieldDef& f = list.fields[static_cast<std::size_t>(fi)];
  switch (f.role) {
    case FieldRole::start: return c.date(r.start);
    case FieldRole::end: return c.date(r.end);
    case FieldRole::valid_until: return c.date(r.valid_until);
    case FieldRole::information_date: return c.date(r.decided_on);
    case FieldRole::scope: return c.scope_label(r, static_cast<std::size_t>(f.scope_slot < 0 ? 0 : f.scope_slot));
    case FieldRole::detail: return f.enumeration ? c.enum_label(f.enumeration->name.c_str(), r.default_type) : c.dash();
    case FieldRole::appendix: return c.appendix_name(static_cast<std::size_t>(f.appendix < 0 ? 0 : f.appendix), r);
    case FieldRole::authority: return c.val(r.authority);
    case FieldRole::cause: return c.val(r.cause);
    case FieldRole::matter: return c.val(r.matter);
    case FieldRole::source: return c.val(r.source);
    default: return c.dash();  // the id, flags and the dispute have columns of their own
  }
}

// A column's cell: its field, or (show: category) its appendix entry's category, with the fields
// shown under it.
std::string column_cell(const Ctx& c, const Record& r, const ReportColumn& col) {
  std::string out;
  if (col.category) {
    const ListDef& list = c.rules.lists[static_cast<std::size_t>(r.list)];
    const int a = list.fields[static_cast<std::size_t>(col.field)].appendix;
    if (r.appendix_index < 0 || a < 0) return c.dash();
    out = c.e1("category_value." + c.rules.appendices[static_cast<std::size_t>(a)].entries[static_cast<std::size_t>(r.appendix_index)].category);
  } else {
    out = field_cell(c, r, col.field);
  }
  if (!col.under.empty()) {
    std::string under;
    for (std::size_t i = 0; i < col.under.size(); ++i) under += (i ? " · " : "") + field_cell(c, r, col.under[i]);
    out += Ctx::sub(under);
  }
  return out;
}

// A column's head: Table E.1's printed label when the column names one, else its field's label.
std::string column_head(const Ctx& c, const ReportColumn& col) {
  if (!col.head.empty()) return c.e1("col." + col.head);
  return c.L([&](Lang l) { return col.label ? esc((*col.label)[l]) : std::string(); });
}

// Table E.1's title of a record table: the report data's e1.table.<list> (rules/report.json).
std::string table_title(const Ctx& c, std::size_t li) { return c.e1(std::string("table.") + kListNames[li]); }

// The note on the tables' dates: their format (report.e1.date_format), then, for each date column
// of the record tables (rule data report_columns) whose printed head is not its field's label,
// which of the record's dates it shows. A column changed in the data changes the note.
std::string date_note(const Ctx& c) {
  const Rules& rules = c.rules;
  std::string out = c.L([&](Lang l) { return esc(fill(rules.text("report.note.dates", l), {{"format", rules.text("report.e1.date_format", l)}})); });
  for (std::size_t li = 0; li < kListCount; ++li)
    for (const ReportColumn& col : rules.report_columns[li]) {
      if (col.head.empty() || col.field < 0 || !col.label) continue;
      if (rules.lists[li].fields[static_cast<std::size_t>(col.field)].kind != FieldKind::date) continue;
      bool same = true;
      for (Lang l : kAll) same = same && c.e1_text("col." + col.head, l) == (*col.label)[l];
      if (same) continue;
      out += "<br>" + c.L([&](Lang l) {
        return esc(fill(rules.text("report.note.date_column", l), {{"table", c.e1_text(std::string("table.") + kListNames[li], l)},
                                                                   {"head", c.e1_text("col." + col.head, l)},
                                                                   {"field", (*col.label)[l]}}));
      });
    }
  return out;
}

// For each indicator of a counting shape, the values its scope leaves out (rule data in_scope):
// "6.2.9: a complaint whose “Form” is Oral does not count." An in-scope value edited changes it.
std::string out_of_scope_note(const Ctx& c, Counting shape) {
  std::string out;
  for (const IndicatorDef& ind : c.rules.indicators) {
    if (ind.counting != shape) continue;
    for (std::size_t k = 0; k < 2; ++k) {
      const EnumDef* def = ind.scope_enum[k];
      if (!ind.scope_restricted[k] || !def || !ind.scope_field_label[k]) continue;
      std::vector<int> left_out;
      for (const int v : def->written)
        if (v >= 0 && (v >= 64 || !((ind.scope_mask[k] >> v) & 1u))) left_out.push_back(v);
      if (left_out.empty()) continue;
      out += "<br>" + c.L([&](Lang l) {
        std::vector<std::string> labels;
        for (const int v : left_out) labels.push_back(def->labels[static_cast<std::size_t>(v)][l]);
        return esc(fill(c.rules.text("report.note.out_of_scope", l), {{"clause", ind.clause},
                                                                      {"field", (*ind.scope_field_label[k])[l]},
                                                                      {"values", joined(labels, c.rules, l, "text.list.or")}}));
      });
    }
  }
  return out;
}

// Status words always carry a symbol, so the report reads in black and white.
std::string badge(const Ctx& c, bool good, const char* key) {
  return std::string("<span class=\"badge ") + (good ? "good\">&#10003; " : "bad\">&#10007; ") + c.t(key) + "</span>";
}

std::string clears(const Ctx& c, Day d) { return writable(d) ? c.human(d) : c.t("status.never"); }

void css(std::string& out, const Ctx& c) {
  const Rules& rules = c.rules;
  const std::string green = safe_colour(rules.colour);
  // 7.3: the mark's font and sizes from the rule data (a size outside 6-200 pt falls back to 7.3's).
  auto pt = [](int v, int def) { return std::to_string(v >= 6 && v <= 200 ? v : def) + "pt"; };
  // Every printed page says what it is, in case the pages are separated. Sections flow from page
  // to page (Table E.1 is one table): only a record, a row or a heading with its first lines is
  // kept together.
  out += "<style>\n"
         "@page { size: A4; margin: 16mm;\n"
         "  @bottom-left { content: " +
         css_string(rules.id + " · " + c.plain([&](Lang l) { return rules.text("report.page_note", l); })) +
         "; font-size: 7.5pt; color: #444; }\n"
         "  @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 7.5pt; color: #444; } }\n"
         ":root { --mark: " + green + "; --bad: #8a1c1c; }\n"
         "* { box-sizing: border-box; }\n"
         "html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
         "body { margin: 0; color: #111; background: #fff; font-size: 10pt; line-height: 1.45;\n"
         "  font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\",\n"
         "    \"WenQuanYi Zen Hei\", \"Liberation Sans\", Arial, sans-serif; }\n"
         ":lang(zh-Hant) { font-family: \"Noto Sans CJK TC\", \"Source Han Sans TC\", \"PingFang TC\",\n"
         "    \"Microsoft JhengHei\", \"WenQuanYi Zen Hei\", \"Liberation Sans\", Arial, sans-serif; }\n"
         ":lang(en) { font-family: \"Liberation Sans\", Arial, Helvetica, \"Noto Sans CJK SC\", \"WenQuanYi Zen Hei\", sans-serif; }\n"
         "main { max-width: 178mm; margin: 0 auto; padding: 4mm 0; }\n"
         ".tri > span { display: block; } .tri > span + span { font-size: .9em; }\n"
         ".part { margin-top: 7mm; }\n"
         "@media screen { .part { border-top: 1px dashed #999; padding-top: 4mm; } }\n"
         // On a phone's screen each column of a wide table is wide enough for a word (it was
         // squeezed to one character a column): the report then scrolls sideways in its frame. The
         // tables stay tables (a table shown as a block loses its rows and columns in some
         // browsers' accessibility trees).
         "@media screen and (max-width: 560px) { th, td { min-width: 4.5em; } }\n"
         "h1 { font-size: 17pt; margin: 0; }\n"
         "h2 { font-size: 13pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid #111; }\n"
         "h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }\n"
         "h4 { font-size: 10pt; margin: 4mm 0 1mm; }\n"
         "h2, h3, h4, .kicker, .intro, .clause-line { break-after: avoid; page-break-after: avoid; }\n"
         "p, li { orphans: 3; widows: 3; }\n"
         ".kicker { font-size: 9pt; letter-spacing: .05em; color: #444; margin: 0; }\n"
         ".intro, .note { color: #333; font-size: 9pt; margin: 1mm 0 2mm; }\n"
         ".clause-line { font-size: 9pt; margin: 0 0 1mm; }\n"
         ".note { border-left: 3px solid #777; padding-left: 2mm; }\n"
         ".masthead { display: flex; justify-content: space-between; align-items: flex-start; gap: 4mm; }\n"
         ".draft-badge { border: 2px solid #111; padding: 1mm 3mm; font-weight: bold; font-size: 12pt; letter-spacing: .1em; }\n"
         ".draft { border: 2px dashed #111; padding: 2mm 3mm; margin: 3mm 0; }\n"
         ".draft p { margin: .5mm 0; font-weight: bold; }\n"
         ".edited-rules { border: 2px solid #111; padding: 2mm 3mm; margin: 3mm 0; font-weight: bold; }\n"
         "dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .5mm 4mm; margin: 2mm 0; }\n"
         "dl.meta dt { color: #444; } dl.meta dd { margin: 0; font-weight: bold; overflow-wrap: anywhere; }\n"
         ".verdict { border: 3px solid var(--bad); padding: 1.5mm 4mm; margin: 2mm 0; break-inside: avoid; }\n"
         ".verdict.pass { border-color: var(--mark); }\n"
         ".verdict .word { font-size: 16pt; font-weight: bold; color: var(--bad); }\n"
         ".verdict.pass .word { color: var(--mark); }\n"
         ".verdict p { margin: 1mm 0; }\n"
         ".badge { font-weight: bold; white-space: nowrap; }\n"
         ".badge.good { color: var(--mark); } .badge.bad { color: var(--bad); }\n"
         "table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; font-size: 9pt; }\n"
         "thead { display: table-header-group; }\n"
         "th, td { border: 1px solid #555; padding: .8mm 1.5mm; vertical-align: top; text-align: left;\n"
         "  overflow-wrap: break-word; }\n"
         ".u { overflow-wrap: anywhere; } .nw { white-space: nowrap; }\n"
         "table.records th:first-child, table.checks th:first-child { white-space: nowrap; }\n"
         "th { background: #eee; font-weight: bold; }\n"
         "tr, tbody.rec { break-inside: avoid; page-break-inside: avoid; }\n"
         "table.fields th { width: 34%; }\n"
         "td.num { white-space: nowrap; width: 1%; }\n"
         "tr.why td { border-top: none; font-size: 8pt; color: #222; background: #fafafa; }\n"
         "tr.counted td:first-child { border-left: 3px solid var(--bad); }\n"
         ".sub { font-size: 8pt; color: #444; }\n"
         ".none { font-style: italic; margin: 1mm 0 2mm; }\n"
         "ul, ol { margin: 1mm 0 2mm; padding-left: 6mm; } li { margin: .5mm 0; }\n"
         "td ul { margin: 0; padding-left: 4mm; }\n"
         ".counselling { border: 1px solid #111; padding: 2mm 3mm; font-weight: bold; }\n"
         ".closing { break-inside: avoid; page-break-inside: avoid; }\n"
         // The last row of the table before it goes with the closing block, if the block goes to a
         // new page (no page holds a lone row: the check asks each page to be a fifth full).
         "table.checks > tbody:last-child, table.checks > tbody:last-child > tr { break-after: avoid; page-break-after: avoid; }\n"
         + std::string(c.notes_shown ? ".written { white-space: pre-wrap; }\n" : "") +
         ".needs { border: 2px solid var(--bad); padding: 2mm 3mm; break-inside: avoid; }\n"
         ".specimen { position: relative; border: 3px double var(--mark); padding: 3mm 4mm; margin: 4mm 0;\n"
         "  break-inside: avoid; page-break-inside: avoid; overflow: hidden; }\n"
         ".specimen .watermark { position: absolute; left: 0; right: 0; top: 38%; text-align: center; font-size: 30pt;\n"
         "  font-weight: bold; letter-spacing: .2em; color: rgba(0, 0, 0, .08); transform: rotate(-12deg); pointer-events: none; z-index: 1; }\n"
         ".specimen .stamp { position: absolute; top: 2mm; right: 3mm; border: 2px solid #111; padding: .5mm 2mm;\n"
         "  font-weight: bold; letter-spacing: .1em; background: #fff; }\n"
         ".specimen .emblem { text-align: center; margin: 0 0 2mm; color: var(--mark);\n"
         "  font-family: " + css_string(rules.mark_font) + ", \"Liberation Serif\", serif; }\n"
         ".specimen .ic { font-size: " + pt(rules.mark_main_size, 96) + "; font-weight: bold; line-height: 1; margin: 0; }\n"
         ".specimen .ic-en { font-size: " + pt(rules.mark_english_size, 18) + "; margin: 0; }\n"
         ".specimen .mark-name { color: var(--mark); font-weight: bold; margin: 0 0 2mm; text-align: center; }\n"
         ".specimen .code { font-family: \"Liberation Mono\", \"DejaVu Sans Mono\", monospace; letter-spacing: .05em; }\n"
         "</style>\n";
}

void field_row(std::string& out, const std::string& label, const std::string& value_html) {
  out += "<tr><th scope=\"row\">" + label + "</th><td>" + value_html + "</td></tr>\n";
}

/// The first page: what the report is, the verdict, the earliest pass date and the actions that
/// bring it forward (the full route to passing is in the annex).
void summary(std::string& out, const Ctx& c) {
  const Evaluation& ev = c.ev();
  out += "<section class=\"summary\" id=\"summary\">\n<div class=\"masthead\"><div><h1>" + c.e1("title") +
         "</h1><p class=\"kicker\">" + c.t("subtitle") + "</p></div><div class=\"draft-badge\">" + c.t("draft_badge") +
         "</div></div>\n<div class=\"draft\" role=\"note\">\n";
  for (Lang l : kAll)
    out += std::string("<p lang=\"") + kLangCodes[static_cast<std::size_t>(l)] + "\">" + c.t_in("draft_notice", l) + "</p>\n";
  out += "</div>\n";
  // Rule data that is not the built-in set (issue 15): said before anything it decided.
  if (c.rules.edited) out += "<p class=\"edited-rules\" role=\"note\">" + c.t_fill("edited_rules", {{"version", c.rules.version}}) + "</p>\n";
  out += "<dl class=\"meta\">\n<dt>" + c.t("meta.enterprise") + "</dt><dd>" + c.val(c.e.name) + "</dd>\n" +
         (c.consultant.empty() ? std::string() : "<dt>" + c.t("meta.consultant") + "</dt><dd>" + c.val(c.consultant) + "</dd>\n") + "<dt>" +
         c.t("meta.evaluated_on") + "</dt><dd>" + c.date(ev.on) + "</dd>\n<dt>" + c.t("meta.rules") + "</dt><dd>" +
         (c.all ? esc(c.rules.id) + " · " + esc(c.rules.version) + c.L([&](Lang l) { return esc(c.rules.title[l]); })
                : esc(c.rules.id) + " · " + esc(c.rules.title[c.lang]) + " · " + c.t("meta.version") + " " + esc(c.rules.version)) +
         "</dd>\n</dl>\n";
  out += "<h2>" + c.t("summary.heading") + "</h2>\n";
  out += std::string("<div class=\"verdict ") + (ev.pass ? "pass" : "fail") + "\">\n<p>" + c.t("summary.verdict") + c.sep() +
         "<span class=\"word\">" + (ev.pass ? "&#10003; " : "&#10007; ") + c.t(ev.pass ? "summary.pass" : "summary.fail") +
         "</span></p>\n<p>" + c.t(ev.pass ? "summary.pass_line" : "summary.fail_line") + "</p>\n<p>" +
         c.t("summary.earliest_pass") + c.sep() + "<strong>" +
         (writable(ev.earliest_pass) ? c.human(ev.earliest_pass) : c.t("summary.earliest_none")) + "</strong></p>\n";
  if (!ev.pass) {
    std::string failing;
    for (int item = 0; item < kItemCount; ++item) {
      const bool ok = item < kBasicCount ? ev.basic[static_cast<std::size_t>(item)].met
                                         : !ev.indicators[static_cast<std::size_t>(item - kBasicCount)].fails;
      if (!ok) failing += (failing.empty() ? "" : ", ") + item_clause(c.rules, item);
    }
    out += "<p>" + c.t_fill("summary.failing", {{"clauses", failing}}) + "</p>\n";
  }
  out += "</div>\n";
  // The actions that bring the pass date forward (8.8), each with the date it gives.
  if (!ev.pass || !c.plan.actions.empty()) {
    out += "<h3>" + c.t("summary.actions") + "</h3>\n";
    std::vector<const PlanAction*> helps;
    for (const PlanAction& a : c.plan.actions)
      if (!a.changes_nothing) helps.push_back(&a);
    if (helps.empty()) {
      out += "<p class=\"none\">" + c.t("summary.no_actions") + "</p>\n";
    } else {
      out += "<ol>\n";
      for (const PlanAction* a : helps)
        out += "<li>" + c.L([&](Lang l) { return esc(action_text(c.e, c.plan, *a, c.rules, l)); }) + "</li>\n";
      out += "</ol>\n";
    }
  }
  if (!ev.warnings.empty()) {
    out += "<h3>" + c.t("summary.warnings") + "</h3>\n<ul>\n";
    for (const Warning& w : ev.warnings)
      out += "<li>" + c.L([&](Lang l) { return esc(warning_message(w, c.rules, l, &c.e)); }) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</section>\n";
}

/// A part of clause 10 (基本信息, 守法信息, 遵规信息, 践约信息, 其他诚信信息) opens with its name.
void open_part(std::string& out, const Ctx& c, const char* id) {
  out += std::string("<section class=\"part\" id=\"") + id + "\">\n<h2>" + c.t(std::string("part.") + id) + "</h2>\n";
}

void basic_information(std::string& out, const Ctx& c) {
  const Enterprise& e = c.e;
  open_part(out, c, "basic");
  out += "<table class=\"fields\">\n";
  field_row(out, c.e1("name"), c.val(e.name));
  field_row(out, c.e1("id_code"), c.val(e.id_code));
  field_row(out, c.e1("region"), c.e1(std::string("region_value.") + kRegionCodes[static_cast<std::size_t>(e.region)]));
  field_row(out, c.t("basic.division_code"), c.val(e.division_code));
  field_row(out, c.e1("legal_representative"), c.val(e.legal_representative));
  field_row(out, c.e1("address"), c.val(e.address));
  field_row(out, c.e1("incorporated_on"), c.date(e.incorporated_on));
  field_row(out, c.e1("enterprise_type"), c.val(e.enterprise_type));
  field_row(out, c.e1("business_scope"), c.val(e.business_scope));
  const EnumDef& reg = c.rules.enum_def("registration_status");
  const int status = e.registration_status >= 0 ? e.registration_status : reg.index_of("subsisting");
  const bool subsisting = status == reg.index_of("subsisting");
  const std::string value = status >= 0 && static_cast<std::size_t>(status) < reg.values.size()
                                ? c.e1("registration_value." + reg.values[static_cast<std::size_t>(status)])
                                : c.dash();
  field_row(out, c.e1("registration_status"),
            value + (subsisting ? "" : " &#9888;" + Ctx::sub(c.t("basic.registration_note"))));
  out += "</table>\n<h3>" + c.e1("certification") + "</h3>\n<table class=\"fields\">\n";
  field_row(out, c.e1("first_passed_on"), c.date(e.first_passed_on));
  out += "<tr><th colspan=\"2\">" + c.e1("review") + "</th></tr>\n";
  field_row(out, c.e1("last_review_on"), c.date(e.last_review_on));
  field_row(out, c.e1("institution"), c.val(e.institution));
  out += "</table>\n";
  if (!writable(e.first_passed_on) && !writable(e.last_review_on) && e.institution.empty())
    out += "<p class=\"none\">" + c.t("certification.not_certified") + "</p>\n";
  out += "</section>\n";
}

/// One indicator's table: Table E.1's title and columns, then whether each record counts, until
/// when, and why.
void record_table(std::string& out, const Ctx& c, std::size_t li) {
  const IndicatorOutcome& io = c.ev().indicators[li];
  const int item = kBasicCount + static_cast<int>(li);
  out += "<h4>" + table_title(c, li) + "</h4>\n<p class=\"clause-line\">" + esc(item_clause(c.rules, item)) + " " +
         c.item(item) + " " + badge(c, !io.fails, io.fails ? "status.fail" : "status.pass");
  if (io.fails)
    out += " <span class=\"sub\">" +
           (writable(io.clears_on) ? c.L([&](Lang l) {
              return esc(fill(c.rules.text("report.status.clears_on", l), {{"date", human_date(io.clears_on, l)}}));
            })
                                   : c.t("status.never_clears")) + "</span>";
  if (const int a = c.rules.indicators[li].appendix; a >= 0)  // the appendix the indicator refers to
    out += " <span class=\"sub\">" + c.e1(std::string("appendix_ref.") + static_cast<char>('A' + a)) + "</span>";
  out += "</p>\n";
  const std::vector<ReportColumn>& cols = c.rules.report_columns[li];
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < c.e.records.size(); ++i)
    if (static_cast<std::size_t>(c.e.records[i].list) == li) rows.push_back(i);
  if (rows.empty()) {
    out += "<p class=\"none\">" + c.t("none") + "</p>\n";
    return;
  }
  const std::string span = std::to_string(cols.size() + 2);
  out += "<table class=\"records\">\n<thead><tr><th>" + c.e1("col.order") + "</th>";
  for (const ReportColumn& col : cols) out += "<th>" + column_head(c, col) + "</th>";
  out += "<th class=\"nw\">" + c.t("col.counts") + "</th><th class=\"nw\">" + c.t("col.counts_until") + "</th></tr></thead>\n";
  for (std::size_t n = 0; n < rows.size(); ++n) {
    const Record& r = c.e.records[rows[n]];
    const bool counts = c.counted[rows[n]] != 0;
    const RecordOutcome* ro = c.outcome[rows[n]];
    out += std::string("<tbody class=\"rec\"><tr") + (counts ? " class=\"counted\"" : "") + "><td class=\"num\">" +
           std::to_string(n + 1) + Ctx::sub(esc(r.id)) + "</td>";
    for (const ReportColumn& col : cols) out += "<td>" + column_cell(c, r, col) + "</td>";
    out += std::string("<td class=\"nw\">") + (counts ? "&#9679; " + c.t("counts.yes") : "&#9675; " + c.t("counts.no"));
    if (r.disputed) out += Ctx::sub(c.t("counts.disputed"));
    out += "</td><td class=\"nw\">" + (!counts ? c.dash() : writable(ro->counts_until) ? c.date(ro->counts_until) : c.t("counts.open")) +
           "</td></tr>\n<tr class=\"why\"><td></td><td colspan=\"" + span + "\">" + c.t("col.reason") + c.sep() +
           (ro ? c.L([&](Lang l) { return esc(reason_text(ro->reason, c.rules, l)); }) : c.dash()) + "</td></tr></tbody>\n";
  }
  out += "</table>\n";
}

/// A class of indicators (5.1.x): Table E.1's heading and introduction, then its tables.
/// The class's indicators are the rule data's (`groups[].indicators`).
void group(std::string& out, const Ctx& c, const char* id) {
  const std::string g(id);
  out += "<h3 id=\"" + g + "-status\">" + c.e1(g) + "</h3>\n<p class=\"intro\">" + c.e1(g + "_intro") + "</p>\n";
  for (const GroupDef& gd : c.rules.groups)
    if (gd.id == g)
      for (const int li : gd.indicators) record_table(out, c, static_cast<std::size_t>(li));
}

/// Clause by clause: the three basic requirements and the ten indicators; failing ones with reasons.
void checks(std::string& out, const Ctx& c) {
  const Evaluation& ev = c.ev();
  out += "<h2>" + c.t("summary.checks") + "</h2>\n<table class=\"checks\">\n<thead><tr><th>" + c.t("summary.clause") +
         "</th><th>" + c.t("summary.item") + "</th><th>" + c.t("summary.result") + "</th><th>" + c.t("summary.clears_on") +
         "</th></tr></thead>\n";
  for (int item = 0; item < kItemCount; ++item) {
    if (item == 0 || item == kBasicCount)
      out += "<tbody><tr><th colspan=\"4\">" + c.t(item == 0 ? "summary.basic" : "summary.indicators") + "</th></tr></tbody>\n";
    const bool basic = item < kBasicCount;
    const BasicOutcome* b = basic ? &ev.basic[static_cast<std::size_t>(item)] : nullptr;
    const IndicatorOutcome* io = basic ? nullptr : &ev.indicators[static_cast<std::size_t>(item - kBasicCount)];
    const bool ok = basic ? b->met : !io->fails;
    out += "<tbody class=\"rec\"><tr><td class=\"num\">" + esc(item_clause(c.rules, item)) + "</td><td>" + c.item(item) +
           "</td><td>" + badge(c, ok, basic ? (ok ? "status.met" : "status.not_met") : (ok ? "status.pass" : "status.fail")) +
           "</td><td>" + (ok ? c.dash() : clears(c, basic ? b->clears_on : io->clears_on)) + "</td></tr>\n";
    if (basic) {
      out += "<tr class=\"why\"><td></td><td colspan=\"3\">" +
             c.L([&](Lang l) { return esc(reason_text(b->reason, c.rules, l)); }) + "</td></tr>\n";
    } else if (!ok) {
      out += "<tr class=\"why\"><td></td><td colspan=\"3\"><ul>";
      for (const RecordOutcome& ro : io->counted)
        out += "<li>" + esc(c.e.records[ro.record].id) + c.sep() +
               c.L([&](Lang l) { return esc(reason_text(ro.reason, c.rules, l)); }) + "</li>";
      out += "</ul></td></tr>\n";
    }
    out += "</tbody>\n";
  }
  out += "</table>\n";
}

void action_plan(std::string& out, const Ctx& c) {
  const Plan& plan = c.plan;
  const Evaluation& ev = c.ev();
  const std::string none = c.t("plan.never");
  out += "<h2>" + c.t("plan.heading") + "</h2>\n<p class=\"counselling\">" + c.t("plan.counselling") + "</p>\n";
  if (ev.pass && plan.actions.empty() && plan.waits.empty()) {
    out += "<p>" + c.t("plan.passing") + "</p>\n";
  } else {
    out += "<h3>" + c.t("plan.dates") + "</h3>\n<table class=\"fields\">\n";
    field_row(out, c.t("plan.doing_nothing"), writable(ev.earliest_pass) ? c.human(ev.earliest_pass) : none);
    field_row(out, c.t("plan.all_actions"),
              writable(plan.earliest_pass_all_actions) ? c.human(plan.earliest_pass_all_actions) : none);
    std::string disputes = c.t("plan.no_disputes");
    if (plan.has_disputes) {
      disputes = (writable(plan.disputes_earliest_pass) ? c.human(plan.disputes_earliest_pass) : none) +
                 Ctx::sub(c.L([&](Lang l) {
                   // Each record named by what it is (its id is in the name).
                   std::string names;
                   for (std::size_t i : plan.disputed_records)
                     names += (names.empty() ? "" : c.rules.text("text.list.records", l)) + record_name(c.e.records[i], c.rules, l);
                   return esc(fill(c.rules.text("report.plan.disputed_records", l),
                                   {{"records", names}, {"verdict", c.rules.text(plan.disputes_pass ? "report.status.pass" : "report.status.fail", l)}}));
                 }));
    }
    field_row(out, c.t("plan.disputes"), disputes);
    out += "</table>\n<h3>" + c.t("plan.actions") + "</h3>\n";
    if (plan.actions.empty()) out += "<p class=\"none\">" + c.t("none") + "</p>\n";
    else {
      out += "<ol>\n";
      for (const PlanAction& a : plan.actions)
        out += "<li>" + c.L([&](Lang l) { return esc(action_text(c.e, plan, a, c.rules, l)); }) + "</li>\n";
      out += "</ol>\n";
    }
    out += "<h3>" + c.t("plan.waits") + "</h3>\n";
    if (plan.waits.empty()) out += "<p class=\"none\">" + c.t("none") + "</p>\n";
    else {
      out += "<ul>\n";
      for (const PlanWait& w : plan.waits) out += "<li>" + c.L([&](Lang l) { return esc(wait_text(c.e, w, c.rules, l)); }) + "</li>\n";
      out += "</ul>\n";
    }
  }
}

/// Clause 8.8: the counselling notes the user asked to print, and the consultant, as written
/// (escaped, line breaks kept). A record's note is named by its table and number, as in Table E.1.
void counselling_notes(std::string& out, const Ctx& c, const Options& opt) {
  out += "<h3 id=\"notes\">" + c.t("notes.heading") + "</h3>\n<p class=\"intro\">" + c.t("notes.intro") + "</p>\n";
  if (!opt.consultant.empty()) {
    out += "<table class=\"fields\">\n";
    field_row(out, c.t("notes.consultant"), c.val(opt.consultant));
    out += "</table>\n";
  }
  if (!opt.notes.empty())
    out += "<h4>" + c.t("notes.enterprise") + "</h4>\n<p class=\"u written\">" + esc(opt.notes) + "</p>\n";
  std::string items;
  std::array<int, kListCount> number{};
  for (const Record& r : c.e.records) {
    const std::size_t li = static_cast<std::size_t>(r.list);
    ++number[li];
    const auto it = std::lower_bound(opt.record_notes.begin(), opt.record_notes.end(), r.id,
                                     [](const auto& n, const std::string& id) { return n.first < id; });
    if (it == opt.record_notes.end() || it->first != r.id) continue;
    items += "<li><strong>" + table_title(c, li) + " " + std::to_string(number[li]) + "</strong> <span class=\"sub\">" +
             esc(r.id) + "</span>" + c.sep() + "<span class=\"u written\">" + esc(it->second) + "</span></li>\n";
  }
  if (!items.empty()) out += "<h4>" + c.t("notes.records") + "</h4>\n<ul class=\"notes\">\n" + items + "</ul>\n";
}

bool has_counselling_notes(const Options& opt) {
  return !opt.consultant.empty() || !opt.notes.empty() || !opt.record_notes.empty();
}

/// Clause 7: a passing report shows the mark as 7.2-7.4 describe it, as a specimen (8.3: the mark
/// itself comes from the 标识管理机构); a failing one says what the mark would need instead.
void mark_specimen(std::string& out, const Ctx& c) {
  const Enterprise& e = c.e;
  out += "<h2>" + c.t("mark.heading") + "</h2>\n";
  if (!c.ev().pass) {
    out += "<div class=\"needs\">\n<p>" + c.t("mark.needs") + "</p>\n<p>" + c.t("summary.earliest_pass") + c.sep() + "<strong>" +
           (writable(c.ev().earliest_pass) ? c.human(c.ev().earliest_pass) : c.t("summary.earliest_none")) +
           "</strong></p>\n</div>\n";
    return;
  }
  const std::string& prefix = c.rules.division_prefix[static_cast<std::size_t>(e.region)];
  std::string division = e.division_code;
  const bool six_digits = division.size() == 6 && division.find_first_not_of("0123456789") == std::string::npos;
  if (!six_digits || prefix.empty() || division.compare(0, prefix.size(), prefix) != 0)
    division = prefix.size() <= 6 ? prefix + std::string(6 - prefix.size(), '0') : prefix.substr(0, 6);
  std::string first = "YYYYMMDD";
  if (writable(e.first_passed_on)) {
    first = format_date(e.first_passed_on);
    first.erase(7, 1);
    first.erase(4, 1);
  }
  const std::string later = c.t("mark.to_be_filled");
  std::string stamp;
  for (Lang l : {Lang::en, Lang::zh_Hans, Lang::zh_Hant}) stamp += (stamp.empty() ? "" : " / ") + c.t_in("mark.specimen", l);
  // 7.1: the mark's name is Chinese; an English report gives the translation beside it.
  std::string name = c.L([&](Lang l) { return esc(c.rules.mark_name[l]); });
  if (c.lang == Lang::en && !c.all) name = esc(c.rules.mark_name[Lang::zh_Hans]) + " (" + name + ")";
  // 7.3: the green "IC" above, the English line below, in the rule data's font and sizes.
  out += "<div class=\"specimen\">\n<div class=\"watermark\" aria-hidden=\"true\">" + stamp + "</div>\n<div class=\"stamp\">" +
         stamp + "</div>\n<div class=\"emblem\"><p class=\"ic\">" + esc(c.rules.mark_pattern) + "</p><p class=\"ic-en\">" +
         esc(c.rules.mark_name[Lang::en]) + "</p></div>\n<p class=\"mark-name\">" + esc(c.rules.mark_name[Lang::zh_Hans]) +
         "</p>\n<table class=\"fields\">\n";
  field_row(out, c.t("mark.name"), name);
  field_row(out, c.t("mark.code"), "<span class=\"code\">" + esc(division) + " III " + esc(first) + " NNNN</span> (" +
                                       c.t("mark.specimen") + ")" +
                                       Ctx::sub(c.t_fill("mark.code_parts", {{"division", division}})));
  field_row(out, c.t("mark.issuer"), c.t("mark.issuer_value"));
  field_row(out, c.t("mark.issued_on"), writable(e.first_passed_on) ? c.date(e.first_passed_on) : later);
  field_row(out, c.t("mark.last_review_on"), writable(e.last_review_on) ? c.date(e.last_review_on) : later);
  out += "</table>\n<p class=\"note\">" + c.t("mark.notice") + "</p>\n</div>\n";
}

}  // namespace

Output report_html(std::string_view text, const Options& options, const Rules& rules) {
  Options opt = options;
  const bool all = opt.all_languages;
  opt.all_languages = false;  // the report is the one door that takes every language at once
  Prepared p = prepare(text, opt, rules);
  if (!p.valid()) return {std::string(), Verdict::invalid, error_messages(p.errors, rules, options.lang, &p.parsed.enterprise)};
  const Enterprise& e = p.parsed.enterprise;
  const Lang lang = all ? Lang::zh_Hans : opt.lang;
  const Plan plan = make_plan(e, rules, p.on, std::move(p.parsed.warnings));
  Ctx c{e, plan, rules, lang, all, std::vector<const RecordOutcome*>(e.records.size(), nullptr), std::vector<char>(e.records.size(), 0), options.consultant,
        has_counselling_notes(options)};
  for (const IndicatorOutcome& io : plan.evaluation.indicators) {
    for (const RecordOutcome& ro : io.counted) {
      c.outcome[ro.record] = &ro;
      c.counted[ro.record] = 1;
    }
    for (const RecordOutcome& ro : io.not_counted) c.outcome[ro.record] = &ro;
  }

  std::string out;
  out.reserve((all ? 60000 : 24000) + 1200 * e.records.size());
  out += std::string("<!DOCTYPE html>\n<html lang=\"") + kLangCodes[static_cast<std::size_t>(lang)] +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" + esc(c.plain([&](Lang l) { return rules.text("report.e1.title", l); })) + " · " + esc(e.name) + " · " +
         esc(c.plain([&](Lang l) { return rules.text("report.draft_badge", l); })) + "</title>\n";
  css(out, c);
  out += "</head>\n<body>\n<main class=\"report\">\n";
  // Clause 10: 基本信息, 守法信息, 遵规信息, 践约信息, 其他诚信信息 (Table E.1's content), after the summary.
  summary(out, c);
  basic_information(out, c);
  open_part(out, c, "law");
  out += "<p class=\"kicker\">" + c.e1("integrity") + "</p>\n";
  group(out, c, "law");
  out += "</section>\n";
  open_part(out, c, "rules");
  group(out, c, "rules");
  out += "</section>\n";
  open_part(out, c, "commitments");
  group(out, c, "commitments");
  const IndicatorDef& cc = rules.indicators[static_cast<std::size_t>(ListKind::contract_complaints)];
  out += "<p class=\"note\">" + c.t_fill("note.complaints", {{"months", std::to_string(cc.window_months)},
                                                             {"resolved_months", std::to_string(cc.resolved_window_months)},
                                                             {"threshold", std::to_string(cc.threshold)}},
                                                  "text.list.and") +
         out_of_scope_note(c, Counting::complaints) + "</p>\n</section>\n";
  open_part(out, c, "other");
  group(out, c, "other");
  out += "<p class=\"note\">" + c.L([&](Lang l) { return esc(rules.text("standard.appendix_d_amount_note", l)); }) + "</p>\n";
  out += "<p class=\"note\">" + date_note(c) + "</p>\n</section>\n";
  // Beyond Table E.1: the clause-by-clause results, the route to passing (8.8) and the mark (7).
  out += "<section class=\"part\" id=\"annex\">\n";
  checks(out, c);
  // The plan and the mark are kept on one page, so the last page is never a stray line or two;
  // counselling notes (8.8), of any length, follow the plan and leave the mark on its own.
  if (has_counselling_notes(options)) {
    action_plan(out, c);
    counselling_notes(out, c, options);
    out += "<div class=\"closing\">\n";
  } else {
    out += "<div class=\"closing\">\n";
    action_plan(out, c);
  }
  mark_specimen(out, c);
  out += "</div>\n</section>\n</main>\n</body>\n</html>\n";
  return {std::move(out), plan.evaluation.pass ? Verdict::pass : Verdict::fail, {}};
}

}  // namespace nvcheck
