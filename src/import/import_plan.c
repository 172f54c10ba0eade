/* SPDX-License-Identifier: ISC */
/* import_plan.c: which plan a criteria file corrects — named by --plan,
 * by its title, or, with no title, the plan whose appraised scores its
 * criteria agree with; the choice said in words before anything is
 * written. */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "appendix.h"
#include "derive.h"
#include "i18n.h"
#include "import.h"
#include "output.h"
#include "text.h"
#include "title.h"
#include "util.h"
#include "import_impl.h"

struct choice {
	const struct plan_criteria *plans;
	size_t nplans;
	const struct appendix *a;
	const struct plan_criteria *agree;	/* the one plan it agrees
						 * with, or NULL */
	size_t nagree;
	const struct plan_criteria *close;	/* a plan close to the
						 * file without agreeing */
	struct plan_likeness like;		/* with agree or close */
	char *period;	/* the file's title names it: plans whose names
			 * name another period are not weighed */
};

/* A plan whose name names a period other than period (both named). */
static bool
other_period(const char *period, const char *plan)
{
	char *p;
	bool other;

	if (period == NULL)
		return false;
	p = title_period(plan);
	other = p != NULL && strcmp(p, period) != 0;
	free(p);
	return other;
}

static void
choice_weigh(struct choice *c)
{
	struct plan_likeness l;
	size_t i;

	for (i = 0; i < c->nplans; i++) {
		if (other_period(c->period, c->plans[i].name))
			continue;
		derive_plan_likeness(c->a, &c->plans[i], &l);
		if (derive_plan_agrees(&l)) {
			if (c->nagree++ == 0) {
				c->agree = &c->plans[i];
				c->like = l;
			}
		} else if (c->close == NULL && derive_plan_close(&l)) {
			c->close = &c->plans[i];
			if (c->nagree == 0)
				c->like = l;
		}
	}
	if (c->nagree > 0)
		derive_plan_likeness(c->a, c->agree, &c->like);
}

static const struct plan_criteria *
plan_named(const struct choice *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nplans; i++)
		if (strcmp(c->plans[i].name, name) == 0)
			return &c->plans[i];
	return NULL;
}

static void
say_agrees(const struct import_opts *o, const struct choice *c,
    const char *title)
{
	char *file = import_safe(c->a->file);
	char *plan = import_safe(c->agree->name), *t;
	size_t eq = c->like.equal, n = c->like.shared;

	if (title == NULL)
		out_printf(o->out, o->dry_run ? _("%s: no title; its criteria "
		    "agree with plan \"%s\" (%zu of %zu appraised scores "
		    "equal): would update that plan (--plan NAME chooses "
		    "another)\n") : _("%s: no title; its criteria agree with "
		    "plan \"%s\" (%zu of %zu appraised scores equal): updating "
		    "that plan (--plan NAME chooses another)\n"), file, plan,
		    eq, n);
	else {
		t = import_safe(title);
		out_printf(o->out, o->dry_run ? _("%s: the title \"%s\" is no "
		    "plan's, but its criteria agree with plan \"%s\" (%zu of "
		    "%zu appraised scores equal): would update that plan "
		    "(--plan NAME chooses another)\n") : _("%s: the title "
		    "\"%s\" is no plan's, but its criteria agree with plan "
		    "\"%s\" (%zu of %zu appraised scores equal): updating that "
		    "plan (--plan NAME chooses another)\n"), file, t, plan, eq,
		    n);
		free(t);
	}
	free(file);
	free(plan);
}

/* A title: the plan of that name, or of a name that differs only in
 * case, tone marks or spacing, or the one plan the criteria agree with;
 * else a new plan. */
