// Read-only view of the rule data (the engine's rulesSummary()): labels, lists and names the
// forms and views are built from. No rule is decided here.

import { getLang, format } from './i18n.js';


let count = 0;

export class RuleData {
  constructor(summary) {
    // Tells this rule data from any loaded before (views key what they show by it).
    this.tag = (count += 1);
    this.id = summary.id;
    this.version = summary.version;
    this.edited = summary.edited === true;  // not the built-in rules (the engine compares their content)
    this.std = summary.standard || {};
    this.texts = summary.texts || {};
    this.indicators = this.std.indicators || [];
    this.basic = this.std.basic_requirements || [];
    this.byClause = new Map();
    for (const ind of this.indicators) this.byClause.set(ind.clause, ind);
    for (const b of this.basic) this.byClause.set(b.clause, b);
    this.byList = new Map(this.indicators.map((ind) => [ind.records, ind]));
  }

  /** A three-language object `{zh-Hans, zh-Hant, en}` in the current language. */
  label(obj) {
    if (!obj) return '';
    if (typeof obj === 'string') return obj;
    const lang = getLang();
    return obj[lang] ?? obj.en ?? obj['zh-Hans'] ?? '';
  }

  /** A text of the rule data's `texts` (flattened keys, e.g. `text.verdict.pass`). */
  text(key, vars) {
    const row = this.texts[key];
    return row ? format(this.label(row), vars) : '';
  }

  hasText(key) {
    return key in this.texts;
  }

  title() {
    return this.label(this.std.title);
  }

  /** Table 1: the indicator's name for the enterprise's region (GD when none is chosen). */
  indicatorName(ind, region) {
    const names = ind.names || {};
    return this.label(names[region] || names.GD || ind.label);
  }

  /** Name of a clause (basic requirement label or region-specific indicator name). */
  clauseName(clause, region) {
    const item = this.byClause.get(clause);
    if (!item) return '';
    return item.names ? this.indicatorName(item, region) : this.label(item.label);
  }

  regionLabel(region) {
    const r = (this.std.regions || {})[region];
    return r ? this.label(r.label) : region;
  }

  /** `[value, label]` pairs of an enumeration, in the rule data's order. */
  enumOptions(name) {
    const e = (this.std.enums || {})[name] || {};
    return Object.entries(e).map(([value, lbl]) => [value, this.label(lbl)]);
  }

  enumLabel(name, value) {
    const e = (this.std.enums || {})[name] || {};
    return e[value] ? this.label(e[value]) : value;
  }

  /** Appendix entries `{id, label, group}`; group is the region for Appendix A. */
  appendixEntries(letter) {
    const list = this.std['appendix_' + letter.toLowerCase()] || [];
    const lang = getLang();
    return list.map((e) => {
      const name = lang === 'zh-Hans' ? e.name : lang === 'zh-Hant' ? e['zh-Hant'] || e.name : e.en || e.name;
      return { id: e.id, label: name, group: e.region || e.category || '' };
    });
  }

  /**
   * Whether an appendix field takes only its ids (D) or also a free name (A, B, C): read from the
   * rule data, where a closed appendix has an enumeration holding every one of its ids (plus
   * `other`, docs/formats.md "The ten record lists").
   */
  appendixIsClosed(letter) {
    return Boolean(this.closedAppendixEnum(letter));
  }

  /** The enumeration a closed appendix's field takes, or undefined. */
  closedAppendixEnum(letter) {
    const ids = (this.std['appendix_' + letter.toLowerCase()] || []).map((e) => e.id);
    if (!ids.length) return undefined;
    const enums = this.std.enums || {};
    return Object.keys(enums).find((name) => enums[name] && typeof enums[name] === 'object' && ids.every((id) => id in enums[name]));
  }

  /** Label of an appendix value (the id's name, or the value itself). */
  appendixLabel(letter, value) {
    const hit = this.appendixEntries(letter).find((e) => e.id === value);
    if (hit) return hit.label;
    const closed = this.closedAppendixEnum(letter);
    return closed ? this.enumLabel(closed, value) : value;
  }

  groupLabel(id) {
    const enums = this.std.enums || {};
    if (enums.region && enums.region[id]) return this.label(enums.region[id]);
    if (enums.certification_category && enums.certification_category[id]) return this.label(enums.certification_category[id]);
    return id;
  }

  /** The record lists in clause order with their fields (display order, from `record_fields`). */
  recordLists() {
    return this.indicators.map((ind) => ({
      list: ind.records,
      indicator: ind,
      fields: (this.std.record_fields || {})[ind.records] || [],
    }));
  }

  fields(list) {
    return (this.std.record_fields || {})[list] || [];
  }

  /** A record field's definition. */
  field(list, name) {
    return this.fields(list).find((f) => f.field === name);
  }

  fieldLabel(list, name) {
    const f = this.field(list, name);
    return f ? this.label(f.label) : name;
  }

  /** Date fields of a record list in display order (the first is the record's start date). */
  dateFields(list) {
    return this.fields(list).filter((f) => f.kind === 'date').map((f) => f.field);
  }

  enterpriseFields() {
    return this.std.enterprise_fields || [];
  }
  applicationFields() {
    return this.std.application_fields || [];
  }
  certificationFields() {
    return this.std.certification_fields || [];
  }
  groups() {
    return this.std.groups || [];
  }
}
