/* retainer-cli.h: the command line, which never opens a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define RETAINER_EXIT_OK 0
#define RETAINER_EXIT_FAILURE 1  /* the program could not do its work */
#define RETAINER_EXIT_BAD_INPUT 2 /* a file or an argument was refused */

/* Handles --help, --version, --summary and --export-pdf. Returns TRUE when
 * the command line did the work (then *status is the exit status); FALSE
 * when the window should open, on *open_path if a file was named. */
gboolean retainer_cli_handle (int     argc,
                              char  **argv,
                              char  **open_path,
                              int    *status);

G_END_DECLS
