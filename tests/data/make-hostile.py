#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""make-hostile.py: the hostile Word and Excel files of issue 16, small.

    python3 tests/data/make-hostile.py SRCDIR
        writes tests/data/fuzz-regressions/office-* (run once, output
        checked in; each a few KB)
    python3 tests/data/make-hostile.py --rows N FILE.docx|FILE.xlsx
        writes a document whose one table, or a workbook whose one
        sheet, has N rows (the 210 000-row files are made at test time,
        never checked in)

Each file reproduces one way the reader of Word and Excel files
(parboard-office) could be made to use gigabytes or minutes:

  office-merge-range.xlsx   150 000 empty rows and one merge A1:IV1048576
  office-many-merges.xlsx   the same merge of 100 000 rows, 12 000 times
  office-same-part.xlsx     100 sheets, every one the same part of 40 000 cells
  office-vmerge.docx        a 60 000-byte cell merged across 8 columns and
                            down 10 000 rows
  office-entity-utf16.docx  word/document.xml in UTF-16 with a DOCTYPE:
                            an entity of 60 000 bytes used 5 000 times
  office-blank-merge.xlsx   a blank styled row merged down (a crash)
  office-strings-cut.xlsx   shared strings cut short (a leak)
  office-int-max.xlsx       row INT_MAX followed by a row without number
  office-int-max.docx       a list starting at INT_MAX, and a negative
                            gridSpan and gridBefore
"""
import importlib.util
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "make_office", os.path.join(HERE, "make-office.py"))
mo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mo)
S, W = mo.S, mo.W


def sheet_xml(rows, merges=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="%s"><sheetData>%s</sheetData>%s</worksheet>'
            % (S, rows, merges))


def book(sheets, names=None):
    """A workbook of the given sheet parts (XML); names, when given,
    lists (sheet name, index of the part) to point several at one."""
    b = mo.Book()
    b.s("x")
    for i, _ in enumerate(sheets):
        b.sheet("S%d" % (i + 1), [])
    parts = b.parts()
    parts = [(n, sheets[int(n[len("xl/worksheets/sheet"):-4]) - 1])
             if n.startswith("xl/worksheets/") else (n, d)
             for n, d in parts]
    if names:
        wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets>'
              "</workbook>" % (S, mo.R, "".join(
                  '<sheet name="%s" sheetId="%d" r:id="rId%d"/>'
                  % (name, i + 1, part + 1)
                  for i, (name, part) in enumerate(names))))
        parts = [(n, wb if n == "xl/workbook.xml" else d)
                 for n, d in parts]
    return parts


X = '<c r="A1" t="s"><v>0</v></c>'


def merge_range():
    return book([sheet_xml('<row r="1">%s</row>' % X + "<row/>" * 150000,
                           '<mergeCells><mergeCell ref="A1:IV1048576"/>'
                           "</mergeCells>")])


def many_merges():
    return book([sheet_xml('<row r="1">%s</row>' % X + "<row/>" * 99999,
                           "<mergeCells>%s</mergeCells>" %
                           ('<mergeCell ref="A1:A100000"/>' * 12000))])


def same_part():
    row = "<row>%s</row>" % ('<c t="s"><v>0</v></c>' * 8)
    part = sheet_xml(row * 5000, '<mergeCells><mergeCell ref="A1:H5000"/>'
                     "</mergeCells>")
    return book([part], [("S%d" % i, 0) for i in range(1, 101)])


def vmerge():
    first = ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="8"/>'
             '<w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>%s</w:t>'
             "</w:r></w:p></w:tc></w:tr>" % ("x" * 60000))
    cont = ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="8"/><w:vMerge/>'
            "</w:tcPr><w:p/></w:tc></w:tr>")
    return mo.docx_parts("<w:tbl>%s%s</w:tbl>" % (first, cont * 10000))


def entity_utf16():
    doc = ('<?xml version="1.0" encoding="UTF-16"?>\n'
           '<!DOCTYPE w:document [<!ENTITY a "%s">]>\n'
           '<w:document xmlns:w="%s"><w:body><w:tbl><w:tr><w:tc><w:p><w:r>'
           "<w:t>%s</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>"
           "</w:document>" % ("x" * 60000, W, "&a;" * 5000))
    return [(n, doc.encode("utf-16") if n == "word/document.xml" else d)
            for n, d in mo.docx_parts("")]


def blank_merge():
    rows = ('<row r="4"><c r="A4" t="s"><v>0</v></c></row>'
            '<row r="5" s="1" customFormat="1"/>'
            '<row r="6"><c r="B6" t="s"><v>0</v></c></row>'
            '<row r="7"><c r="B7" t="s"><v>0</v></c></row>')
    return book([sheet_xml(rows, '<mergeCells><mergeCell ref="A5:A7"/>'
                           '<mergeCell ref="B5:C7"/></mergeCells>')])


def strings_cut():
    parts = book([sheet_xml('<row r="1">%s</row>' % X)])
    return [(n, d.replace("</sst>", "<si><t>y</t></si><si>")
             if n == "xl/sharedStrings.xml" else d) for n, d in parts]


def int_max_xlsx():
    return book([sheet_xml('<row r="2147483647">%s</row><row>%s</row>'
                           % ('<c t="s"><v>0</v></c>', X))])


def int_max_docx():
    numbering = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<w:numbering xmlns:w="%s"><w:abstractNum '
                 'w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start '
                 'w:val="2147483647"/><w:numFmt w:val="decimal"/>'
                 '<w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 "</w:numbering>" % W)
    num = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
           "</w:numPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p>")
    tr = ('<w:tr><w:trPr><w:gridBefore w:val="-3"/></w:trPr><w:tc><w:tcPr>'
          '<w:gridSpan w:val="-1"/></w:tcPr>%s</w:tc><w:tc><w:tcPr>'
          '<w:gridSpan w:val="99999999999"/></w:tcPr>%s</w:tc></w:tr>'
          % (num, num))
    return mo.docx_parts(num + num + "<w:tbl>%s</w:tbl>" % tr, numbering)


def rows_docx(n):
    tr = "<w:tr><w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc></w:tr>"
    return mo.docx_parts("<w:tbl>%s</w:tbl>" % "".join(tr % i for i in
                                                       range(1, n + 1)))


def rows_xlsx(n):
    row = '<row r="%d"><c r="A%d"><v>%d</v></c></row>'
    return book([sheet_xml("".join(row % (i, i, i)
                                   for i in range(1, n + 1)))])


def write(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, mo.STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode() if isinstance(data, str)
                       else data, compresslevel=9)


FILES = [("office-merge-range.xlsx", merge_range),
         ("office-many-merges.xlsx", many_merges),
         ("office-same-part.xlsx", same_part),
         ("office-vmerge.docx", vmerge),
         ("office-entity-utf16.docx", entity_utf16),
         ("office-blank-merge.xlsx", blank_merge),
         ("office-strings-cut.xlsx", strings_cut),
         ("office-int-max.xlsx", int_max_xlsx),
         ("office-int-max.docx", int_max_docx)]


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--rows":
        make = rows_xlsx if sys.argv[3].endswith(".xlsx") else rows_docx
        write(sys.argv[3], make(int(sys.argv[2])))
        return
    out = os.path.join(sys.argv[1] if len(sys.argv) > 1 else ".", "tests",
                       "data", "fuzz-regressions")
    for name, make in FILES:
        write(os.path.join(out, name), make())


if __name__ == "__main__":
    main()
