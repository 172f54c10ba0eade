/* SPDX-License-Identifier: ISC */
/* store_schema.c: the schema, its migrations (store_migrate) and the
 * steps they run: the re-keying of schema 3, the support roles of
 * schema 8 (the later steps are in store_steps.c).
 *
 * Representation choices (beyond the schema in store.h):
 *   task.support_roles  the supporting role ids in comma form
 *                  ("VP-TK,TP-HT", "" for none; schema 8); task.support,
 *                  their JSON array up to schema 7, is no longer written.
 *   task.status    the status name (CHECK constraint).
 *   history.undone 1 once store_undo_row reverted the row; the "undo" row
 *                  has old = the value replaced, new = the value restored.
 *   history.old_source  for "due" rows, due_source before the change,
 *                  for "role" rows by a person, role_source before it
 *                  (NULL or 'hand'), so undo restores it as well; 'import'
 *                  marks a change the import made.
 *   finding.file   the file a finding came from (re-importing one file
 *                  replaces only its findings).
 *   finding.kind   finding.h's kind by name (finding_kind_name), with
 *                  its figures a, b and texts t1, t2; NULL in rows of
 *                  schema 8, whose message is all there is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "dockind.h"
#include "i18n.h"
#include "store.h"
#include "store_impl.h"
#include "util.h"

/* figure_sum's row for the criterion of the figure row NEW, afresh:
 * the month rows summed (b, a, the months they cover), the latest
 * snapshot. */
#define FIGURE_MONTH(col) "(CAST(substr(" col ", 1, 4) AS INTEGER) * 12" \
	" + CAST(substr(" col ", 6, 2) AS INTEGER))"
#define FIGURE_SUM \
	" INSERT OR REPLACE INTO figure_sum (plan_id, code, n, num, den," \
	" months, last, snap_num, snap_den)" \
	" SELECT NEW.plan_id, NEW.code, count(*)," \
	" sum(CASE WHEN f.snapshot = 0 THEN f.num END)," \
	" sum(CASE WHEN f.snapshot = 0 THEN f.den END)," \
	" sum(CASE WHEN f.snapshot = 0 THEN " FIGURE_MONTH("f.month_to") \
	" - " FIGURE_MONTH("f.month_from") " + 1 END)," \
	" s.month_to, s.num, s.den FROM figure f LEFT JOIN (SELECT month_to," \
	" num, den FROM figure WHERE plan_id = NEW.plan_id" \
	" AND code = NEW.code AND removed = 0 AND snapshot = 1" \
	" ORDER BY month_to DESC, id DESC LIMIT 1) s" \
	" WHERE f.plan_id = NEW.plan_id AND f.code = NEW.code" \
	" AND f.removed = 0;"

/* Schema steps: migrations[v] takes user_version v to v + 1.  A next
 * version adds its ALTER TABLE/CREATE statements as the next element.
 * Migrations only add (tables, columns, indices, rows): a board of the
 * version before, still open while the package is upgraded, keeps
 * working until it sees the newer user_version and stops with "parboard
 * was upgraded; restart it" (store_schema_newer).
 *
 * CHECK constraints spell a set of values as an OR chain, not IN (...):
 * SQLite codes a CHECK's IN list as an ephemeral table built afresh for
 * every row written, a fifth of the time of a large import.  Databases
 * made with the IN form hold the same constraint and need no migration. */
static int rekey(struct store *, char **);
static int support_roles(struct store *, char **);


/* The history table copied under a new CHECK of its kinds, the base
 * list and then kinds (SQLite changes a CHECK only by copying the
 * table): migrations 1 → 2 and 4 → 5. */
#define HISTORY_COPY(kinds) \
	"CREATE TABLE history2 (" \
	" id INTEGER PRIMARY KEY," \
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE," \
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW ")," \
	" user TEXT NOT NULL," \
	" kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'status'" \
	"  OR kind = 'due' OR kind = 'note' OR kind = 'evidence'" \
	"  OR kind = 'title' OR kind = 'undo' OR kind = 'role'" \
	"  OR kind = 'merge'" kinds ")," \
	" old TEXT, new TEXT," \
	" old_source TEXT," \
	" undone INTEGER NOT NULL DEFAULT 0);" \
	"INSERT INTO history2 (id, task_id, at, user, kind, old, new," \
	" old_source, undone) SELECT id, task_id, at, user, kind, old, new," \
	" old_source, undone FROM history;" \
	"DROP TABLE history;" \
	"ALTER TABLE history2 RENAME TO history;" \
	"CREATE INDEX history_task ON history(task_id);" \
	"CREATE INDEX history_user ON history(user, kind);"

