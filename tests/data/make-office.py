#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""make-office.py: write the Word and Excel test files (run once, output
checked in; python3 standard library only, the OOXML written by hand).

    python3 tests/data/make-office.py SRCDIR

From share/samples/hien-thanh-103-2023.txt it writes the whole letter as
share/samples/hien-thanh-103-2023.docx (the letterhead in a first table,
the appendix in a second one) and the appendix as tests/data/seed.xlsx
(a first sheet without a table, then the appendix under a two-row title).
Merged cells are written as Word and Excel write them: a row split by the
seed's page breaks has its code cell merged down (w:vMerge, a mergeCell
A12:A13), the same assignment over several rows is one merged cell, the
total row's label spans the code and title columns (w:gridSpan, A30:B30).

The issue's example appendix is written in three shapes: example.tsv,
example.docx (its TT column numbered by Word: I. and 1., 2., 3. from
numbering.xml, cells empty) and example.xlsx (numbers stored as numbers,
and "1,5" as text).  Then the broken ones: truncated.docx, not-zip.xlsx,
zip-bomb.xlsx, entity-bomb.docx, no-appendix.docx, autonum-bad.docx.
"""
import html
import os
import re
import sys
import zipfile

SRC = sys.argv[1] if len(sys.argv) > 1 else "."
DATA = os.path.join(SRC, "tests", "data")
SAMPLES = os.path.join(SRC, "share", "samples")
STAMP = (2023, 9, 6, 8, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode() if isinstance(data, str) else data)


def esc(s):
    return html.escape(s, quote=True)


# Seed -------------------------------------------------------------------

def strip_md(s):
    s = s.replace("**", "")
    s = re.sub(r"^#+\s*", "", s)
    if s.startswith("*") and s.endswith("*") and len(s) > 1:
        s = s[1:-1]
    return s.strip()


def cell_paragraphs(raw):
    """A TSV cell with inline HTML as paragraphs of (text, bold)."""
    bold = raw.startswith("<b>")
    t = re.sub(r"</p>\s*<p>|<li>|</li>\s*<li>", "\n", raw)
    t = re.sub(r"<[^>]+>", "", t)
    t = html.unescape(t)
    paras = [p.strip() for p in t.split("\n")]
    paras = [p for p in paras if p] or [""]
    return [(p, bold) for p in paras]


def read_seed():
    lines = open(os.path.join(SAMPLES, "hien-thanh-103-2023.txt"),
                 encoding="utf-8").read().split("\n")
    head = next(i for i, l in enumerate(lines) if l.startswith("<b>STT"))
    prose = lines[:head]
    rows = []
    for l in lines[head:]:
        if "\t" not in l:
            continue
        rows.append(l.split("\t"))
    return prose, rows


def seed_rows(rows):
    """Rows with their continuation lines: (cells, continues_above)."""
    out = []
    for r in rows[1:]:
        r = r + [""] * (8 - len(r))
        out.append((r, r[0] == ""))
    return out


def assign_groups(srows):
    """Consecutive one-line rows with the same assignment: row index ->
    "restart" (the first) or "continue"."""
    n = len(srows)
    single = [not c and not (i + 1 < n and srows[i + 1][1]) and r[7] != ""
              for i, (r, c) in enumerate(srows)]
    out = {}
    i = 0
    while i < n:
        j = i
        while (single[i] and j + 1 < n and single[j + 1]
               and srows[j + 1][0][7] == srows[i][0][7]):
            j += 1
        if j > i:
            out[i] = "restart"
            for k in range(i + 1, j + 1):
                out[k] = "continue"
        i = j + 1
    return out


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts = text.split("\n")
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append("<w:r>%s<w:br/></w:r>" % rpr)
        if p:
            out.append('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>'
                       % (rpr, esc(p)))
    return "".join(out)


def para(text, bold=False, num=None, center=False):
    ppr = ""
    if num is not None or center:
        ppr = "<w:pPr>"
        if num is not None:
            ppr += ('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/>'
                    "</w:numPr>" % (num[1], num[0]))
        if center:
            ppr += '<w:jc w:val="center"/>'
        ppr += "</w:pPr>"
    return "<w:p>%s%s</w:p>" % (ppr, run(text, bold))


def tc(paras, width, span=1, vmerge=None):
    pr = '<w:tcW w:w="%d" w:type="dxa"/>' % width
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    body = "".join(p if p.startswith("<w:p>") or p.startswith("<w:p ")
                   else para(p) for p in paras) or "<w:p/>"
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, body)


def tbl(rows, widths):
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
            '<w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            "<w:tblGrid>%s</w:tblGrid>%s</w:tbl>"
            % (grid, "".join("<w:tr>%s</w:tr>" % r for r in rows)))


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s'
            '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
            "</w:sectPr></w:body></w:document>" % (W, R, body))


def docx_parts(body, numbering=None):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="%s">'
          '<Default Extension="rels" ContentType="application/'
          'vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main'
          '+xml"/>' % CT)
    if numbering:
        ct += ('<Override PartName="/word/numbering.xml" ContentType='
               '"application/vnd.openxmlformats-officedocument.'
               'wordprocessingml.numbering+xml"/>')
    ct += "</Types>"
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/'
            'officeDocument" Target="word/document.xml"/></Relationships>'
            % (PR, R))
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="%s">' % PR)
    if numbering:
        drels += ('<Relationship Id="rId1" Type="%s/numbering" '
                  'Target="numbering.xml"/>' % R)
    drels += "</Relationships>"
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels),
             ("word/document.xml", document(body)),
             ("word/_rels/document.xml.rels", drels)]
    if numbering:
        parts.append(("word/numbering.xml", numbering))
    return parts


SEED_WIDTHS = [900, 3600, 900, 900, 900, 1100, 4200, 2800]


def seed_docx(prose, rows):
    # Letterhead: the first paragraphs, in a borderless two-column table
    # as Vietnamese letters have it.
    paras = []
    cur = []
    for l in prose:
        if l.strip() == "":
            if cur:
                paras.append(cur)
                cur = []
        else:
            cur.append(l)
    if cur:
        paras.append(cur)
    texts = ["\n".join(strip_md(x.rstrip()) for x in p) for p in paras]
    left = [texts[0], texts[1], texts[2]]
    right = [texts[3], texts[4]]
    body = tbl(["".join([tc([para(t, True, center=True) for t in left], 4500),
                         tc([para(t, True, center=True) for t in right],
                            6000)])], [4500, 6000])
    title = texts[-1]
    for t in texts[5:-1]:
        t = re.sub(r"^- ", "", t)
        body += para(t, bold=t.startswith("1. ") or t.startswith("2. "))
    body += para(title, True, center=True)
    hdr = "".join(tc([para(cell_paragraphs(c)[0][0], True, center=True)],
                     SEED_WIDTHS[i]) for i, c in enumerate(rows[0]))
    trs = [hdr]
    srows = seed_rows(rows)
    # Which rows continue onto a next (page-break) row, and runs of one
    # assignment over several rows: merged as Word merges them.
    n = len(srows)
    groups = assign_groups(srows)
    for i, (r, cont) in enumerate(srows):
        nxt_cont = i + 1 < n and srows[i + 1][1]
        cells = []
        if r[0].startswith("<b>Tổng"):
            cells.append(tc([para("Tổng điểm", True)],
                            SEED_WIDTHS[0] + SEED_WIDTHS[1], span=2))
            start = 2
        else:
            start = 0
        for k in range(start, 8):
            vm = None
            if k == 0:
                vm = "continue" if cont else ("restart" if nxt_cont
                                              else None)
            elif k == 7:
                vm = groups.get(i)
            if vm == "continue" and k != 0:
                cells.append(tc([], SEED_WIDTHS[k], vmerge=vm))
                continue
            ps = [para(t, b) for t, b in cell_paragraphs(r[k])]
            if vm == "continue":
                ps = []
            cells.append(tc(ps, SEED_WIDTHS[k], vmerge=vm))
        trs.append("".join(cells))
    body += tbl(trs, SEED_WIDTHS)
    body += para("")
    return docx_parts(body)


# Excel ------------------------------------------------------------------

class Book:
    def __init__(self):
        self.strings = []
        self.index = {}
        self.sheets = []

    def s(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def sheet(self, name, rows, merges=(), cols=8):
        """rows: list of (rownumber, [cell or None]); a cell is a str (a
        shared string), ("n", "1.4") a number, ("t", "x") an inline
        string, or "" (a styled empty cell, as Excel writes merged
        areas)."""
        out = []
        for rn, cells in rows:
            cs = []
            for k, v in enumerate(cells):
                if v is None:
                    continue
                ref = "%s%d" % (col_letter(k), rn)
                if v == "":
                    cs.append('<c r="%s" s="1"/>' % ref)
                elif isinstance(v, tuple) and v[0] == "n":
                    cs.append('<c r="%s" s="1"><v>%s</v></c>' % (ref, v[1]))
                elif isinstance(v, tuple) and v[0] == "t":
                    cs.append('<c r="%s" s="1" t="inlineStr"><is><t>%s</t>'
                              "</is></c>" % (ref, esc(v[1])))
                else:
                    cs.append('<c r="%s" s="1" t="s"><v>%d</v></c>'
                              % (ref, self.s(v)))
            out.append('<row r="%d">%s</row>' % (rn, "".join(cs)))
        m = ""
        if merges:
            m = '<mergeCells count="%d">%s</mergeCells>' % (
                len(merges), "".join('<mergeCell ref="%s"/>' % x
                                     for x in merges))
        xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1"/>'
               '<sheetData>%s</sheetData>%s</worksheet>'
               % (S, R, "".join(out), m))
        self.sheets.append((name, xml))

    def parts(self):
        n = len(self.sheets)
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="%s"><Default Extension="rels" ContentType='
              '"application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application'
              '/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main'
              '+xml"/>' % CT)
        for i in range(n):
            ct += ('<Override PartName="/xl/worksheets/sheet%d.xml" '
                   'ContentType="application/vnd.openxmlformats-'
                   'officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1))
        ct += ('<Override PartName="/xl/sharedStrings.xml" ContentType='
               '"application/vnd.openxmlformats-officedocument.spreadsheetml'
               '.sharedStrings+xml"/><Override PartName="/xl/styles.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.'
               'spreadsheetml.styles+xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/'
                'officeDocument" Target="xl/workbook.xml"/></Relationships>'
                % (PR, R))
        wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets>'
              "</workbook>" % (S, R, "".join(
                  '<sheet name="%s" sheetId="%d" r:id="rId%d"/>'
                  % (esc(name), i + 1, i + 1)
                  for i, (name, _) in enumerate(self.sheets))))
        wrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="%s">%s'
                 '<Relationship Id="rId%d" Type="%s/sharedStrings" '
                 'Target="sharedStrings.xml"/>'
                 '<Relationship Id="rId%d" Type="%s/styles" '
                 'Target="styles.xml"/></Relationships>'
                 % (PR, "".join(
                     '<Relationship Id="rId%d" Type="%s/worksheet" '
                     'Target="worksheets/sheet%d.xml"/>' % (i + 1, R, i + 1)
                     for i in range(n)), n + 1, R, n + 2, R))
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
               % (S, len(self.strings), len(self.strings), "".join(
                   '<si><t xml:space="preserve">%s</t></si>' % esc(t)
                   for t in self.strings)))
        styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<styleSheet xmlns="%s"><fonts count="1"><font><sz val="11"/>'
                  '<name val="Times New Roman"/></font></fonts><fills count="1">'
                  '<fill><patternFill patternType="none"/></fill></fills>'
                  '<borders count="1"><border/></borders><cellStyleXfs count='
                  '"1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf '
                  'applyAlignment="1"><alignment wrapText="1" vertical="top"/>'
                  '</xf></cellXfs></styleSheet>' % S)
        parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels),
                 ("xl/workbook.xml", wb),
                 ("xl/_rels/workbook.xml.rels", wrels)]
        for i, (_, xml) in enumerate(self.sheets):
            parts.append(("xl/worksheets/sheet%d.xml" % (i + 1), xml))
        parts += [("xl/sharedStrings.xml", sst), ("xl/styles.xml", styles)]
        return parts


def col_letter(k):
    s = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(65 + r) + s
    return s


def excel_value(raw, k):
    """Scores as Excel holds them: a plain number as a number (one with a
    float's tail), one with a decimal comma as text."""
    t = "\n".join(p for p, _ in cell_paragraphs(raw))
    if k in (2, 3, 4, 5) and t:
        if re.fullmatch(r"-?\d+(\.\d+)?", t):
            if t == "0.69":
                return ("n", "0.68999999999999995")
            return ("n", t)
        return t
    return t


def seed_xlsx(prose, rows):
    b = Book()
    b.sheet("Thông tin", [(1, ["UBND XÃ HIỀN THÀNH"]),
                          (2, ["Kết quả thẩm định 6 tháng đầu năm 2023"])])
    out = [(1, ["PHỤ LỤC KẾT QUẢ ĐÁNH GIÁ CCHC XÃ HIỀN THÀNH 6 THÁNG "
                "ĐẦU NĂM 2023"] + [""] * 7),
           (2, ["VÀ BIỆN PHÁP KHẮC PHỤC"] + [""] * 7),
           (4, [cell_paragraphs(c)[0][0] for c in rows[0]])]
    merges = ["A1:H1", "A2:H2"]
    srows = seed_rows(rows)
    rn = 5
    groups = assign_groups(srows)
    start = 0
    for i, (r, cont) in enumerate(srows):
        cells = [excel_value(r[k], k) for k in range(8)]
        if cont:
            cells[0] = ""
            merges.append("A%d:A%d" % (rn - 1, rn))
        if r[0].startswith("<b>Tổng"):
            cells[0] = "Tổng điểm"
            cells[1] = ""
            merges.append("A%d:B%d" % (rn, rn))
        if groups.get(i) == "restart":
            start = rn
        elif groups.get(i) == "continue":
            cells[7] = ""
            if groups.get(i + 1) != "continue":
                merges.append("H%d:H%d" % (start, rn))
        out.append((rn, cells))
        rn += 1
    b.sheet("Phụ lục", out, merges)
    return b.parts()


# The example ------------------------------------------------------

EXAMPLE = [
    ["TT", "Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm",
     "Điểm thẩm định", "Điểm bị trừ", "Lý do trừ điểm",
     "Đơn vị/người chịu trách nhiệm"],
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "10", "9", "8", "2", "", ""],
    ["1", "Kế hoạch CCHC", "3", "3", "2", "1",
     "Chưa hoàn thành 100% kế hoạch", "Văn phòng - Thống kê"],
    ["2", "Tuyên truyền CCHC", "2", "2", "1,5", "0,5",
     "Chưa đa dạng hình thức", "Công chức Văn hóa - Xã hội"],
    ["3", "Công tác địa chính", "1", "1", "0,5", "0,5", "Chậm cập nhật",
     "Công chức Địa chính - Xây dựng"],
]

NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0">'
             '<w:multiLevelType w:val="multilevel"/>'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val='
             '"upperRoman"/><w:lvlText w:val="%%1."/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val='
             '"decimal"/><w:lvlText w:val="%%2."/></w:lvl>'
             '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val='
             '"%s"/><w:lvlText w:val="%%1"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             "</w:numbering>")

EX_WIDTHS = [700, 3600, 1000, 1000, 1000, 1000, 3000, 3000]


def example_docx(fmt2="decimal"):
    trs = ["".join(tc([para(c, True, center=True)], EX_WIDTHS[k])
                   for k, c in enumerate(EXAMPLE[0]))]
    for r in EXAMPLE[1:]:
        lvl = 0 if r[0] == "I" else 1
        num = (1, lvl) if fmt2 == "decimal" else (2, 0)
        cells = [tc([para("", num=num)], EX_WIDTHS[0])]
        cells += [tc([para(c, lvl == 0)], EX_WIDTHS[k + 1])
                  for k, c in enumerate(r[1:])]
        trs.append("".join(cells))
    body = (para("Kết quả thẩm định chỉ số CCHC năm 2023 của UBND xã") +
            tbl(trs, EX_WIDTHS) + para("Nơi nhận: như trên."))
    return docx_parts(body, NUMBERING % (W, "decimal" if fmt2 == "decimal"
                                         else fmt2))


