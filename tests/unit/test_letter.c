/* SPDX-License-Identifier: ISC */
/* test_letter.c: the letter's details read from the seed and from
 * variations of its layout (letter.h), and the heading they make. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h (its fail() macro). */
#include "i18n.h"
#include "letter.h"
#include "util.h"
#include "words.h"

#include <cmocka.h>

#define SEED SRCDATADIR "/samples/hien-thanh-103-2023.txt"

static struct letter *
parse(const char *text)
{
	return letter_from_text(text, strlen(text));
}

static void
test_seed(void **state)
{
	struct letter *l;
	char *data, *err = NULL;
	size_t len;

	(void)state;
	assert_int_equal(read_file(SEED, LIMIT_FILE, &data, &len, &err), 0);
	l = letter_from_text(data, len);
	free(data);
	assert_non_null(l);
	assert_string_equal(l->number, "103/UBND");
	assert_string_equal(l->day, "2023-09-06");
	assert_string_equal(l->place, "Hiền Thành");
	assert_string_equal(l->issuer, "Ủy ban nhân dân xã Hiền Thành");
	assert_null(l->parent);
	assert_string_equal(l->subject, "Về việc khắc phục những tồn tại hạn "
	    "chế trong công tác CCHC, nâng cao các chỉ số CCHC trong những "
	    "tháng cuối năm 2023");
	assert_string_equal(l->authority, "TM. Ủy ban nhân dân");
	assert_string_equal(l->title, "Chủ tịch");
	assert_string_equal(l->signer, "Lê Đức Kiên");
	assert_non_null(l->grounds);
	assert_int_equal(strncmp(l->grounds, "Thông báo số 285/TB-HĐTĐ ngày "
	    "08/8/2023 của Hội đồng thẩm định", 62), 0);
	assert_true(l->has_result);
	assert_int_equal(l->result, 69820);
	assert_string_equal(l->rank, "4/18");
	assert_string_equal(l->period, "6 tháng đầu năm 2023");
	assert_int_equal(l->nto, 3);
	assert_string_equal(l->to[0], "Cán bộ, công chức xã");
	assert_string_equal(l->to[2], "Cán bộ phụ trách Đài truyền thanh xã");
	assert_int_equal(l->ncc, 5);
	assert_string_equal(l->cc[0].name, "UBND huyện Vĩnh Linh");
	assert_true(l->cc[0].report);
	assert_false(l->cc[1].report);
	assert_string_equal(l->cc[4].name, "Lưu: VP-VT");
	letter_free(l);
}

/* Decree 30's layout with a parent body, "V/v", KT. and a "(b/c)"
 * recipient; no result, no grounds. */
static void
test_variations(void **state)
{
	struct letter *l = parse("<b>UBND HUYỆN VĨNH LINH</b>\n"
	    "**ỦY BAN NHÂN DÂN XÃ VĨNH THÁI**\n\nSố: 12 / UBND\n"
	    "V/v tổ chức đối thoại\n\n*Vĩnh Thái, ngày 2 tháng 10 năm 2024*\n"
	    "Kính gửi: Công an xã\n\nNội dung.\n\nNơi nhận:\n"
	    "- Phòng Nội vụ (b/c);\n- Như trên;\n\nKT. CHỦ TỊCH\n"
	    "PHÓ CHỦ TỊCH\n\n(Đã ký)\n\nNGUYỄN VĂN AN\n");

	(void)state;
	assert_non_null(l);
	assert_string_equal(l->number, "12/UBND");
	assert_string_equal(l->parent, "UBND huyện Vĩnh Linh");
	assert_string_equal(l->issuer, "Ủy ban nhân dân xã Vĩnh Thái");
	assert_string_equal(l->subject, "V/v tổ chức đối thoại");
	assert_string_equal(l->day, "2024-10-02");
	assert_string_equal(l->place, "Vĩnh Thái");
	assert_int_equal(l->nto, 1);
	assert_string_equal(l->to[0], "Công an xã");
	assert_int_equal(l->ncc, 2);
	assert_string_equal(l->cc[0].name, "Phòng Nội vụ");
	assert_true(l->cc[0].report);
	assert_false(l->cc[1].report);
	assert_string_equal(l->authority, "KT. Chủ tịch");
	assert_string_equal(l->title, "Phó Chủ tịch");
	assert_string_equal(l->signer, "Nguyễn Văn An");
	assert_null(l->grounds);
	assert_false(l->has_result);
	assert_null(l->rank);
	letter_free(l);
}

/* No signer, "(để báo cáo)"; a bare table is no letter. */
static void
test_no_signer(void **state)
{
	struct letter *l = parse("Số: 5/UBND\nVề việc báo cáo\n"
	    "Nơi nhận:\n- UBND huyện (để báo cáo);\n- Lưu: VT.\n");

	(void)state;
	assert_non_null(l);
	assert_null(l->authority);
	assert_null(l->title);
	assert_null(l->signer);
	assert_null(l->day);
	assert_null(l->issuer);
	assert_string_equal(l->cc[0].name, "UBND huyện");
	assert_true(l->cc[0].report);
	assert_string_equal(l->cc[1].name, "Lưu: VT");
	letter_free(l);
	assert_null(parse("STT\tTiêu chí\tĐiểm chuẩn\n1.7\tĐối thoại\t1\n"));
	assert_null(parse(""));
}

/* As Word writes the lists: the first item bare under its heading, the
 * others dashed; a bare line not ending in ';' is no item. */
static void
test_word_lists(void **state)
{
	struct letter *l = parse("Số: 5/UBND\nKính gửi:\nCán bộ xã;\n"
	    "- Công an xã.\nNơi nhận:\nUBND huyện (BC);\n- Lưu: VT.\n");

	(void)state;
	assert_non_null(l);
	assert_int_equal(l->nto, 2);
	assert_string_equal(l->to[0], "Cán bộ xã");
	assert_string_equal(l->to[1], "Công an xã");
	assert_int_equal(l->ncc, 2);
	assert_string_equal(l->cc[0].name, "UBND huyện");
	assert_true(l->cc[0].report);
	letter_free(l);
	l = parse("Số: 5/UBND\nKính gửi:\nCăn cứ Thông báo số 1/TB,\n");
	assert_non_null(l);
	assert_int_equal(l->nto, 0);
	letter_free(l);
}

static void
test_heading(void **state)
{
	struct letter *l = parse("ỦY BAN NHÂN DÂN\nXÃ HIỀN THÀNH\n"
	    "Số:103 /UBND\nVề việc khắc phục\n"
	    "Hiền Thành, ngày 06 tháng 9 năm 2023\n");
	char *h;

	(void)state;
	i18n_set_language("en");
	h = words_letter_heading(l);
	assert_string_equal(h, "Implementing letter No. 103/UBND of "
	    "06/09/2023 of UBND xã Hiền Thành: Về việc khắc phục");
	free(h);
	free(l->number);
	l->number = NULL;
	assert_null(words_letter_heading(l));
	letter_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_variations),
		cmocka_unit_test(test_no_signer),
		cmocka_unit_test(test_word_lists),
		cmocka_unit_test(test_heading),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
