/* SPDX-License-Identifier: ISC */
/* test_task.c: the task module's rules — statuses, overdue, the order
 * of cards (the score is score.h's: test_score.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Project headers before cmocka.h, whose fail() macro would clash with
 * util.h's fail(). */
#include "appendix.h"
#include "date.h"
#include "derive.h"
#include "meeting.h"
#include "targets.h"
#include "task.h"
#include "i18n.h"
#include "util.h"
#include "words.h"

#include <cmocka.h>


static void
test_status_names(void **state)
{
	enum status st = STATUS_COUNT;
	int i;

	for (i = 0; i < STATUS_COUNT; i++) {
		assert_int_equal(status_from_name(status_name(i)), i);
		assert_true(status_parse(status_label(i), &st));
		assert_int_equal(st, i);
	}
	assert_int_equal(status_from_name("late"), STATUS_TODO);
	assert_int_equal(status_from_name(NULL), STATUS_TODO);
	assert_true(status_parse("vướng mắc", &st));
	assert_int_equal(st, STATUS_BLOCKED);
}

static void
test_overdue(void **state)
{
	struct task t = { .status = STATUS_TODO, .due = "2023-10-31" };

	today_set("2023-10-31");
	assert_false(task_overdue(&t));		/* due today: not yet */
	today_set("2023-11-01");
	assert_true(task_overdue(&t));
	t.status = STATUS_BLOCKED;
	assert_true(task_overdue(&t));
	t.status = STATUS_DONE;
	assert_false(task_overdue(&t));
	t.status = STATUS_TODO;
	t.due = NULL;
	assert_false(task_overdue(&t));
}

/* The three kinds: a continuing task (no due date) is never late nor
 * due soon; a recurring target is late only when a past period of its
 * span fell short, whatever its due column says, and says which. */
static void
test_kinds(void **state)
{
	struct plan p = { .imported_at = "2023-09-13" };
	struct task t = { .status = STATUS_TODO, .due = "2023-10-31",
	    .due_source = DUE_DEFAULT, .target = "3 bài", .every = "tháng" };
	struct task c = { .status = STATUS_DOING };
	struct tick k[6] = {
		{ .task_id = 1, .day = "2023-09-14" },
		{ .task_id = 1, .day = "2023-09-15" },
		{ .task_id = 1, .day = "2023-09-16" },
		{ .task_id = 1, .day = "2023-10-05" },
		{ .task_id = 1, .day = "2023-10-06" },
		{ .task_id = 1, .day = "2023-10-07" },
	};
	char *w;

	(void)state;
	today_set("2023-11-02");
	assert_int_equal(task_kind(&c), TASK_CONTINUING);
	assert_false(task_overdue(&c));
	assert_false(task_due_soon(&c, 400));
	assert_null(task_next_due(&c));
	memcpy(c.updated, "2023-09-13", 11);
	w = task_ongoing_words(&c, false);
	assert_string_equal(w, "Ongoing · updated 50 days ago");
	free(w);
	w = task_ongoing_words(&c, true);	/* a card: "ongoing" above */
	assert_string_equal(w, "updated 50 days ago");
	free(w);

	assert_int_equal(task_kind(&t), TASK_RECURRING);
	/* 3 in September, 2 in October: October fell short. */
	target_schedule(&t, &p, k, 5);
	assert_string_equal(t.missed, "10/2023: 2/3 bài");
	assert_true(task_overdue(&t));
	assert_string_equal(task_next_due(&t), "2023-11-30");
	/* 3 and 3: not late although its due column (31/10) is past. */
	target_schedule(&t, &p, k, 6);
	assert_string_equal(t.missed, "");
	assert_false(task_overdue(&t));
	assert_false(task_due_soon(&t, 7));
	today_set("2023-11-25");
	target_schedule(&t, &p, k, 6);
	assert_true(task_due_soon(&t, 7));	/* November's end, 0/3 */
	/* Nothing in September nor October: both said. */
	today_set("2023-11-02");
	target_schedule(&t, &p, NULL, 0);
	assert_string_equal(t.missed, "09/2023: 0/3 bài; 10/2023: 0/3 bài");
	t.status = STATUS_DONE;
	assert_false(task_overdue(&t));
	/* A target once (no period) stays a one-off task by its date. */
	t.status = STATUS_TODO;
	t.every = NULL;
	assert_int_equal(task_kind(&t), TASK_ONE_OFF);
	assert_true(task_overdue(&t));
}