static const struct migration {
	const char *sql;
	int (*fn)(struct store *, char **);	/* after sql, or NULL */
} migrations[] = {
	/* 0 → 1 */
	{ 
	"CREATE TABLE plan ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" source TEXT,"
	" has_total INTEGER NOT NULL DEFAULT 0,"
	" total_standard INTEGER, total_self INTEGER,"
	" total_appraised INTEGER, total_deduction INTEGER,"
	" imported_at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "));"
	"CREATE TABLE criterion ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT, title TEXT NOT NULL DEFAULT '',"
	" standard INTEGER, self INTEGER, appraised INTEGER,"
	" deduction INTEGER, has INTEGER NOT NULL DEFAULT 0,"
	" comment TEXT, assignee TEXT, line INTEGER,"
	" UNIQUE (plan_id, code));"
	"CREATE TABLE task ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" tkey TEXT NOT NULL, code TEXT, role TEXT NOT NULL,"
	" support TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(support)),"
	" title TEXT NOT NULL,"
	" origin TEXT NOT NULL CHECK (origin = 'appendix'"
	"  OR origin = 'directive' OR origin = 'manual'),"
	" status TEXT NOT NULL DEFAULT 'todo' CHECK (status = 'todo'"
	"  OR status = 'doing' OR status = 'done' OR status = 'blocked'),"
	" due TEXT, due_source TEXT, points INTEGER, target TEXT, every TEXT,"
	" created_at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" version INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (plan_id, tkey));"
	"CREATE INDEX task_plan_role ON task(plan_id, role);"
	"CREATE INDEX task_plan_code ON task(plan_id, code);"
	"CREATE TABLE history ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" user TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'status'"
	"  OR kind = 'due' OR kind = 'note' OR kind = 'evidence'"
	"  OR kind = 'title' OR kind = 'undo'),"
	" old TEXT, new TEXT,"
	" old_source TEXT,"
	" undone INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX history_task ON history(task_id);"
	"CREATE INDEX history_user ON history(user, kind);"
	"CREATE TABLE finding ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" file TEXT, line INTEGER, code TEXT, message TEXT NOT NULL);"
	"CREATE INDEX finding_plan ON finding(plan_id, file);", NULL },
	/* 1 → 2: the owner role's source (NULL from the import, 'hand' once
	 * a person reassigned the task: then the import leaves it), and the
	 * history kinds "role" (a reassignment) and "merge" (two tasks made
	 * one); SQLite changes a CHECK only by copying the table. */
	{ "ALTER TABLE task ADD COLUMN role_source TEXT;"
	HISTORY_COPY(""), NULL },
	/* 2 → 3: task keys without the owner role (rekey below). */
	{ "", rekey },
	/* 3 → 4: a change counter, so that a board reloads only what
	 * changed.  counter.seq counts task writes; task.seq is its value at
	 * the task's last write.  Every write bumps task.version (or inserts
	 * the task), so triggers keep both without the writers knowing. */
	{ "CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1),"
	" seq INTEGER NOT NULL);"
	"INSERT INTO counter (id, seq) VALUES (1, 0);"
	"ALTER TABLE task ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX task_plan_seq ON task(plan_id, seq);"
	"CREATE TRIGGER task_seq_insert AFTER INSERT ON task BEGIN"
	" UPDATE counter SET seq = seq + 1 WHERE id = 1;"
	" UPDATE task SET seq = (SELECT seq FROM counter WHERE id = 1)"
	"  WHERE id = NEW.id;"
	" END;"
	"CREATE TRIGGER task_seq_update AFTER UPDATE OF version, tkey ON task"
	" BEGIN"
	" UPDATE counter SET seq = seq + 1 WHERE id = 1;"
	" UPDATE task SET seq = (SELECT seq FROM counter WHERE id = 1)"
	"  WHERE id = NEW.id;"
	" END;", NULL },
	/* 4 → 5 (issue 8): the evidence register (documents that prove a
	 * task; the free-text evidence lines of history kept as incomplete
	 * summaries), recorded meetings, the occurrences of counted targets
	 * (tick) and the history kind "tick"; SQLite changes a CHECK only by
	 * copying the table. */
	{ "CREATE TABLE evidence ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" number TEXT, day TEXT, issuer TEXT, summary TEXT,"
	" signed INTEGER NOT NULL DEFAULT 0, file TEXT,"
	" incomplete INTEGER NOT NULL DEFAULT 0,"
	" user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX evidence_task ON evidence(task_id);"
	"INSERT INTO evidence (task_id, summary, incomplete, user, at)"
	" SELECT task_id, new, 1, user, at FROM history"
	" WHERE kind = 'evidence' AND undone = 0 AND new IS NOT NULL"
	" ORDER BY id;"
	"CREATE TABLE meeting ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL, chair TEXT, user TEXT NOT NULL);"
	"CREATE INDEX meeting_plan ON meeting(plan_id, at);"
	"CREATE TABLE tick ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" day TEXT NOT NULL, note TEXT, user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX tick_task ON tick(task_id, day);"
	HISTORY_COPY(" OR kind = 'tick'")
	"CREATE INDEX history_at ON history(at);", NULL },
	/* 5 → 6: what the board reads on every start without the import's
	 * rows (one per task): the notes (counted on each card) and the rows
	 * people wrote, by time (the tasks changed since the last meeting).
	 * The WHERE clauses are the ones store_tasks_lean and
	 * store_changed_tasks spell, so SQLite picks these indexes. */
	{ "CREATE INDEX history_note ON history(task_id) WHERE kind = 'note';"
	"CREATE INDEX history_person ON history(at)"
	" WHERE kind <> 'created' AND old_source IS NOT 'import';", NULL },
	/* 6 → 7 (issue 16): a row written with --today keeps the clock's
	 * own time (UTC) beside its pinned day; NULL when the day is the
	 * clock's (and in rows written before). */
	{ "ALTER TABLE history ADD COLUMN clock TEXT;"
	"ALTER TABLE meeting ADD COLUMN clock TEXT;"
	"ALTER TABLE evidence ADD COLUMN clock TEXT;"
	"ALTER TABLE tick ADD COLUMN clock TEXT;", NULL },
	/* 7 → 8 (issue 17): the supporting roles as the comma form the
	 * program speaks ("VP-TK,TP-HT"), not a JSON array to convert on
	 * every read and write.  support keeps its JSON (its CHECK stays
	 * true) for a board of schema 7 still open; nothing writes it
	 * any more. */
	{ "", support_roles },
	/* 8 → 9 (issue 17): a finding as a fact, its kind and figures
	 * (finding.h), so that each reader reads it in their own language;
	 * message keeps the importer's words, for a board of schema 8 and
	 * as the whole of rows written before (kind NULL). */
	{ "ALTER TABLE finding ADD COLUMN kind TEXT;"
	"ALTER TABLE finding ADD COLUMN a INTEGER;"
	"ALTER TABLE finding ADD COLUMN b INTEGER;"
	"ALTER TABLE finding ADD COLUMN t1 TEXT;"
	"ALTER TABLE finding ADD COLUMN t2 TEXT;", NULL },
	/* 9 → 10 (issue 18): one register of documents.  A document is
	 * stored once per plan and linked to tasks (document_link, item:
	 * the checklist item the link names, NULL when not given); its
	 * kind (dockind.h, by name) is read from its number (document_kind
	 * below).  The evidence rows become documents under their own ids
	 * and a link each; live rows of one plan with the same number and
	 * day become the first of them.  evidence stays for a board of
	 * schema 9 still open; nothing reads or writes it any more. */
	{ "CREATE TABLE document ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" number TEXT, day TEXT, issuer TEXT, summary TEXT,"
	" signed INTEGER NOT NULL DEFAULT 0, file TEXT, kind TEXT,"
	" incomplete INTEGER NOT NULL DEFAULT 0,"
	" user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "), clock TEXT,"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE document_link ("
	" id INTEGER PRIMARY KEY,"
	" document INTEGER NOT NULL REFERENCES document(id)"
	"  ON DELETE CASCADE,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" item INTEGER, user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "), clock TEXT,"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE TEMP TABLE evidence_doc AS SELECT e.id AS id,"
	" t.plan_id AS plan_id,"
	" CASE WHEN e.removed = 0 AND e.number IS NOT NULL"
	"  AND e.day IS NOT NULL THEN min(e.id) OVER (PARTITION BY"
	"  e.removed = 0 AND e.number IS NOT NULL AND e.day IS NOT NULL,"
	"  t.plan_id, e.number COLLATE NOCASE, e.day)"
	"  ELSE e.id END AS doc"
	" FROM evidence e JOIN task t ON t.id = e.task_id;"
	"INSERT INTO document (id, plan_id, number, day, issuer, summary,"
	" signed, file, incomplete, user, at, clock, removed)"
	" SELECT e.id, d.plan_id, e.number, e.day, e.issuer, e.summary,"
	" e.signed, e.file, e.incomplete, e.user, e.at, e.clock, e.removed"
	" FROM evidence e JOIN evidence_doc d ON d.id = e.id"
	" WHERE d.doc = e.id;"
	"CREATE UNIQUE INDEX document_link_one ON document_link(document,"
	" task_id) WHERE removed = 0;"
	"INSERT OR IGNORE INTO document_link (document, task_id, user, at,"
	" clock, removed) SELECT d.doc, e.task_id, e.user, e.at, e.clock,"
	" e.removed FROM evidence e JOIN evidence_doc d ON d.id = e.id"
	" ORDER BY e.id;"
	"DROP TABLE evidence_doc;"
	"CREATE UNIQUE INDEX document_number ON document(plan_id,"
	" number COLLATE NOCASE, day) WHERE removed = 0;"
	"CREATE INDEX document_link_task ON document_link(task_id);",
	store_step_document_kind },
	/* 10 → 11 (issue 18): each criterion's checklist, the documents its
	 * council comment requires (checklist.h), and its counted target,
	 * kept apart from criterion (which an import writes afresh) and
	 * keyed like it by plan and code; by_hand marks what a person set,
	 * which an import then leaves.  kinds: checklist.h's bits.  The
	 * history kind "checklist" records a change by hand; SQLite changes
	 * a CHECK only by copying the table. */
	{ "CREATE TABLE checklist_item ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL,"
	" kinds INTEGER NOT NULL DEFAULT 0,"
	" by_hand INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE (plan_id, code, n));"
	"CREATE TABLE checklist_target ("
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL, count INTEGER NOT NULL, unit TEXT,"
	" day_from TEXT, day_to TEXT,"
	" by_hand INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (plan_id, code));"
	"CREATE TABLE history2 ("
	" id INTEGER PRIMARY KEY,"
	" task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "),"
	" user TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'status'"
	"  OR kind = 'due' OR kind = 'note' OR kind = 'evidence'"
	"  OR kind = 'title' OR kind = 'undo' OR kind = 'role'"
	"  OR kind = 'merge' OR kind = 'tick' OR kind = 'checklist'),"
	" old TEXT, new TEXT,"
	" old_source TEXT,"
	" undone INTEGER NOT NULL DEFAULT 0,"
	" clock TEXT);"
	"INSERT INTO history2 (id, task_id, at, user, kind, old, new,"
	" old_source, undone, clock) SELECT id, task_id, at, user, kind, old,"
	" new, old_source, undone, clock FROM history;"
	"DROP TABLE history;"
	"ALTER TABLE history2 RENAME TO history;"
	"CREATE INDEX history_task ON history(task_id);"
	"CREATE INDEX history_user ON history(user, kind);"
	"CREATE INDEX history_at ON history(at);"
	"CREATE INDEX history_note ON history(task_id) WHERE kind = 'note';"
	"CREATE INDEX history_person ON history(at)"
	" WHERE kind <> 'created' AND old_source IS NOT 'import';", NULL },
	/* 11 → 12 (issue 18): a task set done without the proof its
	 * criterion requires keeps the giải trình given, on the status
	 * row that set it. */
	{ "ALTER TABLE history ADD COLUMN explain TEXT;", NULL },
	/* 12 → 13 (issue 19): each criterion's rule (score.h: its kind,
	 * threshold, whether its figures are year-to-date, the appraised
	 * half's b and a, the late tasks, the plan it counts), kept apart
	 * from criterion like its checklist, by_hand marking what a person
	 * set; the figures recorded after the appraisal, a row per month or
	 * range (snapshot: year-to-date at month_to); the history kinds
	 * "rule" and "figures" (on the criterion's appendix task).  The
	 * rules of the plans already imported are read from their
	 * comments, and criterion.scored added (crit_rules). */
	{ "CREATE TABLE criterion_rule ("
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL, kind TEXT NOT NULL, threshold INTEGER,"
	" snapshot INTEGER NOT NULL DEFAULT 0, num INTEGER, den INTEGER,"
	" late INTEGER, plan_name TEXT, expect INTEGER,"
	" by_hand INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (plan_id, code)) WITHOUT ROWID;"
	"CREATE TABLE figure ("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL, month_from TEXT NOT NULL,"
	" month_to TEXT NOT NULL, num INTEGER NOT NULL, den INTEGER NOT NULL,"
	" snapshot INTEGER NOT NULL DEFAULT 0, user TEXT NOT NULL,"
	" at TEXT NOT NULL DEFAULT (" SCHEMA_NOW "), clock TEXT,"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX figure_code ON figure(plan_id, code, month_to)"
	" WHERE removed = 0;"
	/* What the figures of a criterion add up to, kept by the database
	 * itself on every write: the board reads a row per criterion, not
	 * every month of every criterion, when it starts. */
	"CREATE TABLE figure_sum ("
	" plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	" code TEXT NOT NULL, n INTEGER NOT NULL, num INTEGER, den INTEGER,"
	" months INTEGER, last TEXT, snap_num INTEGER, snap_den INTEGER,"
	" PRIMARY KEY (plan_id, code)) WITHOUT ROWID;"
	"CREATE TRIGGER figure_sum_insert AFTER INSERT ON figure BEGIN"
	FIGURE_SUM " END;"
	"CREATE TRIGGER figure_sum_update AFTER UPDATE ON figure BEGIN"
	FIGURE_SUM " END;"
	HISTORY_COPY13(""), store_step_crit_rules },
	/* 13 → 14 (issue 20): the details of the letter a plan came with
	 * (letter.h), a row per plan; its addressees (list 0, Kính gửi)
	 * and recipients (list 1, Nơi nhận) a row each, in order. */
	{ "CREATE TABLE plan_letter ("
	" plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,"
	" number TEXT, day TEXT, place TEXT, parent TEXT, issuer TEXT,"
	" subject TEXT, authority TEXT, title TEXT, signer TEXT,"
	" grounds TEXT, period TEXT, rank TEXT, result INTEGER);"
	"CREATE TABLE plan_letter_name ("
	" plan_id INTEGER NOT NULL REFERENCES plan_letter(plan_id)"
	"  ON DELETE CASCADE,"
	" list INTEGER NOT NULL, pos INTEGER NOT NULL, name TEXT NOT NULL,"
	" report INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (plan_id, list, pos)) WITHOUT ROWID;", NULL },
	/* 14 → 15 (issue 20): task.links, the other criteria a directive
	 * serves ("3.12.1,3.12.2"); the letter's own deadline and the end
	 * of the time it speaks of. */
	{ "", store_step_links },
	/* 15 → 16 (issue 20, point 5): the person responsible for a task
	 * within its role (task_person). */
	{ "", store_step_person },
	/* 16 → 17 (issue 21, point 4): a meeting's place, secretary,
	 * attendance, start and end, number. */
	{ "", store_step_meeting },
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))
/* --- re-keying: task keys without the owner role (schema 3) ---------- */