def example_xlsx():
    b = Book()
    rows = [(1, EXAMPLE[0])]
    for i, r in enumerate(EXAMPLE[1:]):
        cells = []
        for k, c in enumerate(r):
            if k == 0 and c.isdigit():
                cells.append(("n", c))
            elif 2 <= k <= 5 and c.isdigit():
                cells.append(("n", c))
            elif 2 <= k <= 5:
                cells.append(("t", c))      # "1,5" typed as text
            else:
                cells.append(c if c else None)
        rows.append((i + 2, cells))
    b.sheet("Sheet1", rows)
    return b.parts()


def main():
    prose, rows = read_seed()
    write_zip(os.path.join(SAMPLES, "hien-thanh-103-2023.docx"),
              seed_docx(prose, rows))
    write_zip(os.path.join(DATA, "seed.xlsx"), seed_xlsx(prose, rows))
    with open(os.path.join(DATA, "example.tsv"), "w",
              encoding="utf-8") as f:
        for r in EXAMPLE:
            f.write("\t".join(r) + "\n")
    write_zip(os.path.join(DATA, "example.docx"), example_docx())
    write_zip(os.path.join(DATA, "example.xlsx"), example_xlsx())
    # A directives table as a sheet: due dates stored as Excel serial
    # day numbers (45230 is 2023-10-31) or typed as text.
    b = Book()
    b.sheet("Chỉ đạo", [
        (1, ["Vai trò", "Tiêu chí", "Nhiệm vụ", "Hạn", "Chỉ tiêu"]),
        (2, ["CA", "1.7", "Tổ chức hai cuộc đối thoại", ("n", "45230"),
             "2 cuộc"]),
        (3, ["DTT", "1.4.2", "Phát tin bài về CCHC", "30/09/2023", None]),
    ], cols=5)
    write_zip(os.path.join(DATA, "directives.xlsx"), b.parts())
    write_zip(os.path.join(DATA, "autonum-bad.docx"),
              example_docx("chineseCounting"))
    # Broken archives and bombs.
    whole = open(os.path.join(SAMPLES, "hien-thanh-103-2023.docx"),
                 "rb").read()
    open(os.path.join(DATA, "truncated.docx"), "wb").write(
        whole[:len(whole) // 2])
    open(os.path.join(DATA, "not-zip.xlsx"), "w").write(
        "STT\tTiêu chí\n1\tnot a workbook\n")
    b = Book()
    b.sheet("Sheet1", [(1, ["x"])])
    parts = b.parts()
    bomb = ('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>' % S +
            " " * (20 * 1024 * 1024) + "</sheetData></worksheet>")
    parts = [(n, bomb if n == "xl/worksheets/sheet1.xml" else d)
             for n, d in parts]
    write_zip(os.path.join(DATA, "zip-bomb.xlsx"), parts)
    laughs = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        laughs.append('<!ENTITY lol%d "%s">' % (
            i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10))
    doc = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [%s]>\n'
           '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&lol9;</w:t>'
           "</w:r></w:p></w:body></w:document>" % ("".join(laughs), W))
    parts = [(n, doc if n == "word/document.xml" else d)
             for n, d in docx_parts(para("x"))]
    write_zip(os.path.join(DATA, "entity-bomb.docx"), parts)
    body = (para("ỦY BAN NHÂN DÂN XÃ HIỀN THÀNH", True) +
            tbl(["".join([tc([para("Kính gửi:")], 3000),
                          tc([para("Cán bộ, công chức xã")], 6000)])],
                [3000, 6000]) +
            para("Đề nghị các bộ phận khắc phục những tồn tại, hạn chế."))
    write_zip(os.path.join(DATA, "no-appendix.docx"), docx_parts(body))


if __name__ == "__main__":
    main()