/* The meeting window goes by the meeting's local day: recorded at 00:30
 * in Hà Nội (UTC+7), stored the day before in UTC, it is held that local
 * day, and with none before it the window is the seven days before. */
static void
test_meeting_local_day(void **state)
{
	struct meeting last = { .id = 1, .at = "2023-10-09 17:30:00",
		.chair = "Bình", .user = "an" };
	struct meeting_window w;

	(void)state;
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	today_set("2023-10-10");
	meeting_window(NULL, &last, NULL, &w);
	assert_true(w.held_today);
	assert_string_equal(w.until, last.at);
	assert_null(w.after);
	assert_string_equal(w.since, "2023-10-03");
	meeting_window_clear(&w);
	today_set("2023-10-09");
	meeting_window(NULL, &last, NULL, &w);
	assert_false(w.held_today);
	assert_string_equal(w.after, last.at);
	meeting_window_clear(&w);
	setenv("TZ", "UTC", 1);
	tzset();
	meeting_window(NULL, &last, NULL, &w);
	assert_true(w.held_today);
	assert_string_equal(w.since, "2023-10-02");
	meeting_window_clear(&w);
	today_set(NULL);
}

/* The board's undo offer in words (words_undo): a status by its label,
 * a due date as the language writes it (none is "-"), a role. */
/* Origin and due source: stored by name, read back to the same value,
 * an unknown name to the fallback; each has its own words. */
static void
test_sources(void **state)
{
	int i;

	(void)state;
	for (i = ORIGIN_APPENDIX; i <= ORIGIN_MANUAL; i++)
		assert_int_equal(origin_from_name(origin_name(i)), i);
	for (i = DUE_DEFAULT; i <= DUE_TASK; i++)
		assert_int_equal(due_source_from_name(due_source_name(i)), i);
	assert_string_equal(origin_name(ORIGIN_DIRECTIVE), "directive");
	assert_string_equal(due_source_name(DUE_TASK), "task");
	assert_int_equal(origin_from_name("other"), ORIGIN_MANUAL);
	assert_int_equal(origin_from_name(NULL), ORIGIN_MANUAL);
	assert_int_equal(due_source_from_name(NULL), DUE_DEFAULT);
	assert_string_equal(words_due_source(DUE_DIRECTIVE),
	    "set by the directive");
	assert_string_equal(words_due_source(DUE_DEFAULT), "default");
	assert_string_equal(words_origin(ORIGIN_MANUAL), "added by hand");
}

static void
test_words_undo(void **state)
{
	char *s, *want, day[32];

	(void)state;
	s = words_undo("1.7", HK_STATUS, "done", "doing");
	want = xasprintf("1.7: %s → %s", status_label(STATUS_DONE),
	    status_label(STATUS_DOING));
	assert_string_equal(s, want);
	free(s);
	free(want);
	i18n_date("2024-02-05", day, sizeof day);
	s = words_undo("#12", HK_DUE, NULL, "2024-02-05");
	want = xasprintf("#12: due date - → %s", day);
	assert_string_equal(s, want);
	free(s);
	free(want);
	s = words_undo("1.7", HK_DUE, "2024-02-05", NULL);
	want = xasprintf("1.7: due date %s → -", day);
	assert_string_equal(s, want);
	free(s);
	free(want);
	s = words_undo("1.7", HK_ROLE, "VH-XH", "CA");
	assert_string_equal(s, "1.7: role VH-XH → CA");
	free(s);
	s = words_undo("1.7", HK_ROLE, NULL, "CA");
	assert_string_equal(s, "1.7: role - → CA");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_names),
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_meeting_local_day),
		cmocka_unit_test(test_words_undo),
		cmocka_unit_test(test_sources),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
