/* SPDX-License-Identifier: ISC */
/* perm.h: who may change what.  The configuration maps accounts to roles
 * (users), names the accounts that may change everything (admins) and
 * the logins several people share (shared_accounts), whose user names a
 * person from `people` for the run.  With no `users` setting everyone
 * may do everything (one person's own database).  With it:
 *
 *   read, board, reports, notes, minutes, backup, check   everyone
 *   status, evidence, ticks of a task    its role or a supporting role,
 *                                        admins; of a task for all staff
 *                                        (CHUNG) every configured
 *                                        account
 *   a criterion's checklist and target   as the status of its task
 *   add a task to a role's column        that role, admins
 *   the person answering for a task      its role, admins
 *   due date, reassign, import           admins
 *
 * A configured account is one of users or admins, a person's own
 * account (people's account, whose roles it then has unless users names
 * it), or a shared login with a person named.  A person claimed on a
 * shared login gets that person's roles and never admin rights.  The claim is a claim, not an authentication: anyone at
 * the shared login may name anyone. */
#ifndef PARBOARD_PERM_H
#define PARBOARD_PERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"

enum perm_action {
	PERM_READ,		/* board, list, report */
	PERM_NOTE,		/* a note on any task */
	PERM_MINUTES,		/* record the minutes of a meeting */
	PERM_BACKUP,		/* backup, check */
	PERM_STATUS,		/* a task's status */
	PERM_EVIDENCE,		/* evidence on a task */
	PERM_TICK,		/* ticks of a task's checklist */
	PERM_ADD,		/* a new task in a role's column */
	PERM_DUE,		/* a task's due date */
	PERM_REASSIGN,		/* a task to another role */
	PERM_PERSON,		/* who answers for a task within its role */
	PERM_IMPORT,		/* import an appendix or directives */
};

/* Who is acting: the account, the person named on a shared login, and
 * what they may do. */
struct perm {
	char *account;		/* Unix account: "lan", "ubnd" */
	char *person;		/* "Lan" on a shared login, else NULL */
	char *actor;		/* for the history: "lan", "ubnd (Lan)" */
	bool open;		/* no `users` setting: everything allowed */
	bool admin;
	bool shared;		/* account is a shared login */
	bool configured;	/* named by the configuration (above) */
	char *common;		/* the all-staff role's id (CHUNG) */
	char **roles;
	size_t nroles;
};

/* Who account is under configuration c; by is the person named with
 * --by (or chosen on the board), NULL for none.  Fails (-1) when by is
 * not one of `people`; 1 (with *err) when by is given for an account
 * that is not shared — a usage error.  The result is freed with
 * perm_free(). */
int perm_identify(const struct config *c, const char *account,
    const char *by, struct perm **out, char **err);
void perm_free(struct perm *p);

/* Whether p may do a on a task (or, for PERM_ADD, a column) of role,
 * whose supporting roles are support ("VP-TK,TP-HT"; NULL or "" for
 * none); role and support are ignored by actions not about a task.
 * 0 when allowed; otherwise -1 and *err says who may.  The use cases
 * of core.h ask it before every change. */
int perm_check(const struct perm *p, enum perm_action a, const char *role,
    const char *support, char **err);

/* Whether p needs to name a person before changing anything: a shared
 * login without one. */
bool perm_needs_person(const struct perm *p);

/* The process's identity, set once by main() (NULL: everything allowed,
 * as for a program that never set one). */
void perm_set_self(struct perm *p);
const struct perm *perm_self(void);

/* Ask on in/out who is at the keyboard of a shared login: the names of
 * c->people, numbered; a number or a name answers.  *name gets the name
 * as configured.  -1 (with *err) at end of input or after three wrong
 * answers. */
int perm_ask_person(const struct config *c, FILE *in, FILE *out,
    char **name, char **err);

#endif
