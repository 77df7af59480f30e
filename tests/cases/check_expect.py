#!/usr/bin/env python3
"""Checks the structure of the golden cases in tests/cases/{good,invalid} (not the engine).

    python3 tests/cases/check_expect.py [CASES_DIR]

Every NN-name.json has an NN-name.expect.json; good expectations have exactly the keys
name, clauses, arithmetic, on, result, plan, with the result and plan in the shapes of
shared/spec/examples (plus result.warnings); invalid ones have name, on (null) and errors.
Dates are real YYYY-MM-DD dates, the ten indicators come in Table 1 order, every record of
the input appears once under its indicator in input order, and the plan agrees with the
result. Prints each problem; exit 0 when none.
"""
import datetime, glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASIC = ["6.1.1", "6.1.2", "6.1.3"]
INDICATORS = [("6.2.1", "administrative_penalty", "administrative_penalties"),
              ("6.2.2", "administrative_coercion", "administrative_coercions"),
              ("6.2.3", "judicial_decision", "judgments"),
              ("6.2.4", "criminal_case", "criminal_cases"),
              ("6.2.5", "self_regulatory_violation", "self_regulatory_violations"),
              ("6.2.6", "community_violation", "community_violations"),
              ("6.2.7", "certification_violation", "certification_violations"),
              ("6.2.8", "contract_complaint", "contract_complaints"),
              ("6.2.9", "commitment_complaint", "commitment_complaints"),
              ("6.2.10", "risk_list", "risk_list_entries")]
CLAUSES = BASIC + [c for c, _, _ in INDICATORS]
WARNINGS = {"not_in_appendix", "unresolved_complaint_aged_out", "registration_not_subsisting",
            "division_not_in_region", "unknown_field", "counted_although_disputed", "beyond_calendar"}
ERRORS = {"invalid_json", "unsupported_schema", "duplicate_key", "missing_field", "empty_value", "wrong_type",
          "unknown_value", "bad_date", "unknown_record_list", "end_before_start", "duplicate_id", "empty_id",
          "too_deep", "string_too_long", "too_many_records"}
ACTIONS = {"release_coercion": ("authority", {"6.2.2"}), "perform_judgment": ("enterprise", {"6.2.3"}),
           "close_criminal_case": ("authority", {"6.2.4"}), "end_measure": ("authority", {"6.2.5", "6.2.6"}),
           "resolve_complaint": ("enterprise", {"6.2.8", "6.2.9"}), "remove_listing": ("authority", {"6.2.10"})}
RESULT_KEYS = ["schema", "evaluated_on", "verdict", "basic_requirements", "indicators", "earliest_pass_date",
               "warnings", "errors"]
PLAN_KEYS = ["schema", "evaluated_on", "verdict", "earliest_pass_date", "earliest_pass_date_all_actions",
             "actions", "disputes", "waits"]
ACTION_KEYS = ["record", "clause", "action", "decided_by", "done_on", "counts_until", "clause_clears_on",
               "earliest_pass_date", "changes_nothing"]

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


def is_date(s):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return False
    try:
        return datetime.date.fromisoformat(s).year >= 1
    except ValueError:
        return False


def date_or_null(where, field, v):
    if v is not None and not is_date(v):
        bad(where, "%s is neither null nor a date: %r" % (field, v))


def keys(where, obj, want):
    if not isinstance(obj, dict):
        bad(where, "not an object")
        return False
    if list(obj) != want:
        bad(where, "keys %s, want %s" % (list(obj), want))
        return False
    return True


def load_strict(path):
    """JSON with duplicate keys rejected; a leading BOM allowed."""
    def hook(pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                raise ValueError("duplicate key %r" % k)
            seen.add(k)
        return dict(pairs)
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f, object_pairs_hook=hook)


