/* fuzz-replay.c: every seed and every input that once crashed, fed through
 * a fuzz target's entry point as an ordinary GTest program
 *
 * Usage: fuzz-replay-TARGET DIR...   (one test case per file of each DIR)
 *
 * It is linked with one fuzz-*.c file and needs neither clang nor
 * libFuzzer, so the regressions run in every build, also under valgrind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static void
replay_file_cb (gconstpointer user_data)
{
  const char *path = user_data;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_autofree guint8 *exact = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* As libFuzzer hands it over: exactly the input's bytes, with no NUL
   * after them, so a read past the end is caught here too. */
  exact = g_malloc (MAX (length, 1));
  memcpy (exact, contents, length);
  g_assert_cmpint (LLVMFuzzerTestOneInput (exact, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Adds /fuzz/TARGET/FOLDER/FILE for each file of a folder. */
static guint
add_folder (const char *target,
            const char *dir_path)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_path_get_basename (dir_path);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  if (dir == NULL)
    {
      /* A folder of regressions appears with the first crash. */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return 0;
      g_error ("%s", error->message);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strcmp (name, "README") != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = NULL;
      char *file_path = g_build_filename (dir_path, file, NULL);
      g_autofree char *safe = g_strdup (file);

      /* GTest paths separate with '/'; a file name never holds one. */
      g_strdelimit (safe, " ", '_');
      test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target, folder, safe);
      g_test_add_data_func_full (test_path, file_path, replay_file_cb, g_free);
    }

  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  const char *target = RETAINER_FUZZ_TARGET;
  guint n_files = 0;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    n_files += add_folder (target, argv[i]);
  if (n_files == 0)
    g_error ("no seed files for the %s target: expected them in the folders given", target);

  return g_test_run ();
}