static int
choose_titled(const struct import_opts *o, struct choice *c, char **name,
    char **err)
{
	const struct plan_criteria *same = NULL;
	char *want, *f, *file, *t, *plan;
	size_t i, nsame = 0;

	if (plan_named(c, c->a->title) != NULL) {
		*name = xstrdup(c->a->title);
		return 0;
	}
	want = derive_name_fold(c->a->title);
	for (i = 0; i < c->nplans; i++) {
		f = derive_name_fold(c->plans[i].name);
		if (strcmp(f, want) == 0 && nsame++ == 0)
			same = &c->plans[i];
		free(f);
	}
	free(want);
	if (nsame > 1)
		return fail(err, _("%s: the title \"%s\" differs only in case, "
		    "tone marks or spacing from %zu plans' names: give --plan "
		    "NAME to say which plan this file updates"), c->a->file,
		    c->a->title, nsame);
	if (same != NULL) {
		file = import_safe(c->a->file);
		t = import_safe(c->a->title);
		plan = import_safe(same->name);
		out_printf(o->out, _("%s: the title \"%s\" is taken as plan "
		    "\"%s\" (they differ only in case, tone marks or "
		    "spacing)\n"), file, t, plan);
		free(file);
		free(t);
		free(plan);
		*name = xstrdup(same->name);
		return 0;
	}
	/* A title naming another period ("Cả năm 2023" after "6 tháng
	 * đầu năm 2023") is a new plan; else the criteria decide, and
	 * when they come close to a plan without agreeing with one
	 * alone, --plan does. */
	c->period = title_period(c->a->title);
	choice_weigh(c);
	free(c->period);
	c->period = NULL;
	if (c->nagree == 1) {
		say_agrees(o, c, c->a->title);
		*name = xstrdup(c->agree->name);
		return 0;
	}
	if (c->nagree > 1)
		return fail(err, _("%s: the title \"%s\" is no plan's, and its "
		    "criteria agree with %zu plans: give --plan NAME to say "
		    "which plan this file updates (a new name makes a new "
		    "plan)"), c->a->file, c->a->title, c->nagree);
	if (c->close != NULL)
		return fail(err, _("%s: the title \"%s\" is no plan's, and its "
		    "criteria are close to plan \"%s\" (%zu of its %zu codes, "
		    "%zu of them with equal appraised scores) without agreeing "
		    "with it: give --plan NAME to say which plan this file "
		    "updates (a new name makes a new plan)"), c->a->file,
		    c->a->title, c->close->name, c->like.shared,
		    c->like.plan_codes, c->like.equal);
	*name = xstrdup(c->a->title);
	return 0;
}

/* No title: the plan named after the file, or the one plan the criteria
 * agree with, or a new plan named after the file when no plan comes
 * close; anything else is not sure, and --plan decides. */
static int
choose_untitled(const struct import_opts *o, struct choice *c,
    char **name, char **err)
{
	char *base = import_file_base_name(c->a->file);

	if (plan_named(c, base) != NULL) {
		*name = base;
		return 0;
	}
	choice_weigh(c);
	if (c->nagree == 1) {
		say_agrees(o, c, NULL);
		*name = xstrdup(c->agree->name);
		free(base);
		return 0;
	}
	free(base);
	if (c->nagree > 1)
		return fail(err, _("%s: no title, and its criteria agree with "
		    "%zu plans: give --plan NAME to say which plan this file "
		    "updates (a new name makes a new plan)"), c->a->file,
		    c->nagree);
	if (c->close != NULL)
		return fail(err, _("%s: no title, and its criteria are close "
		    "to plan \"%s\" (%zu of its %zu codes, %zu of them with "
		    "equal appraised scores) without agreeing with it: give "
		    "--plan NAME to say which plan this file updates (a new "
		    "name makes a new plan)"), c->a->file, c->close->name,
		    c->like.shared, c->like.plan_codes, c->like.equal);
	*name = import_file_base_name(c->a->file);
	return 0;
}

/* The plan a criteria file updates or creates: --plan, else by its
 * title, else by its criteria.  *plan_id is the plan's when it exists
 * (0 otherwise). */
int
import_choose_plan(struct store *s, const struct appendix *a,
    const struct import_opts *o, char **name, long *plan_id, char **err)
{
	struct plan_criteria *plans = NULL;
	struct choice c = { 0 };
	const struct plan_criteria *p;
	size_t n = 0;
	int rc;

	*name = NULL;
	if (s != NULL && store_plans_criteria(s, &plans, &n, err) != 0)
		return -1;
	c.plans = plans;
	c.nplans = n;
	c.a = a;
	if (o->plan != NULL)
		rc = text_field("--plan", o->plan, false, name, err);
	else if (a->title != NULL && a->title[0] != '\0')
		rc = choose_titled(o, &c, name, err);
	else
		rc = choose_untitled(o, &c, name, err);
	p = rc == 0 ? plan_named(&c, *name) : NULL;
	*plan_id = p != NULL ? p->id : 0;
	plans_criteria_free(plans, n);
	return rc;
}
