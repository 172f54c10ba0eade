/* SPDX-License-Identifier: ISC */
/* text.h: UTF-8 text as parboard needs it — validation, NFC, the folded
 * matching key, display width, scores (dates: date.h).
 *
 * Scores are fixed-point: a `score` counts thousandths of a point, so
 * "0,69" is 690 and sums never drift the way binary floating point does. */
#ifndef PARBOARD_TEXT_H
#define PARBOARD_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef long long score;
#define SCORE_UNIT 1000

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates).
 * On failure *bad (if not NULL) gets the byte offset of the first error. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad);

/* NFC copy of valid UTF-8 (libunistring u8_normalize); bytes that are
 * not well-formed UTF-8 become U+FFFD.  Never NULL. */
char *text_nfc(const char *s);

/* The one sanitiser for text that reaches a person (board, list, report,
 * messages): NFC, and every character that could drive a terminal or
 * hide text shown as a visible placeholder — C0 controls and DEL in caret
 * notation ("^[", "^?"), C1 controls as "<9B>", bidirectional
 * embeddings, overrides and isolates as "<U+202E>".  A tab becomes a
 * space; a line feed stays when multiline, else becomes a space (a CR LF
 * pair counts as one).  Invalid UTF-8 becomes U+FFFD.  Never NULL. */
char *text_safe(const char *s, bool multiline);

/* The matching key of DESIGN.md: NFD, combining marks dropped, case-folded
 * (u8_casefold), đ/Đ → d, every dash (‐ ‑ ‒ – — − ― -) → '-', runs of
 * white space (NBSP, tabs, newlines too) → one space, trimmed; invisible
 * format characters (BOM, zero-width space, soft hyphen) are dropped.  A dash
 * always stands alone between single spaces, so "Văn hoá – Xã hội",
 * "VĂN HÓA - XÃ HỘI" and "Văn hóa–Xã hội" all give "van hoa - xa hoi"
 * (and "30/KH-UBND" gives "30/kh - ubnd").  Invalid bytes become U+FFFD.
 * Never NULL. */
char *text_fold(const char *s);
/* s in capitals, NFC ("Ủy ban nhân dân" → "ỦY BAN NHÂN DÂN"), malloc'd;
 * invalid UTF-8 becomes U+FFFD. */
char *text_upper(const char *s);

/* Find the folded needle in the folded haystack where it starts and ends
 * at a word boundary (neither side touches an ASCII letter or digit or a
 * byte of a multibyte character).  Returns the byte offset in hay of the
 * first such occurrence, or -1 (also for an empty needle).  Both
 * arguments must already be folded. */
long text_find_word(const char *folded_hay, const char *folded_needle);

/* Case- and diacritics-insensitive substring test on raw text (folds both
 * sides; no word boundaries): "doi thoai" is found in "Đối thoại".  An
 * empty needle is found everywhere. */
bool text_contains(const char *hay, const char *needle);

/* Display width in terminal columns (wcwidth semantics through
 * libunistring uc_width; combining marks 0, wide CJK 2, control characters
 * 0, an invalid byte 1).  Input need not be NFC. */
int text_width(const char *s);
/* One character's columns (0 for a control character), and whether it
 * belongs to the character before it (a combining mark, or another
 * zero-width character): the rules of text_width and text_fit, for an
 * editor that keeps characters one by one (the board's prompt). */
int text_char_width(unsigned int uc);
bool text_char_attaches(unsigned int uc);
/* The first line of s wrapped at width columns, in bytes, with the
 * line breaking of Unicode (UAX #14, libunistring u8_width_linebreaks:
 * after a space, a hyphen, a slash...) at text_width's widths; its
 * trailing spaces are left out.  A word wider than the line is cut at
 * width columns (never inside a character).  *next is where the rest
 * starts (the caller skips its leading spaces). */
size_t text_wrap_first(const char *s, int width, const char **next);

/* Longest prefix of s (in bytes, never splitting a character nor leaving a
 * base character without its combining marks) whose display width is at
 * most maxw; *width (if not NULL) gets that prefix's width. */
size_t text_fit(const char *s, int maxw, int *width);