def check_good(base):
    where = os.path.relpath(base, HERE)
    try:
        doc = load_strict(base + ".json")
        exp = load_strict(base + ".expect.json")
    except (ValueError, OSError) as e:
        bad(where, "cannot read: %s" % e)
        return
    if doc.get("schema") != "nvcheck/enterprise@1":
        bad(where, "input schema is not nvcheck/enterprise@1")
    app_date = (doc.get("application") or {}).get("date")
    if not is_date(app_date):
        bad(where, "input has no valid application.date")
    if not keys(where, exp, ["name", "clauses", "arithmetic", "on", "result", "plan"]):
        return
    for k in ("name", "arithmetic"):
        if not isinstance(exp[k], str) or not exp[k].strip():
            bad(where, "%s must be a non-empty string" % k)
    if not isinstance(exp["clauses"], list) or any(c not in CLAUSES for c in exp["clauses"]):
        bad(where, "clauses must be a list of clause ids: %r" % exp["clauses"])
    date_or_null(where, "on", exp["on"])
    D = exp["on"] or app_date
    records = doc.get("records") or {}
    all_ids = {r.get("id") for _, _, key in INDICATORS for r in (records.get(key) or [])}

    res = exp["result"]
    w = where + " result"
    if not keys(w, res, RESULT_KEYS):
        return
    if res["schema"] != "nvcheck/result@1":
        bad(w, "schema")
    if res["evaluated_on"] != D:
        bad(w, "evaluated_on %r, want %r" % (res["evaluated_on"], D))
    if res["errors"] != []:
        bad(w, "errors must be []")
    fails = False
    if len(res["basic_requirements"]) != 3:
        bad(w, "three basic requirements expected")
    for i, b in enumerate(res["basic_requirements"]):
        if not keys("%s basic %d" % (w, i), b, ["clause", "status", "clears_on"]):
            continue
        if b["clause"] != BASIC[i]:
            bad(w, "basic requirement %d is %r, want %s" % (i, b["clause"], BASIC[i]))
        if b["status"] not in ("met", "not_met"):
            bad(w, "basic status %r" % b["status"])
        date_or_null(w, b["clause"] + " clears_on", b["clears_on"])
        if b["status"] == "met" and b["clears_on"] is not None:
            bad(w, "%s met but clears_on is set" % b["clause"])
        if b["status"] == "not_met":
            fails = True
            if b["clears_on"] is not None and b["clears_on"] <= D:
                bad(w, "%s clears_on must be after D" % b["clause"])
    if len(res["indicators"]) != 10:
        bad(w, "ten indicators expected")
    counted_by_clause = {}
    for i, ind in enumerate(res["indicators"][:10]):
        clause, iid, key = INDICATORS[i]
        wi = "%s %s" % (w, clause)
        if not keys(wi, ind, ["clause", "id", "status", "counted", "not_counted", "clears_on"]):
            continue
        if ind["clause"] != clause or ind["id"] != iid:
            bad(wi, "indicator %d is %s/%s, want %s/%s" % (i, ind["clause"], ind["id"], clause, iid))
        if ind["status"] not in ("pass", "fail"):
            bad(wi, "status %r" % ind["status"])
        for c in ind["counted"]:
            if keys(wi + " counted", c, ["record", "counts_until"]):
                date_or_null(wi, "counts_until", c["counts_until"])
                if c["counts_until"] is not None and c["counts_until"] <= D:
                    bad(wi, "counts_until of %s must be after D" % c["record"])
        for c in ind["not_counted"]:
            keys(wi + " not_counted", c, ["record"])
        ids_in = [r.get("id") for r in (records.get(key) or [])]
        counted = [c.get("record") for c in ind["counted"]]
        shown = counted + [c.get("record") for c in ind["not_counted"]]
        if sorted(shown) != sorted(ids_in):
            bad(wi, "records shown %s, input has %s" % (shown, ids_in))
        for part in (counted, [c.get("record") for c in ind["not_counted"]]):
            if part != [x for x in ids_in if x in part]:
                bad(wi, "records not in input order: %s" % part)
        threshold = 2 if clause in ("6.2.8", "6.2.9") else 1
        want_status = "fail" if len(counted) >= threshold else "pass"
        if ind["status"] != want_status:
            bad(wi, "status %s but %d counted" % (ind["status"], len(counted)))
        date_or_null(wi, "clears_on", ind["clears_on"])
        if ind["status"] == "pass" and ind["clears_on"] is not None:
            bad(wi, "passing indicator with clears_on")
        if ind["status"] == "fail":
            fails = True
            if ind["clears_on"] is not None and ind["clears_on"] <= D:
                bad(wi, "clears_on must be after D")
        counted_by_clause[clause] = (ind["status"], ind["clears_on"], counted)
    want_verdict = "fail" if fails else "pass"
    if res["verdict"] != want_verdict:
        bad(w, "verdict %r, want %r" % (res["verdict"], want_verdict))
    ep = res["earliest_pass_date"]
    date_or_null(w, "earliest_pass_date", ep)
    if want_verdict == "pass" and ep != D:
        bad(w, "a passing result has earliest_pass_date = D")
    if want_verdict == "fail" and ep is not None and ep <= D:
        bad(w, "a failing result has earliest_pass_date after D or null")
    general_done = False
    last_rank = -1
    for x in res["warnings"]:
        if not keys(w + " warning", x, ["record", "code"]):
            continue
        if x["code"] not in WARNINGS:
            bad(w, "unknown warning code %r" % x["code"])
        if x["record"] is None:
            if general_done:
                bad(w, "general warnings must come first")
        else:
            general_done = True
            if x["record"] not in all_ids:
                bad(w, "warning names unknown record %r" % x["record"])
            rank = next((i for i, (_, _, key) in enumerate(INDICATORS)
                         if x["record"] in [r.get("id") for r in (records.get(key) or [])]), -1)
            if rank < last_rank:
                bad(w, "warnings not in clause order")
            last_rank = rank

    pl = exp["plan"]
    w = where + " plan"
    if not keys(w, pl, PLAN_KEYS):
        return
    if pl["schema"] != "nvcheck/plan@1":
        bad(w, "schema")
    for k in ("evaluated_on", "verdict", "earliest_pass_date"):
        if pl[k] != res[k]:
            bad(w, "%s differs from the result" % k)
    date_or_null(w, "earliest_pass_date_all_actions", pl["earliest_pass_date_all_actions"])
    sort_keys = []
    for a in pl["actions"]:
        wa = "%s action %s" % (w, a.get("record"))
        if not keys(wa, a, ACTION_KEYS):
            continue
        who, clauses = ACTIONS.get(a["action"], (None, set()))
        if who is None:
            bad(wa, "unknown action %r" % a["action"])
        elif a["decided_by"] != who or a["clause"] not in clauses:
            bad(wa, "action %s must be decided by %s under %s" % (a["action"], who, sorted(clauses)))
        if a["done_on"] != D:
            bad(wa, "done_on must be D")
        for k in ("counts_until", "clause_clears_on", "earliest_pass_date"):
            date_or_null(wa, k, a[k])
            if a[k] is not None and a[k] < D:
                bad(wa, "%s before D" % k)
        st = counted_by_clause.get(a["clause"])
        if not st or st[0] != "fail" or a["record"] not in st[2]:
            bad(wa, "an action needs a record counted under a failing clause")
        if not isinstance(a["changes_nothing"], bool):
            bad(wa, "changes_nothing must be a boolean")
        elif st:
            same = a["clause_clears_on"] == st[1] and a["earliest_pass_date"] == res["earliest_pass_date"]
            if same != a["changes_nothing"]:
                bad(wa, "changes_nothing disagrees with the dates")
        sort_keys.append((a["earliest_pass_date"] is None, a["earliest_pass_date"] or "",
                          CLAUSES.index(a["clause"]) if a["clause"] in CLAUSES else 99, a["record"].encode()))
    if sort_keys != sorted(sort_keys):
        bad(w, "actions not sorted by earliest pass date, clause, record")
    disputed = [r.get("id") for _, _, key in INDICATORS for r in (records.get(key) or []) if r.get("disputed") is True]
    if not disputed:
        if pl["disputes"] is not None:
            bad(w, "disputes must be null without disputed records")
    elif keys(w + " disputes", pl["disputes"], ["records", "verdict", "earliest_pass_date"]):
        if pl["disputes"]["records"] != disputed:
            bad(w, "disputes.records %s, want %s" % (pl["disputes"]["records"], disputed))
        if pl["disputes"]["verdict"] not in ("pass", "fail"):
            bad(w, "disputes.verdict")
        date_or_null(w, "disputes.earliest_pass_date", pl["disputes"]["earliest_pass_date"])
    want_waits = [b["clause"] for b in res["basic_requirements"] if b["status"] == "not_met"]
    acted = {a.get("clause") for a in pl["actions"]}
    want_waits += [c for c, (s, _, _) in counted_by_clause.items() if s == "fail" and c not in acted]
    got_waits = []
    for x in pl["waits"]:
        if keys(w + " wait", x, ["clause", "clears_on"]):
            got_waits.append(x["clause"])
            date_or_null(w, "wait clears_on", x["clears_on"])
            src = [b for b in res["basic_requirements"] if b["clause"] == x["clause"]] + \
                  [i for i in res["indicators"] if i["clause"] == x["clause"]]
            if src and src[0]["clears_on"] != x["clears_on"]:
                bad(w, "wait %s clears_on differs from the result" % x["clause"])
    if got_waits != want_waits:
        bad(w, "waits %s, want %s" % (got_waits, want_waits))
    if res["verdict"] == "pass" and (pl["actions"] or pl["waits"]):
        bad(w, "a passing plan has no actions and no waits")


