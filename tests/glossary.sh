#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/glossary.sh: one term per concept.  No word that po/GLOSSARY
# retires ("retired:" lines) appears, as a whole word, in a translation of
# po/vi.po or man/po/vi.po or in the Vietnamese pages man/vi/*.in.
. "$SRCDIR/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip "python3 not installed"

out=$(python3 - "$SRCDIR" <<'EOF'
import ast, re, sys

src = sys.argv[1]

def retired(path):
    """The retired strings of the glossary: "retired:" lines, continued
    by more indented lines, split at " | "."""
    words, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"^(\s+)retired:\s*(.*)$", line)
        if m:
            cur = len(m.group(1))
            words += m.group(2).split(" | ")
        elif cur is not None and re.match(r"^\s{%d,}\S" % (cur + 1), line):
            words += line.strip().split(" | ")
        else:
            cur = None
    return [w.strip() for w in words if w.strip()]

def msgstrs(path):
    """The translations of a PO file, continuation lines joined."""
    out, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r'^msgstr(\[\d+\])? (".*")$', line)
        if m:
            cur = [ast.literal_eval(m.group(2))]
            out.append(cur)
        elif line.startswith('"') and cur is not None:
            cur.append(ast.literal_eval(line))
        else:
            cur = None
    return ["".join(s) for s in out if "".join(s)]

def page(path):
    # A phrase may be wrapped over two lines of the page.
    return [re.sub(r"\s+", " ", open(path, encoding="utf-8").read())]

words = retired(src + "/po/GLOSSARY")
texts = {
    "po/vi.po": msgstrs(src + "/po/vi.po"),
    "man/po/vi.po": msgstrs(src + "/man/po/vi.po"),
    "man/vi/parboard.1.in": page(src + "/man/vi/parboard.1.in"),
    "man/vi/parboard.5.in": page(src + "/man/vi/parboard.5.in"),
}
print("terms %d" % len(words))
for name, strs in texts.items():
    print("texts %s %d" % (name, len(strs)))
for w in words:
    end = r"(?!\w)" if w[-1].isalnum() else ""
    pat = re.compile(r"(?<!\w)" + re.escape(w) + end)
    for name, strs in texts.items():
        for s in strs:
            m = pat.search(s)
            if m:
                a = max(0, m.start() - 30)
                print("retired %s: \"%s\" in …%s…"
                      % (name, w, s[a:m.end() + 30]))
EOF
) || fail "the glossary check ran"

n=$(printf '%s\n' "$out" | sed -n 's/^terms //p')
check "po/GLOSSARY retires words ($n)" test "${n:-0}" -ge 20
for f in po/vi.po man/po/vi.po man/vi/parboard.1.in man/vi/parboard.5.in; do
	k=$(printf '%s\n' "$out" | sed -n "s|^texts $f ||p")
	check "$f has text to check (${k:-0})" test "${k:-0}" -ge 1
done
found=$(printf '%s\n' "$out" | grep '^retired ' || true)
expect_eq "no retired term in the Vietnamese messages and man pages" \
    "" "$found"
finish
