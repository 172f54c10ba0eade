/* SPDX-License-Identifier: ISC */
/* html.h: the printable page shared by `minutes` and `report` in
 * --format html: one self-contained document (styles inline, no scripts,
 * no network) laid out for A4, with the score gauge and the per-role
 * progress bars drawn as inline SVG.  Every data field is escaped by the
 * caller through output.h's out_html. */
#ifndef PARBOARD_HTML_H
#define PARBOARD_HTML_H

#include "text.h"
#include "util.h"

/* <!DOCTYPE html> … <body>, with title (escaped here) and lang. */
void html_begin(struct buf *b, const char *title);
void html_end(struct buf *b);
/* A half-circle gauge of value between lo and hi, with its label. */
void html_gauge(struct buf *b, score value, score lo, score hi,
    const char *label);
/* A horizontal bar: done of total, labelled. */
void html_bar(struct buf *b, const char *label, size_t done, size_t total);

#endif
