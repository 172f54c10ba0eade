#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""gen-xlsx.py: the synthetic appendix of gen-appendix.py as an Excel
workbook (python3 standard library only).

Usage: bench/gen-xlsx.py [N] OUT.xlsx     (N defaults to 10000)

The table of gen-appendix.py (title rows, the seed's header, N deducted
criteria, the total row), markup removed, in one sheet: texts as shared
strings, scores as numbers where they have a decimal point and as text
where they have a decimal comma, the title merged over the columns.
"""
import html
import os
import re
import subprocess
import sys
import zipfile

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col(k):
    return chr(65 + k)


def main():
    n = sys.argv[1] if len(sys.argv) > 2 else "10000"
    out = sys.argv[-1]
    here = os.path.dirname(os.path.abspath(__file__))
    tsv = subprocess.run([sys.executable, os.path.join(here,
                          "gen-appendix.py"), n], check=True,
                         capture_output=True, text=True).stdout
    strings, index, rows = [], {}, []

    def s(t):
        if t not in index:
            index[t] = len(strings)
            strings.append(t)
        return index[t]

    rn = 0
    for line in tsv.split("\n"):
        if "\t" not in line:
            t = re.sub(r"<[^>]+>|\*\*|^#+ *", "", line).strip()
            if t:
                rn += 1
                rows.append('<row r="%d"><c r="A%d" t="s"><v>%d</v></c>'
                            "</row>" % (rn, rn, s(html.unescape(t))))
            continue
        rn += 1
        cells = []
        for k, raw in enumerate(line.split("\t")):
            t = html.unescape(re.sub(r"<[^>]+>", "", raw)).strip()
            if not t:
                continue
            ref = "%s%d" % (col(k), rn)
            if 2 <= k <= 5 and re.fullmatch(r"-?\d+(\.\d+)?", t):
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, t))
            else:
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, s(t)))
        rows.append('<row r="%d">%s</row>' % (rn, "".join(cells)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="%s"><sheetData>%s</sheetData>'
             '<mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>'
             "</worksheet>" % (S, "".join(rows)))
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
           % (S, len(strings), len(strings), "".join(
               "<si><t>%s</t></si>" % html.escape(t) for t in strings)))
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Phụ lục" '
          'sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R))
    rels = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/'
            'sheet1.xml"/><Relationship Id="rId2" Type="%s/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>' % (R, R))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", sst)


if __name__ == "__main__":
    main()
