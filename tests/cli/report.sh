# SPDX-License-Identifier: ISC
# report: the chosen language, the date it is computed for, "(none)"
# under empty headings, Markdown tables with | and line breaks escaped,
# list --format json in list's order with the man page's keys, data
# sanitised in text and escaped in HTML.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing"

pb import "$SEED" "$DIRECTIVES" >/dev/null 2>&1 || fail "import"

rep=$(pb report)
expect_match "text: computed for" '^Computed for 2023-09-13$' "$rep"
expect_eq "text: nothing overdue says (none)" "  (none)" \
	"$(printf '%s\n' "$rep" | sed -n '/^Overdue$/{n;n;p;}')"
rep=$(LANGUAGE=vi pb report --since 2023-09-01)
expect_match "vi: computed for, dd/mm/yyyy" '^Tính đến ngày 13/09/2023$' "$rep"
expect_match "vi: (không có) under an empty heading" '^  \(không có\)$' "$rep"
# The progress table fits an 80-column terminal in Vietnamese, whose
# status names are the longest.
wide=$(printf '%s\n' "$rep" | sed -n '/^Bộ phận /,/^$/p' | python3 -c '
import sys
print(max(len(l.rstrip("\n")) for l in sys.stdin))')
check "vi: the progress table within 80 columns ($wide)" test "$wide" -le 80

# A task without a code, named by #id and title, with | and a line break.
id=$(pb list --format tsv | awk -F'\t' '$2 == "" { print $1; exit }')
sqlite3 "$DB" "UPDATE task SET title = 'A | B' || char(10) || 'C' || char(27) || '[2J', due = '2023-09-01' WHERE id = $id" ||
	skip "sqlite3 missing"
rep=$(pb report)
expect_match "text: a task without a code by #id and title, sanitised" "^  #$id A \\| B C\\^\\[\\[2J \\(.*, due 2023-09-01\\)\$" "$rep"
if printf '%s' "$rep" | grep -q "$(printf '\033')"; then fail "text: no raw ESC"; else pass "text: no raw ESC"; fi
md=$(pb report --format markdown)
expect_eq "markdown: | and line breaks escaped" 1 \
	"$(printf '%s\n' "$md" | grep -cF -- "- #$id A \\| B<br>C^\\[\\[2J (")"
expect_match "markdown: the role table" '^\| Role \| Total \|' "$md"
expect_match "markdown: a heading per section" '^## Overdue$' "$md"
html=$(pb report --format html)
expect_match "html: a page with its date" 'Computed for 2023-09-13' "$html"
expect_match "html: data escaped" "#$id A \\| B<br>C\\^\\[\\[2J" "$html"
if printf '%s' "$html" | grep -qiE '<script|(src|href)="https?:'; then fail "html: no script, no remote resource"; else pass "html: no script, no remote resource"; fi
expect_match "html: per-role bars" '<rect x="110"' "$html"

# list --format json: the rows of list, in its order, with the keys the
# man page lists.
order=$(pb list --format tsv | tail -n +2 | cut -f1 | tr '\n' ' ')
json=$(pb list --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(" ".join(str(t["id"]) for t in a) + " ")
print(",".join(a[0].keys()))')
expect_eq "json: list order" "$order" "$(printf '%s\n' "$json" | head -n1)"
keys=$(sed -n '/^\.B list \\-\\-format json/,/^(counts)/p' "$SRCDIR/man/parboard.1.in" |
	grep -oE '^\.BR? [a-z_]+' | awk '{print $2}' | grep -vE '^(list|todo|doing|done|blocked|appendix|directive|manual|tsv|csv)$' | tr '\n' ',' | sed 's/,$//')
expect_eq "json: the keys in the man page's order" "$keys" "$(printf '%s\n' "$json" | tail -n1)"

finish
