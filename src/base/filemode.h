/* SPDX-License-Identifier: ISC */
/* filemode.h: the mode of a file several accounts share.  A file made in
 * a group-writable or setgid directory (the shared install's database
 * folder) gets 0660 whatever the umask, so that every member of the
 * group can write it; elsewhere the umask decides, as usual. */
#ifndef PARBOARD_FILEMODE_H
#define PARBOARD_FILEMODE_H

#include <sys/types.h>

/* The mode a new file at path gets: 0660 in a group-writable or setgid
 * directory, else 0666 less the umask. */
mode_t filemode_new(const char *path);
/* Create path empty with that mode before another library does, when
 * its directory is shared; nothing when it exists or the directory is
 * not shared. */
int filemode_create(const char *path, char **err);

#endif