/* s cut to maxw columns with "…" (U+2026, one column) when it did not
 * fit; the result may be a column short when a wide character was cut.
 * maxw <= 0 gives "".  Never NULL. */
char *text_ellipsize(const char *s, int maxw);

/* Append s padded with spaces (or cut with "…") to exactly w columns;
 * nothing when w <= 0. */
struct buf;
void text_pad(struct buf *out, const char *s, int w);

/* Collapse runs of spaces/tabs/NBSP into one space and trim every line,
 * keeping newlines; leading and trailing blank lines go and at most one
 * blank line is kept in a row.  Never NULL. */
char *text_squeeze(const char *s);

/* Plain text from the appendix's cell markup: <b>…</b> dropped,
 * <p>…</p> and <br> become paragraph breaks ("\n"), <li> becomes a new
 * line starting with "• " (replacing a "- ", "– " or "• " the writer typed
 * there), other known HTML tags dropped, &amp; &lt; &gt; &nbsp; &quot;
 * &apos; &ndash; &mdash; &#N; &#xH; decoded, the $ of inline math removed
 * ("$b/a=11/16$" → "b/a=11/16").  Only a known tag name (b, i, u, p, br,
 * ul, ol, li, span, div, strong, em, sup, sub, ...) with a closing '>'
 * counts as a tag, and nothing inside $...$ does, so "0,22<0,7" stays.
 * Result squeezed like text_squeeze() but with no blank lines:
 * "<p>a</p> <p>b</p>" → "a\nb".  Never NULL. */
char *text_strip_markup(const char *s);

/* p past ASCII white space and no-break spaces. */
const char *text_skip_space(const char *p);

/* Parse a score the way the appendix writes it: "2,00", "0,5", "1.4",
 * "2.33", "- 0,5", "-1,00", "+1", "7,82", surrounded by white space, up to
 * three decimals; U+2212 and an en dash also work as minus.  Returns false
 * (leaving *out alone) on empty or malformed text ("1,2,3", "1 000",
 * "--1", "1.2345", ",5"). */
bool text_parse_score(const char *s, score *out);

/* Format with two decimals (three when the thousandths are not zero) and
 * the given decimal mark: 69820 → "69,82" with ',' or "69.82" with '.'.
 * buf must hold at least 32 bytes. */
void text_format_score(score v, char decimal, char *buf, size_t n);

/* Order of criterion codes, numbers compared as numbers: "1.9" < "1.10"
 * < "1.10.1" < "3.2" < "3.12".  The n form takes lengths (SQLite's
 * collation callback), the other NUL-terminated strings. */
int text_code_cmpn(const char *a, size_t na, const char *b, size_t nb);
int text_code_cmp(const char *a, const char *b);

/* The one rule for text parboard stores from a person: a note, an added
 * task's title, a document's number, issuer, summary and file, a
 * meeting's chair, a plan's name, a name in the configuration; the
 * command line and the board both reach it through the store.  Valid
 * UTF-8; a tab becomes a space; line feeds only when multiline (notes;
 * a CR LF pair becomes one); any other control character (C0, DEL, C1)
 * or bidirectional control (U+202A-U+202E, U+2066-U+2069, U+200E,
 * U+200F, U+061C: Vietnamese never needs one, and each can make text
 * read other than it is stored) refuses the text: -1 and *err
 * "NAME: why", nothing to store.  Else 0 and *out the NFC copy to store
 * (NULL when in is NULL). */
int text_field(const char *name, const char *in, bool multiline, char **out,
    char **err);

/* Whether text_field refuses the character uc wherever it is (C0, DEL,
 * C1, a bidirectional control): also what json and tsv escape. */
bool text_char_refused(unsigned int uc);

/* Every character text_field refuses (but a line feed when
 * keep_newlines) replaced in place by spaces, one a byte: what the
 * appendix's cells get after their markup was decoded (data read from a
 * file is cleaned, not refused). */
void text_blank_controls(char *s, bool keep_newlines);

/* src cut to n - 1 bytes into dst with every byte that is not printable
 * ASCII as '?': a field that should be ASCII (a date) shown from data
 * written before the rule, or by another program. */
void text_printable(char *dst, size_t n, const char *src);

#endif
