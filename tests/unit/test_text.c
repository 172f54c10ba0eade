/* SPDX-License-Identifier: ISC */
/* test_text.c: unit tests for src/base/text.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <stdbool.h>
#include <uninorm.h>
#include <unistr.h>

/* Before cmocka.h, whose fail() macro would hide util.h's fail(). */
#include "text.h"
#include "util.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

/* "Việt" decomposed by hand: e, dot below (U+0323), circumflex (U+0302). */
#define VIET_NFD "Vie\xcc\xa3\xcc\x82t"
#define VIET_NFC "Vi\xe1\xbb\x87t"

/* NFD copy made with libunistring, to feed decomposed input. */
static char *
nfd(const char *s)
{
	size_t n;
	uint8_t *r = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s),
	    NULL, &n);
	char *out;

	assert_non_null(r);
	out = xstrndup((const char *)r, n);
	free(r);
	return out;
}

/* Assert f(in) == want and free the result. */
static void
check_str(char *(*f)(const char *), const char *in, const char *want)
{
	char *got = f(in);

	assert_string_equal(got, want);
	free(got);
}

/* ---- validation ------------------------------------------------------ */

static void
test_utf8_valid(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_true(text_utf8_valid("", 0, &bad));
	assert_true(text_utf8_valid("abc", 3, NULL));
	assert_true(text_utf8_valid(VIET_NFC, strlen(VIET_NFC), &bad));
	assert_true(text_utf8_valid("\xf0\x9f\x98\x80", 4, &bad)); /* U+1F600 */
	assert_true(text_utf8_valid("\xf4\x8f\xbf\xbf", 4, &bad)); /* U+10FFFF */
	assert_true(text_utf8_valid("\xef\xbf\xbf", 3, &bad));     /* U+FFFF */

	/* Overlong encodings of '/' and of U+0000, U+07FF, U+FFFF. */
	assert_false(text_utf8_valid("ab\xc0\xaf", 4, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_utf8_valid("\xc1\xbf", 2, &bad));
	assert_int_equal(bad, 0);
	assert_false(text_utf8_valid("x\xe0\x9f\xbf", 4, &bad));
	assert_int_equal(bad, 1);
	assert_false(text_utf8_valid("\xf0\x8f\xbf\xbf", 4, &bad));
	assert_int_equal(bad, 0);
	/* Surrogates U+D800 and U+DFFF. */
	assert_false(text_utf8_valid("ok\xed\xa0\x80", 5, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_utf8_valid("\xed\xbf\xbf", 3, &bad));
	/* Beyond U+10FFFF, and bytes that never occur. */
	assert_false(text_utf8_valid("\xf4\x90\x80\x80", 4, &bad));
	assert_false(text_utf8_valid("abc\xf5\x80\x80\x80", 7, &bad));
	assert_int_equal(bad, 3);
	assert_false(text_utf8_valid("\xff", 1, &bad));
	/* Truncated sequences and a stray continuation byte. */
	assert_false(text_utf8_valid("abcd\xe1\xbb", 6, &bad));
	assert_int_equal(bad, 4);
	assert_false(text_utf8_valid("\xc3", 1, &bad));
	assert_false(text_utf8_valid("a\x80", 2, &bad));
	assert_int_equal(bad, 1);
	/* n limits the check: a valid prefix of a longer buffer. */
	assert_true(text_utf8_valid("ab\xff", 2, &bad));
}

static void
test_nfc(void **state)
{
	char *d = nfd("Văn hoá – Xã hội");

	(void)state;
	assert_true(strlen(d) > strlen("Văn hoá – Xã hội"));
	check_str(text_nfc, d, "Văn hoá – Xã hội");
	check_str(text_nfc, VIET_NFD, VIET_NFC);
	check_str(text_nfc, "", "");
	check_str(text_nfc, "plain", "plain");
	/* Invalid bytes do not make it fail. */
	check_str(text_nfc, "a\xffz", "a\xef\xbf\xbdz");
	free(d);
}

/* ---- folding --------------------------------------------------------- */

static void
test_fold(void **state)
{
	const char *same[] = {
		"Văn hoá – Xã hội",
		"VĂN HÓA - XÃ HỘI",
		"Văn hóa–Xã hội",
		"Văn hoá –Xã hội",		/* seed, line 111 */
		"  văn\thoá\xc2\xa0\xe2\x80\x94  xã\n hội ",
		"Văn hoá \xe2\x88\x92 Xã hội",	/* U+2212 minus */
		"Văn hoá \xe2\x80\x90 Xã hội",	/* U+2010 hyphen */
		NULL
	};
	size_t i;
	char *d;

	(void)state;
	for (i = 0; same[i] != NULL; i++) {
		check_str(text_fold, same[i], "van hoa - xa hoi");
		d = nfd(same[i]);
		check_str(text_fold, d, "van hoa - xa hoi");
		free(d);
	}
	check_str(text_fold, "Đối thoại", "doi thoai");
	check_str(text_fold, "ĐỐI THOẠI", "doi thoai");
	d = nfd("Đối thoại");
	check_str(text_fold, d, "doi thoai");
	free(d);
	check_str(text_fold, "Tư pháp – Hộ tịch", "tu phap - ho tich");
	check_str(text_fold, "Công an xã", "cong an xa");
	check_str(text_fold, "Kế hoạch số 30/KH-UBND", "ke hoach so 30/kh - ubnd");
	check_str(text_fold, "Straße", "strasse");
	check_str(text_fold, "", "");
	check_str(text_fold, " \t\n ", "");
	check_str(text_fold, "-", "-");
	check_str(text_fold, "- Giao CC", "- giao cc");
	check_str(text_fold, VIET_NFD, "viet");
	/* BOM, zero-width space and soft hyphen are invisible: dropped. */
	check_str(text_fold, "\xef\xbb\xbfX\xe2\x80\x8bY\xc2\xad" "Z", "xyz");
	/* Invalid UTF-8 does not break it. */
	check_str(text_fold, "A\xff" "B", "a\xef\xbf\xbd" "b");
}

static void
test_find_word(void **state)
{
	char *hay = text_fold("- Giao CC Văn phòng – Thống kê phụ trách CCHC "
	    "khắc phục đánh giá 6 tháng cuối năm");
	char *needle = text_fold("Văn phòng - Thống kê");

	(void)state;
	assert_int_equal(text_find_word(hay, needle), 10);
	assert_int_equal(text_find_word(hay, "cc"), 7);
	assert_int_equal(text_find_word(hay, "cchc"), 41);
	assert_int_equal(text_find_word(hay, "van"), 10);
	assert_int_equal(text_find_word(hay, "phong"), 14);
	assert_int_equal(text_find_word(hay, "hon"), -1);	/* in "phong" */
	assert_int_equal(text_find_word(hay, "nam"), (long)strlen(hay) - 3);
	assert_int_equal(text_find_word(hay, "thong ke pho"), -1);
	assert_int_equal(text_find_word(hay, ""), -1);
	assert_int_equal(text_find_word("", "x"), -1);
	/* The second occurrence counts when the first is inside a word. */
	assert_int_equal(text_find_word("xa hoixa xa", "xa"), 0);
	assert_int_equal(text_find_word("hoixa xa", "xa"), 6);
	assert_int_equal(text_find_word("abc1 abc", "abc"), 5);
	/* Punctuation is a boundary; a multibyte character is not. */
	assert_int_equal(text_find_word("(cc),", "cc"), 1);
	assert_int_equal(text_find_word("cc\xce\xb1", "cc"), -1);
	assert_int_equal(text_find_word("\xce\xb1" "cc", "cc"), -1);
	free(hay);
	free(needle);
}

static void
test_contains(void **state)
{
	(void)state;
	assert_true(text_contains("Đối thoại của Lãnh đạo", "doi thoai"));
	assert_true(text_contains("Đối thoại của Lãnh đạo", "LÃNH ĐẠO"));
	assert_true(text_contains("Giao CC Văn hoá –Xã hội phối hợp",
	    "văn hóa - xã hội"));
	assert_true(text_contains("anything", ""));
	assert_true(text_contains("thoại", "oai"));	/* substring, not word */
	assert_false(text_contains("Đối thoại", "doi thoai x"));
	assert_false(text_contains("", "a"));
}

/* ---- width ----------------------------------------------------------- */

static void
test_width(void **state)
{
	char *d = nfd("Văn hoá – Xã hội");

	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(VIET_NFC), 4);
	assert_int_equal(text_width(VIET_NFD), 4);
	assert_int_equal(text_width(d), 16);
	assert_int_equal(text_width("Văn hoá – Xã hội"), 16);
	assert_int_equal(text_width("漢字"), 4);
	assert_int_equal(text_width("a日本語b"), 8);
	assert_int_equal(text_width("…"), 1);
	assert_int_equal(text_width("a\tb\n"), 2);	/* controls take 0 */
	assert_int_equal(text_width("\xcc\x81"), 0);	/* lone mark */
	free(d);
}

/* text_fit(s, maxw) keeps bytes bytes, width columns wide. */
static void
check_fit(const char *s, int maxw, size_t bytes, int width)
{
	int w = -1;

	assert_int_equal(text_fit(s, maxw, &w), bytes);
	assert_int_equal(w, width);
}

static void
test_fit(void **state)
{
	int w = -1;

	(void)state;
	check_fit("abcdef", 3, 3, 3);
	check_fit("abc", 10, 3, 3);
	check_fit("abc", 0, 0, 0);
	check_fit("abc", -5, 0, 0);
	check_fit("", 3, 0, 0);
	/* The marks stay with their e: "Việ" is 5 + 2 + 2 bytes. */
	check_fit(VIET_NFD, 3, 7, 3);
	check_fit(VIET_NFD, 2, 2, 2);
	check_fit(VIET_NFD, 4, strlen(VIET_NFD), 4);
	/* Precomposed "ệ" is three bytes, never split. */
	assert_int_equal(text_fit(VIET_NFC, 3, &w), 5);
	/* A wide character that does not fit is left out whole. */
	check_fit("漢字", 3, 3, 2);
	check_fit("漢字", 1, 0, 0);
	check_fit("a漢", 2, 1, 1);
	assert_int_equal(text_fit("ab", 1, NULL), 1);
}

/* text_ellipsize(in, width) is want. */
static void
check_ellipsize(const char *in, int width, const char *want)
{
	char *s = text_ellipsize(in, width);

	assert_string_equal(s, want);
	free(s);
}

static void
test_ellipsize(void **state)
{
	char *s;

	(void)state;
	s = text_ellipsize("abcdef", 4);
	assert_string_equal(s, "abc…");
	assert_int_equal(text_width(s), 4);
	free(s);
	check_ellipsize("abcd", 4, "abcd");
	check_ellipsize("abcd", 1, "…");
	check_ellipsize("abcd", 0, "");
	check_ellipsize("", 0, "");
	check_ellipsize("a", 1, "a");
	check_ellipsize(VIET_NFD " Nam", 4, "Vie\xcc\xa3\xcc\x82…");
	/* 3 columns: "漢字" + … is 5 */
	check_ellipsize("漢字漢字", 4, "漢…");
	check_ellipsize("漢字漢字", 5, "漢字…");
}

/* text_pad(in, width) into an empty buffer is want. */
static void
check_pad(const char *in, int width, const char *want)
{
	struct buf b = { 0 };

	text_pad(&b, in, width);
	assert_string_equal(b.data, want);
	buf_free(&b);
}

static void
test_pad(void **state)
{
	struct buf b = { 0 };

	(void)state;
	check_pad("ab", 4, "ab  ");
	check_pad("abcdef", 4, "abc…");
	check_pad("abcd", 4, "abcd");
	text_pad(&b, VIET_NFD, 6);
	assert_string_equal(b.data, VIET_NFD "  ");
	assert_int_equal(text_width(b.data), 6);
	buf_free(&b);
	text_pad(&b, "Trạng thái", 12);
	assert_int_equal(text_width(b.data), 12);
	buf_free(&b);
	/* Cut inside a wide character: filled up to the exact width. */
	text_pad(&b, "漢字漢字", 4);
	assert_string_equal(b.data, "漢… ");
	assert_int_equal(text_width(b.data), 4);
	buf_free(&b);
	check_pad("x", 1, "x");
	check_pad("xy", 1, "…");
	buf_adds(&b, "keep");
	text_pad(&b, "xy", 0);
	assert_string_equal(b.data, "keep");
	text_pad(&b, "", 2);
	assert_string_equal(b.data, "keep  ");
	buf_free(&b);
}

/* ---- cell text ------------------------------------------------------- */

static void
test_squeeze(void **state)
{
	(void)state;
	check_str(text_squeeze, "  a  \t b  ", "a b");
	check_str(text_squeeze, "a \n  b", "a\nb");
	check_str(text_squeeze, "\n\n a\n\n\n\nb \n\n", "a\n\nb");
	check_str(text_squeeze, "a\xc2\xa0\xc2\xa0" "b", "a b");
	check_str(text_squeeze, "Văn  hoá", "Văn hoá");
	check_str(text_squeeze, "   ", "");
	check_str(text_squeeze, "", "");
}

static void
test_strip_markup(void **state)
{
	(void)state;
	check_str(text_strip_markup, "<b>1.1.3</b>", "1.1.3");
	check_str(text_strip_markup, "<b>Mức độ thực hiện kế hoạch CCHC</b>",
	    "Mức độ thực hiện kế hoạch CCHC");
	check_str(text_strip_markup, "<b>- 0,5</b>", "- 0,5");
	check_str(text_strip_markup, "<p>a</p> <p>b</p>", "a\nb");
	check_str(text_strip_markup, "<P>a</P><BR>b<br/>c<br />d", "a\nb\nc\nd");
	check_str(text_strip_markup,
	    "<ul style=\"list-style-type: none\"> <li>- x</li> "
	    "<li>- y</li> </ul>", "• x\n• y");
	check_str(text_strip_markup,
	    "<p>Trong 6 tháng;</p> <ul style=\"list-style-type: none\"> "
	    "<li>- Chỉ đạo giải quyết;</li> <li>- Kết quả xử lý.</li> </ul> "
	    "<p>Tài liệu Kiểm chứng: Kế hoạch.</p>",
	    "Trong 6 tháng;\n• Chỉ đạo giải quyết;\n• Kết quả xử lý.\n"
	    "Tài liệu Kiểm chứng: Kế hoạch.");
	check_str(text_strip_markup, "<li>plain</li><li>– dash</li>",
	    "• plain\n• dash");
	check_str(text_strip_markup, "<li>-5 points</li>", "• -5 points");
	/* Inline math: the $ go, a '<' inside is text. */
	check_str(text_strip_markup,
	    "tính theo công thức $b/a=164/739=0,22<0,7$ nên đạt 0 điểm",
	    "tính theo công thức b/a=164/739=0,22<0,7 nên đạt 0 điểm");
	check_str(text_strip_markup, "$b/a=11/16=0.69$ ,", "b/a=11/16=0.69 ,");
	check_str(text_strip_markup,
	    "$b/a=408/637=0,64$ , số điểm là $0,64*1=0,64$ điểm",
	    "b/a=408/637=0,64 , số điểm là 0,64*1=0,64 điểm");
	check_str(text_strip_markup, "$a<b$ and $x<br>y$", "a<b and x<br>y");
	check_str(text_strip_markup, "costs 5$ each", "costs 5$ each");
	/* '<' that is not a known tag stays. */
	check_str(text_strip_markup, "x < 3 and y<z>w", "x < 3 and y<z>w");
	check_str(text_strip_markup, "0,22<0,7", "0,22<0,7");
	check_str(text_strip_markup, "a <b unclosed", "a <b unclosed");
	check_str(text_strip_markup, "<span class=\"x\">in</span> <em>e</em>",
	    "in e");
	/* Entities. */
	check_str(text_strip_markup,
	    "A &amp; B &lt;p&gt; &quot;q&quot;&nbsp;x &#65;&#x42;",
	    "A & B <p> \"q\" x AB");
	check_str(text_strip_markup, "&#; &# 5; &#x; &bogus; &", 
	    "&#; &# 5; &#x; &bogus; &");
	check_str(text_strip_markup, "&#7879;", "ệ");
	check_str(text_strip_markup, "  <p> </p> \n ", "");
	check_str(text_strip_markup, "", "");
	check_str(text_strip_markup, "Đồng ý", "Đồng ý");
}

/* ---- scores ---------------------------------------------------------- */

static void
check_score(const char *s, score want)
{
	score v = -424242;

	if (!text_parse_score(s, &v))
		fail_msg("text_parse_score(\"%s\") failed", s);
	assert_int_equal(v, want);
}

static void
test_parse_score(void **state)
{
	const char *bad[] = {
		"", " ", "abc", "1,2,3", "1.2345", "1 000", "--1", "- -1",
		"1,", ",5", ".5", "1.2.", "+-1", "1e3", "12a", "0x10",
		"1234567890123456", "-", "+", NULL
	};
	score v = 7;
	size_t i;

	(void)state;
	check_score("2,00", 2000);
	check_score("0,5", 500);
	check_score("1.4", 1400);
	check_score("2.33", 2330);
	check_score("- 0,5", -500);
	check_score("-1,00", -1000);
	check_score("-0,60", -600);
	check_score(" 7,82 ", 7820);
	check_score("0.69", 690);
	check_score("100,00", 100000);
	check_score("69,82", 69820);
	check_score("+1", 1000);
	check_score("2", 2000);
	check_score("0", 0);
	check_score("1,234", 1234);
	check_score("\t3,5\n", 3500);
	check_score("\xe2\x88\x92" "0,07", -70);	/* U+2212 */
	check_score("\xe2\x80\x93 1,00", -1000);		/* en dash */
	check_score("\xc2\xa0" "1,5\xc2\xa0", 1500);		/* NBSP */
	for (i = 0; bad[i] != NULL; i++) {
		if (text_parse_score(bad[i], &v))
			fail_msg("text_parse_score(\"%s\") accepted", bad[i]);
	}
	assert_int_equal(v, 7);	/* untouched on failure */
}

static void
check_format(score v, char dec, const char *want)
{
	char b[32];

	text_format_score(v, dec, b, sizeof b);
	assert_string_equal(b, want);
}

static void
test_format_score(void **state)
{
	char small[4];

	(void)state;
	check_format(69820, ',', "69,82");
	check_format(69820, '.', "69.82");
	check_format(600, ',', "0,60");
	check_format(-500, ',', "-0,50");
	check_format(10770, ',', "10,77");
	check_format(80590, ',', "80,59");
	check_format(1234, ',', "1,234");
	check_format(-70, '.', "-0.07");
	check_format(-1, ',', "-0,001");
	check_format(0, ',', "0,00");
	check_format(100000, ',', "100,00");
	check_format(-9223372036854775807LL - 1, ',',
	    "-9223372036854775,808");
	text_format_score(69820, ',', small, sizeof small);
	assert_string_equal(small, "69,");	/* truncated, terminated */
}

static void
test_code_cmp(void **state)
{
	(void)state;
	assert_true(text_code_cmp("1.9", "1.10") < 0);
	assert_true(text_code_cmp("1.10", "1.10.1") < 0);
	assert_true(text_code_cmp("1.10.1", "3.2") < 0);
	assert_true(text_code_cmp("3.2", "3.12") < 0);
	assert_true(text_code_cmp("3.12", "3.12") == 0);
	assert_true(text_code_cmp("3.13", "3.12.2") > 0);
	assert_true(text_code_cmpn("3.12.1", 4, "3.12", 4) == 0);
}

static void
test_safe(void **state)
{
	static const struct { const char *in, *one, *multi; } cases[] = {
		{ "plain Việt", "plain Việt", "plain Việt" },
		{ "a\tb", "a b", "a b" },
		{ "two\nlines\r\nend", "two lines end", "two\nlines\nend" },
		{ "\x1b]0;owned\x07x", "^[]0;owned^Gx", "^[]0;owned^Gx" },
		{ "del\x7f", "del^?", "del^?" },
		{ "csi\xc2\x9b" "31m", "csi<9B>31m", "csi<9B>31m" },
		{ "rlo\xe2\x80\xae" "abc", "rlo<U+202E>abc", "rlo<U+202E>abc" },
		{ "Vie\xcc\x82\xcc\xa3t", "Việt", "Việt" },
		{ "bad\xff", "bad\xef\xbf\xbd", "bad\xef\xbf\xbd" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = text_safe(cases[i].in, false);
		assert_string_equal(s, cases[i].one);
		free(s);
		s = text_safe(cases[i].in, true);
		assert_string_equal(s, cases[i].multi);
		free(s);
	}
	s = text_safe(NULL, false);
	assert_string_equal(s, "");
	free(s);
}

/* Every character of the Basic Multilingual Plane and a few beyond, with
 * text around it: the controls are replaced, anything else is left as
 * NFC gives it (the copy-free path agrees with the rule). */
static void
test_safe_every_char(void **state)
{
	char in[8], *s, *nfc;
	uint32_t uc;
	size_t n;
	int len;
	bool control;

	(void)state;
	for (uc = 1; uc < 0x10010; uc++) {
		if (uc >= 0xd800 && uc < 0xe000)
			continue;
		in[0] = 'a';
		len = u8_uctomb((uint8_t *)in + 1, uc, (int)sizeof in - 3);
		assert_true(len > 0);
		n = (size_t)len;
		in[1 + n] = 'b';
		in[2 + n] = '\0';
		control = uc < 0x20 || (uc >= 0x7f && uc < 0xa0) ||
		    uc == 0x61c || uc == 0x200e || uc == 0x200f ||
		    (uc >= 0x202a && uc <= 0x202e) ||
		    (uc >= 0x2066 && uc <= 0x2069);
		s = text_safe(in, true);
		nfc = text_nfc(in);
		if (control && uc != '\n')
			assert_string_not_equal(s, nfc);
		else if (!control)
			assert_string_equal(s, nfc);
		free(s);
		free(nfc);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_cmp),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_find_word),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_ellipsize),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_squeeze),
		cmocka_unit_test(test_strip_markup),
		cmocka_unit_test(test_parse_score),
		cmocka_unit_test(test_format_score),
		cmocka_unit_test(test_safe),
		cmocka_unit_test(test_safe_every_char),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