def check_invalid(base):
    where = os.path.relpath(base, HERE)
    try:
        exp = load_strict(base + ".expect.json")
    except (ValueError, OSError) as e:
        bad(where, "cannot read expectation: %s" % e)
        return
    if not keys(where, exp, ["name", "on", "errors"]):
        return
    if not isinstance(exp["name"], str) or not exp["name"].strip():
        bad(where, "name must be a non-empty string")
    if exp["on"] is not None:
        bad(where, "on must be null")
    if not exp["errors"]:
        bad(where, "at least one error expected")
    seen = set()
    for e in exp["errors"]:
        if not keys(where + " error", e, ["path", "code"]):
            continue
        if e["code"] not in ERRORS:
            bad(where, "unknown error code %r" % e["code"])
        if not (e["path"] == "" or e["path"].startswith("/")):
            bad(where, "path %r is not a JSON pointer" % e["path"])
        if (e["path"], e["code"]) in seen:
            bad(where, "error listed twice: %s" % e)
        seen.add((e["path"], e["code"]))
        if e["code"] == "invalid_json" and e["path"] != "":
            bad(where, "invalid_json has path ''")


def main():
    global HERE
    root = HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
    counts = {}
    for sub, check in (("good", check_good), ("invalid", check_invalid)):
        inputs = sorted(p[:-5] for p in glob.glob(os.path.join(root, sub, "*.json")) if not p.endswith(".expect.json"))
        expects = sorted(p[:-12] for p in glob.glob(os.path.join(root, sub, "*.expect.json")))
        for b in sorted(set(inputs) ^ set(expects)):
            bad(os.path.relpath(b, root), "input and .expect.json must come in pairs")
        for b in sorted(set(inputs) & set(expects)):
            if not re.fullmatch(r"\d\d-[a-z0-9-]+", os.path.basename(b)):
                bad(os.path.relpath(b, root), "name is not NN-short-name")
            check(b)
        counts[sub] = len(set(inputs) & set(expects))
    for p in problems:
        print(p)
    print("good: %d, invalid: %d, problems: %d" % (counts["good"], counts["invalid"], len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