/* An old derived key without its owner: "A:1.7/CA" → "A:1.7",
 * "D:1.7/CA/to chuc doi thoai" → "D:1.7/to chuc doi thoai" (a "#2"
 * suffix stays).  NULL for keys of another form (manual tasks). */
static char *
key_without_role(const char *key)
{
	const char *slash, *rest;

	if (strncmp(key, "A:", 2) == 0) {
		if ((slash = strrchr(key, '/')) == NULL)
			return NULL;
		return xstrndup(key, (size_t)(slash - key));
	}
	if (strncmp(key, "D:", 2) != 0 ||
	    (slash = strchr(key + 2, '/')) == NULL ||
	    (rest = strchr(slash + 1, '/')) == NULL)
		return NULL;
	return xasprintf("%.*s%s", (int)(slash - key), key, rest);
}

struct rekeyed {
	long id, plan_id;
	long last;		/* newest history row a person wrote */
	char *key;		/* the new key */
	char *code, *role;
};

/* By plan and new key, the task a person changed last first (then the
 * newest task: it holds the owner of the latest import). */
static int
rekeyed_cmp(const void *a, const void *b)
{
	const struct rekeyed *x = a, *y = b;
	int r;

	if (x->plan_id != y->plan_id)
		return x->plan_id < y->plan_id ? -1 : 1;
	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

static void
rekeyed_clear(void *elem)
{
	struct rekeyed *r = elem;

	free(r->key);
	free(r->code);
	free(r->role);
}

/* A derived task whose key names its owner role; other rows left out. */
static bool
read_rekeyed(sqlite3_stmt *st, void *elem, void *arg)
{
	struct rekeyed *r = elem;

	(void)arg;
	r->key = key_without_role((const char *)sqlite3_column_text(st, 2));
	if (r->key == NULL)
		return false;
	r->id = (long)sqlite3_column_int64(st, 0);
	r->plan_id = (long)sqlite3_column_int64(st, 1);
	r->code = col_str(st, 3);
	r->role = col_str(st, 4);
	r->last = (long)sqlite3_column_int64(st, 5);
	return true;
}

static int
rekey_load(struct store *s, struct rekeyed **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = store_prepare(s, "SELECT t.id, t.plan_id, t.tkey, t.code, t.role,"
	    " (SELECT coalesce(max(h.id), 0) FROM history h"
	    "  WHERE h.task_id = t.id AND" BY_PERSON("h") ")"
	    " FROM task t WHERE t.origin <> 'manual'", err);
	if (st == NULL)
		return -1;
	*out = store_rows(s, st, sizeof **out, read_rekeyed, NULL,
	    rekeyed_clear, n, &rc, err);
	return rc;
}

/* Fold task from into task into: its history and notes move, the task
 * goes, and into's history says so ("merge": old "#12 (1.7/CA)"). */
static int
rekey_merge(struct store *s, const struct rekeyed *from,
    const struct rekeyed *into, char **err)
{
	sqlite3_stmt *st;
	char *what;
	int rc;

	st = store_prepare(s, "UPDATE history SET task_id = ?2"
	    " WHERE task_id = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from->id);
	sqlite3_bind_int64(st, 2, into->id);
	rc = store_run(s, st, err);
	if (rc != 0 || store_run_id(s, "DELETE FROM task WHERE id = ?1",
	    from->id, err) != 0)
		return -1;
	/* A migration step names only the columns of its own schema
	 * (store_add_history writes schema 7's clock). */
	st = store_prepare(s, "INSERT INTO history (task_id, at, user, kind,"
	    " old) VALUES (?1, " NOW ", ?2, 'merge', ?3)", err);
	if (st == NULL)
		return -1;
	what = xasprintf("#%ld (%s/%s)", from->id, from->code != NULL ?
	    from->code : "-", from->role != NULL ? from->role : "-");
	sqlite3_bind_int64(st, 1, into->id);
	bind_text(st, 2, current_user());
	bind_text(st, 3, what);
	rc = store_run(s, st, err);
	free(what);
	return rc;
}

static int
rekey_set(struct store *s, const struct rekeyed *t, char **err)
{
	sqlite3_stmt *st = store_prepare(s, "UPDATE task SET tkey = ?2"
	    " WHERE id = ?1", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, t->id);
	bind_text(st, 2, t->key);
	rc = store_run(s, st, err);
	return rc;
}

/* Derived tasks were keyed with their owner role, so a reassignment
 * forked them.  Re-key them by plan and criterion (and words); where two
 * old tasks meet on one new key, keep the one a person changed last and
 * fold the other into it: nothing a person wrote is lost. */
static int
rekey(struct store *s, char **err)
{
	struct rekeyed *v;
	size_t n, i, j;
	int rc;

	if (rekey_load(s, &v, &n, err) != 0)
		return -1;
	xqsort(v, n, sizeof *v, rekeyed_cmp);
	/* Old keys out of the way first: no UNIQUE clash midway. */
	rc = store_exec(s, "UPDATE task SET tkey = '~' || id || '~' || tkey"
	    " WHERE origin <> 'manual'", err);
	for (i = 0; rc == 0 && i < n; i = j) {
		rc = rekey_set(s, &v[i], err);
		for (j = i + 1; rc == 0 && j < n && v[j].plan_id ==
		    v[i].plan_id && strcmp(v[j].key, v[i].key) == 0; j++)
			rc = rekey_merge(s, &v[j], &v[i], err);
		if (rc != 0)
			break;
	}
	/* Keys of a form we do not know get theirs back. */
	if (rc == 0)
		rc = store_exec(s, "UPDATE task SET tkey = substr(tkey,"
		    " instr(substr(tkey, 2), '~') + 2) WHERE tkey LIKE '~%'",
		    err);
	model_free_each(v, n, sizeof *v, rekeyed_clear);
	return rc;
}

/* Schema 8: task.support_roles, filled from task.support's JSON array.
 * A database already holding the column (its user_version set back by
 * hand) keeps its values. */
static int
support_roles(struct store *s, char **err)
{
	long has;

	if (store_pragma_int(s, "SELECT count(*) FROM pragma_table_info('task')"
	    " WHERE name = 'support_roles'", &has, err) != 0)
		return -1;
	if (has > 0)
		return 0;
	return store_exec(s, "ALTER TABLE task ADD COLUMN support_roles TEXT"
	    " NOT NULL DEFAULT '';"
	    "UPDATE task SET support_roles = coalesce((SELECT"
	    " group_concat(value, ',') FROM json_each(task.support)), '');",
	    err);
}

/* Bring the schema from version (its user_version, just read) to
 * SCHEMA_VERSION, one step per version. */
int
store_migrate(struct store *s, long version, char **err)
{
	long ntables;
	char sql[64];

	if (version == SCHEMA_VERSION)
		return 0;
	if (version > SCHEMA_VERSION)
		return store_fail_in(err, s->path, _("database schema %ld is newer "
		    "than this parboard (%d); upgrade parboard"), version,
		    SCHEMA_VERSION);
	if (s->readonly && version == 0)
		return store_fail_in(err, s->path, _("database is read-only (and "
		    "needs creating)"));
	if (s->readonly)
		return store_fail_in(err, s->path, _("database is read-only (and "
		    "needs upgrading)"));
	if (store_begin(s, err) != 0)
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	if (store_pragma_int(s, "PRAGMA user_version", &version, err) != 0)
		goto fail;
	if (version == 0) {
		if (store_pragma_int(s, "SELECT count(*) FROM sqlite_master",
		    &ntables, err) != 0)
			goto fail;
		if (ntables != 0) {
			store_fail_in(err, s->path, _("not a parboard database "
			    "(it has other tables)"));
			goto fail;
		}
	}
	for (; version < SCHEMA_VERSION; version++) {
		if (store_exec(s, migrations[version].sql, err) != 0)
			goto fail;
		if (migrations[version].fn != NULL &&
		    migrations[version].fn(s, err) != 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %ld",
		    version + 1);
		if (store_exec(s, sql, err) != 0)
			goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

bool
store_schema_newer(struct store *s)
{
	long version;

	return store_pragma_int(s, "PRAGMA user_version", &version, NULL) == 0 &&
	    version > SCHEMA_VERSION;
}
