#!/usr/bin/env bash
# Keeps docs/ true to the code: every input error code the engine can emit (core/src/parse.cpp,
# core/src/doors.cpp, cli/main.cpp), every warning code (core/src/parse.cpp, core/src/evaluate.cpp),
# every command and option of the command line (cli/main.cpp) is named in docs/formats.md; every
# emitted error and warning code has its message in rules/texts.json; and every `docs/FILE.md
# "Section"` pointer in the code and in the READMEs names a page and a heading that exist, and every
# link between the pages of docs/ reaches a page and a heading.
#   tests/docs/check_docs.sh            prints each problem; exit 0 when there is none
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
formats=docs/formats.md
problems=0
bad() { echo "check_docs: $*"; problems=$((problems + 1)); }

# Snake-case string literals on the lines of FILE that match PATTERN (grep -E).
literals() {  # literals FILE PATTERN
  grep -E "$2" "$1" | grep -oE '"[a-z]+(_[a-z]+)+"' | tr -d '"' | sort -u
}

# Input error codes: error(...) calls and pushed errors, read_string's code for an empty value,
# the options' and the evaluation date's errors, the CLI's unreadable file.
error_codes=$( {
  literals core/src/parse.cpp 'error\(|errors\.push_back|read_string\('
  literals core/src/doors.cpp 'errors\.push_back'
  literals cli/main.cpp 'invalid_result_json\('
} | sort -u)
# Warning codes: pushed warnings and codes set on a Warning.
warning_codes=$( {
  # the code is the second literal of a pushed warning ({record, code, args, ...})
  grep -oE 'ws\.push_back\(\{[^,]+, "[a-z]+(_[a-z]+)+"' core/src/evaluate.cpp | grep -oE '"[a-z]+(_[a-z]+)+"$' | tr -d '"'
  literals core/src/evaluate.cpp '\.code = "'
  literals core/src/parse.cpp '\.code = "'
} | sort -u)
[ -n "$error_codes" ] || bad "found no error code in the sources (has the code moved?)"
[ -n "$warning_codes" ] || bad "found no warning code in the sources (has the code moved?)"

texts=$(python3 -c 'import json,sys; d=json.load(open("rules/texts.json")); print("\n".join(k for k in d.get("error",{})) + "\n" + "\n".join("w:"+k for k in d.get("warning",{})))')
for c in $error_codes; do
  grep -qF "\`$c\`" "$formats" || bad "error code $c is not in $formats"
  grep -qxF "$c" <<<"$texts" || bad "error code $c has no error.$c text in rules/texts.json"
done
for c in $warning_codes; do
  grep -qF "\`$c\`" "$formats" || bad "warning code $c is not in $formats"
  grep -qxF "w:$c" <<<"$texts" || bad "warning code $c has no warning.$c text in rules/texts.json"
done

# Commands and options of the command line.
commands=$(grep -oE 'a\.command == "[a-z-]+"' cli/main.cpp | grep -oE '"[a-z-]+"' | tr -d '"' | sort -u)
options=$(sed -n '/^bool parse_args/,/^}/p' cli/main.cpp | grep -oE 's == "-[-a-z]*"' | grep -oE '"[^"]+"' | tr -d '"' | sort -u)
[ -n "$commands" ] && [ -n "$options" ] || bad "found no command or option in cli/main.cpp (has the code moved?)"
for c in $commands; do
  grep -qE "nvcheck $c( |\$)" "$formats" || bad "command '$c' is not in $formats"
done
for o in $options; do
  grep -qF -- "\`$o" "$formats" || bad "option $o is not in $formats"
done

# Pointers into docs/: `docs/FILE.md "Section"` names a page and one of its headings.
while IFS= read -r hit; do
  where=${hit%%:docs/*}
  ref=${hit#"$where":}
  page=${ref%% *}
  [ -f "$page" ] || { bad "$where points to $page, which does not exist"; continue; }
  case "$ref" in
    *\"*\"*)
      section=${ref#*\"}
      section=${section%%\"*}
      grep -qE "^#+ $(sed 's/[][\.*^$(){}+?|/]/\\&/g' <<<"$section")" "$page" ||
        bad "$where points to \"$section\", which is not a heading of $page"
      ;;
  esac
done < <(grep -rnoE 'docs/[a-z]+\.md( "[^"]+")?' --exclude-dir=.git --exclude-dir=node_modules --exclude-dir=docs \
           --exclude-dir='build*' --exclude-dir=dist . | sed 's|^\./||; s|:[0-9]*:|:|')

# Links between the pages of docs/: the page exists and, after #, one of its headings has that
# anchor (GitHub's rule: lower case, punctuation other than - and _ dropped, spaces to -).
while IFS= read -r problem; do bad "$problem"; done < <(python3 - <<'PY'
import glob, os, re
def slug(h):
    h = re.sub(r"[^\w\- ]", "", h.strip().lower())
    return h.replace(" ", "-")
anchors = {}
for p in glob.glob("docs/*.md"):
    text = re.sub(r"```.*?```", "", open(p, encoding="utf-8").read(), flags=re.S)
    anchors[os.path.basename(p)] = {slug(m) for m in re.findall(r"^#+ (.+)$", text, flags=re.M)}
for p in sorted(anchors):
    text = open("docs/" + p, encoding="utf-8").read()
    for target in re.findall(r"\]\(([^)]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        page, _, frag = target.partition("#")
        page = page or p
        if page not in anchors:
            print("docs/%s links to %s, which is not a page of docs/" % (p, page))
        elif frag and frag not in anchors[page]:
            print("docs/%s links to %s#%s, which is not a heading there" % (p, page, frag))
PY
)

echo "check_docs: $(wc -w <<<"$error_codes") error codes, $(wc -w <<<"$warning_codes") warning codes," \
     "$(wc -w <<<"$commands") commands, $(wc -w <<<"$options") options; problems: $problems"
[ "$problems" -eq 0 ]
