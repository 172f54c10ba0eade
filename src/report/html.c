/* SPDX-License-Identifier: ISC */
/* html.c: the printable page (see html.h). */
#include <string.h>

#include "html.h"
#include "i18n.h"
#include "output.h"

static const char style[] =
"<style>\n"
"@page { size: A4; margin: 18mm 15mm; }\n"
"body { font-family: 'DejaVu Sans', 'Times New Roman', serif;"
" font-size: 11pt; color: #000; background: #fff; margin: 0; }\n"
"h1 { font-size: 15pt; text-align: center; margin: 0 0 4pt; }\n"
"h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #000;"
" }\n"
"h3 { font-size: 11pt; margin: 8pt 0 2pt; }\n"
"p.meta { text-align: center; margin: 0 0 8pt; }\n"
"table { border-collapse: collapse; width: 100%; margin: 4pt 0; }\n"
"th, td { border: 1px solid #555; padding: 2pt 4pt; vertical-align: top;"
" text-align: left; }\n"
"td.n, th.n { text-align: right; }\n"
"tr { page-break-inside: avoid; }\n"
"ul { margin: 2pt 0 2pt 16pt; padding: 0; }\n"
".flag { font-weight: bold; }\n"
".none { font-style: italic; }\n"
"svg { display: block; }\n"
"</style>\n";

void
html_begin(struct buf *b, const char *title)
{
	buf_addf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>",
	    i18n_vietnamese() ? "vi" : "en");
	out_html(b, title);
	buf_adds(b, "</title>\n");
	buf_adds(b, style);
	buf_adds(b, "</head>\n<body>\n");
}

void
html_end(struct buf *b)
{
	buf_adds(b, "</body>\n</html>\n");
}

/* The arc is measured by pathLength, so no trigonometry is needed: the
 * filled part is a dash of the fraction's length. */
void
html_gauge(struct buf *b, score value, score lo, score hi, const char *label)
{
	double f = hi > lo ? (double)(value - lo) / (double)(hi - lo) : 0;

	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	buf_adds(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\""
	    " height=\"110\" viewBox=\"0 0 200 110\" role=\"img\">\n"
	    "<path d=\"M20 95 A80 80 0 0 1 180 95\" fill=\"none\""
	    " stroke=\"#ccc\" stroke-width=\"16\"/>\n");
	buf_addf(b, "<path d=\"M20 95 A80 80 0 0 1 180 95\" fill=\"none\""
	    " stroke=\"#2a7\" stroke-width=\"16\" pathLength=\"100\""
	    " stroke-dasharray=\"%.1f 100\"/>\n", f * 100);
	buf_adds(b, "<text x=\"100\" y=\"90\" text-anchor=\"middle\""
	    " font-size=\"20\" font-weight=\"bold\">");
	out_html(b, label);
	buf_adds(b, "</text>\n</svg>\n");
}

void
html_bar(struct buf *b, const char *label, size_t done, size_t total)
{
	double w = total > 0 ? 300.0 * (double)done / (double)total : 0;

	buf_adds(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"520\""
	    " height=\"18\" viewBox=\"0 0 520 18\" role=\"img\">\n"
	    "<text x=\"0\" y=\"13\" font-size=\"11\">");
	out_html(b, label);
	buf_addf(b, "</text>\n<rect x=\"110\" y=\"3\" width=\"300\""
	    " height=\"12\" fill=\"#ddd\"/>\n<rect x=\"110\" y=\"3\""
	    " width=\"%.1f\" height=\"12\" fill=\"#2a7\"/>\n"
	    "<text x=\"420\" y=\"13\" font-size=\"11\">%zu/%zu</text>\n"
	    "</svg>\n", w, done, total);
}
