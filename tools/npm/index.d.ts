// TypeScript declarations of the nvcheck package (nvcheck/enterprise@1 in, nvcheck/result@1 and
// nvcheck/plan@1 out; schemas/*.schema.json in the repository describe the same shapes).

/** An error reported by the engine itself (an invalid enterprise file is a result, not an error). */
export declare class NvcheckError extends Error {
  constructor(message: string, code?: NvcheckErrorCode, options?: { cause?: unknown });
  /** Which failure: for a caller to say in its user's language. */
  code: NvcheckErrorCode;
}
export type NvcheckErrorCode =
  'engine_failed' | 'out_of_memory' | 'rules_invalid' | 'bad_argument' | 'not_loaded' | 'engine_stopped';

export type Lang = 'en' | 'zh-Hans' | 'zh-Hant';
/** A date written YYYY-MM-DD. */
export type DateText = string;
/** Options of every call; as an object or as JSON text. A bad value is an input error. */
export interface Options {
  /** The evaluation date; default: the file's application date, else `today`. */
  on?: DateText;
  lang?: Lang;
  /** The caller's local date (the engine reads no clock). */
  today?: DateText;
  /** Also say `evaluated_on_source`, each counted and not-counted record's `name` (by what it is) and each counted record's `counts_from`. */
  detail?: boolean;
}
/** Enterprise file text (sent as UTF-8) or its bytes (sent as they are). */
export type EnterpriseText = string | Uint8Array;

export interface LoadOptions {
  /** The bytes of nvcheck.wasm (read from the package under Node when not given). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  /** The request for nvcheck.wasm (a browser's own, e.g. made early): compiled as it downloads. */
  fetchWasm?: () => Promise<Response>;
}

/** The rule set used: edited is true when it is not the built-in set (its content differs). */
export interface RulesRef { id: string; version: string; edited: boolean }
export interface InputError { path: string; code: string; message: string }
export interface Warning { record: string | null; code: string; message: string }
export interface BasicRequirement {
  clause: '6.1.1' | '6.1.2' | '6.1.3';
  status: 'met' | 'not_met';
  reason: string;
  clears_on: DateText | null;
}
export type IndicatorId =
  | 'administrative_penalty' | 'administrative_coercion' | 'judicial_decision' | 'criminal_case'
  | 'self_regulatory_violation' | 'community_violation' | 'certification_violation'
  | 'contract_complaint' | 'commitment_complaint' | 'risk_list';
export interface Indicator {
  clause: string;
  id: IndicatorId;
  status: 'pass' | 'fail';
  /** `name` and `counts_from` only with the `detail` option. */
  counted: { record: string; name?: string; reason: string; counts_from?: DateText | null; counts_until: DateText | null }[];
  not_counted: { record: string; name?: string; reason: string }[];
  clears_on: DateText | null;
}
/** `nvcheck/result@1` (JSON.parse of evaluate()'s text). */
export interface Result {
  schema: 'nvcheck/result@1';
  rules: RulesRef;
  evaluated_on: DateText | null;
  verdict: 'pass' | 'fail' | 'invalid';
  basic_requirements: BasicRequirement[];
  indicators: Indicator[];
  earliest_pass_date: DateText | null;
  warnings: Warning[];
  errors: InputError[];
}
export interface PlanAction {
  record: string;
  clause: string;
  action: 'release_coercion' | 'perform_judgment' | 'close_criminal_case' | 'end_measure' | 'resolve_complaint' | 'remove_listing';
  decided_by: 'enterprise' | 'authority';
  /** Who decides, in words: the enterprise itself, or the record's field its list's end_event.decider names. */
  decider: string;
  done_on: DateText;
  counts_until: DateText | null;
  clause_clears_on: DateText | null;
  earliest_pass_date: DateText | null;
  changes_nothing: boolean;
  text: string;
}
/** `nvcheck/plan@1` (JSON.parse of plan()'s text for a valid file). */
export interface Plan {
  schema: 'nvcheck/plan@1';
  rules: RulesRef;
  evaluated_on: DateText;
  verdict: 'pass' | 'fail';
  earliest_pass_date: DateText | null;
  earliest_pass_date_all_actions: DateText | null;
  actions: PlanAction[];
  disputes: null | { records: string[]; names: string[]; verdict: 'pass' | 'fail'; earliest_pass_date: DateText | null };
  waits: { clause: string; clears_on: DateText | null; text: string }[];
  warnings: Warning[];
}
export type ReportOutput =
  | { verdict: 'pass' | 'fail'; html: string; result: null }
  | { verdict: 'invalid'; html: null; result: string };
export interface RulesSummary { id: string; version: string; edited: boolean; standard: unknown; texts: unknown }
/** One change of the rules in use from the built-in ones (docs/formats.md "Command line"). */
export interface RuleChange {
  kind: string; clause: string; path: string; from: string; to: string; items?: string[];
  message: { 'zh-Hans': string; 'zh-Hant': string; en: string };
}
export interface RulesDiff { a: { id: string; version: string }; b: { id: string; version: string }; same: boolean; changes: RuleChange[] }
export interface MarkCodeCheck {
  well_formed: boolean;
  problems: string[];
  notes: string[];
  [key: string]: unknown;
}

/** Starts the module once (later calls give the same promise). */
export function load(options?: LoadOptions): Promise<void>;
/** True once load() has finished. */
export function loaded(): boolean;
/** The result as JSON text (`nvcheck/result@1`), the same bytes as the CLI's line. */
export function evaluate(text: EnterpriseText, options?: Options | string): string;
/** The plan as JSON text (`nvcheck/plan@1`); for an invalid file, the invalid result. */
export function plan(text: EnterpriseText, options?: Options | string): string;
/** The draft report (Appendix E layout) as one HTML document, or the invalid result. */
export function report(text: EnterpriseText, options?: Options | string): ReportOutput;
/** The rule data in use. */
export function rulesSummary(): RulesSummary;
/** Clause 7.4 check of a presented mark code. */
export function checkMarkCode(code: string, lang?: Lang): MarkCodeCheck;
/** Replaces the rule data (rules/wq179.json's format); throws on a bad file. */
export function setRules(standardJson: string | Uint8Array): RulesRef;
/** What the rules in use change from the built-in ones. */
export function rulesDiff(): RulesDiff;
/** The engine's version. */
export function version(): string;
/** The plan's actions done: `nvcheck/what-if@1` JSON text ({changes, result}), or the invalid result. */
export function whatIf(text: EnterpriseText, actions: object[] | string, options?: Options | string): string;
/** A date for people in the language, as the engine's texts write it. */
export function humanDate(iso: DateText, lang?: Lang): string;
/** The limits the engine reads a file with. */
export function limits(): { file_bytes: number; records_per_list: number };
