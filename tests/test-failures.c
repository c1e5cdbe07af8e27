/* test-failures.c: nothing is lost when saving fails or a file is refused
 *
 * Each save test writes a proposal, makes the next save fail in a real way
 * and checks what a user would check: the previous file is still there,
 * byte for byte, it still opens, and no half-written file lies next to it.
 *
 * The tests run as root in CI, and root ignores folder permissions, so a
 * folder made read-only with chmod does not stop it. What does stop root:
 *  - a read-only mount (EROFS), made in a private mount namespace of a child
 *    process, so nothing outside the test sees it;
 *  - dropping to an unprivileged user (nobody) in a child process, for
 *    which the chmod'ed folder is read-only as for any founder;
 *  - a full tmpfs (ENOSPC), mounted in a private namespace too;
 *  - a file size limit (RLIMIT_FSIZE, EFBIG), which needs no privilege at
 *    all and so runs everywhere.
 * A test that needs a privilege the machine does not give is skipped with
 * the reason, never passed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* unshare(), CLONE_NEWNS and setgroups() */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "retainer-json.h"
#include "retainer-proposal.h"
#include "retainer-rate-card.h"

/* Exit statuses of the child processes. */
#define CHILD_OK 0
#define CHILD_SAVE_SUCCEEDED 3
#define CHILD_WRONG_ERROR 4
#define CHILD_FILE_CHANGED 5
#define CHILD_LEFTOVER 6
#define CHILD_SETUP_FAILED 7
#define CHILD_UNSUPPORTED 77

/* Children end with _exit(), before the parent's autoptrs run; under
 * valgrind what they point at would count as lost. Held here, it stays
 * reachable. */
static GBytes *volatile child_keeps_alive;

typedef struct
{
  char *dir;
  char *path;  /* dir/proposal.retainer */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("retainer-failures-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "proposal.retainer", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A proposal for `company`; a big one holds every text at its longest, so
 * that writing it takes many write() calls. */
static RetainerProposal *
make_proposal (const char *company,
               gboolean    big)
{
  RetainerProposal *proposal = retainer_proposal_new_sample ();

  g_free (proposal->company);
  proposal->company = g_strdup (company);
  if (big)
    {
      RetainerRateCard *card = proposal->rate_card;
      g_autofree char *long_text = g_strnfill (RETAINER_TEXT_MAX_LENGTH, 'x');

      g_free (proposal->contact);
      proposal->contact = g_strdup (long_text);
      g_free (proposal->industry);
      proposal->industry = g_strdup (long_text);
      for (guint i = 0; i < card->n_tiers; i++)
        {
          g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

          for (guint j = 0; j < 40; j++)
            g_strv_builder_add (builder, long_text);
          g_strfreev (card->tiers[i].includes);
          card->tiers[i].includes = g_strv_builder_end (builder);
        }
    }
  return proposal;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/* Saves and returns the bytes written. */
static GBytes *
save_and_read (const RetainerProposal *proposal,
               const char             *path)
{
  g_autoptr (GError) error = NULL;

  retainer_proposal_save (proposal, path, &error);
  g_assert_no_error (error);
  return read_bytes (path);
}

/* The previous version of the file, as a founder saved it earlier. */
static GBytes *
save_previous_version (const char *path)
{
  g_autoptr (RetainerProposal) proposal = make_proposal ("Acme", FALSE);

  return save_and_read (proposal, path);
}

/* Names in `dir` other than `keep`: a failed save must leave none. */
static guint
count_strangers (const char *dir_path,
                 const char *keep)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_strcmp0 (name, keep) != 0)
      {
        g_printerr ("# left behind: %s\n", name);
        n++;
      }
  return n;
}

/* In a child: the save of `next` must fail with a write error and leave
 * `before` as it was. Returns a CHILD_* status. */
static int
child_check_failed_save (const char *path,
                         GBytes     *before)
{
  g_autoptr (RetainerProposal) next = make_proposal ("Next Version Ltd", TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  if (retainer_proposal_save (next, path, &error))
    return CHILD_SAVE_SUCCEEDED;
  g_printerr ("# the save failed as it should: %s\n", error->message);
  if (!g_error_matches (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_WRITE)
      || strstr (error->message, base) == NULL)
    return CHILD_WRONG_ERROR;

  after = read_bytes (path);
  if (after == NULL || !g_bytes_equal (before, after))
    return CHILD_FILE_CHANGED;
  if (count_strangers (dir, base) != 0)
    return CHILD_LEFTOVER;
  return CHILD_OK;
}

static int
wait_child (pid_t pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  if (WIFSIGNALED (status))
    g_error ("the child process died of signal %d", WTERMSIG (status));
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
assert_child_ok (int         status,
                 const char *what)
{
  switch (status)
    {
    case CHILD_OK:
      return;
    case CHILD_UNSUPPORTED:
      {
        g_autofree char *reason = g_strdup_printf ("%s: not possible on this machine", what);
        g_test_skip (reason);
      }
      return;
    case CHILD_SAVE_SUCCEEDED:
      g_error ("%s: the save succeeded; the failure was not provoked", what);
      break;
    case CHILD_WRONG_ERROR:
      g_error ("%s: the save failed without a write error naming the file", what);
      break;
    case CHILD_FILE_CHANGED:
      g_error ("%s: the previous file was changed or lost", what);
      break;
    case CHILD_LEFTOVER:
      g_error ("%s: a temporary file was left next to the proposal", what);
      break;
    default:
      g_error ("%s: the child failed to set up (status %d)", what, status);
    }
}

/* A private mount namespace, so mounts made here vanish with the child.
 * Without root, an unprivileged user namespace gives the same where the
 * kernel allows one. */
static gboolean
enter_private_mounts (void)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1\n", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1\n", (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return FALSE;
      if (!g_file_set_contents ("/proc/self/setgroups", "deny", -1, NULL)
          || !g_file_set_contents ("/proc/self/uid_map", uid_map, -1, NULL)
          || !g_file_set_contents ("/proc/self/gid_map", gid_map, -1, NULL))
        return FALSE;
    }

  /* The kernel ignores the type here; a string keeps valgrind quiet. */
  return mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) == 0;
}

/* The parent of the file is a regular file: ENOTDIR stops root as well. */
static void
test_parent_is_a_file (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (RetainerProposal) proposal = make_proposal ("Acme", FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->path, "inside.retainer", NULL);
  g_autoptr (GBytes) before = save_and_read (proposal, fixture->path);
  g_autoptr (GBytes) after = NULL;

  g_assert_false (retainer_proposal_save (proposal, path, &error));
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "inside.retainer"));
  g_assert_nonnull (strstr (error->message, "left unchanged"));
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_strangers (fixture->dir, "proposal.retainer"), ==, 0);
}

/* A folder the founder may not write to: chmod, and for root a child that
 * becomes the unprivileged user nobody first. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (GBytes) before = save_previous_version (fixture->path);
  pid_t pid;

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  child_keeps_alive = before;
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgroups (0, NULL) != 0 || setgid (65534) != 0
                              || setuid (65534) != 0))
        _exit (CHILD_SETUP_FAILED);
      _exit (child_check_failed_save (fixture->path, before));
    }
  assert_child_ok (wait_child (pid), "read-only folder");
}

/* A read-only mount: EROFS, which root cannot override either. */
static void
test_read_only_mount (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GBytes) before = save_previous_version (fixture->path);
  pid_t pid;

  child_keeps_alive = before;
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (!enter_private_mounts ()
          || mount (fixture->dir, fixture->dir, "none", MS_BIND, NULL) != 0
          || mount ("none", fixture->dir, "none", MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
        _exit (CHILD_UNSUPPORTED);
      _exit (child_check_failed_save (fixture->path, before));
    }
  assert_child_ok (wait_child (pid), "read-only mount");
}

/* In a child, on a 256 KiB tmpfs of its own: save, fill the disk, save
 * again. Returns a CHILD_* status. */
static int
child_full_disk (const Fixture *fixture)
{
  g_autoptr (RetainerProposal) next = make_proposal ("Next Version Ltd", TRUE);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *filler = g_build_filename (fixture->dir, "filler", NULL);
  char block[4096] = { 0 };
  int fd;

  if (!enter_private_mounts ()
      || mount ("tmpfs", fixture->dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=256k,mode=0700") != 0)
    return CHILD_UNSUPPORTED;

  before = save_previous_version (fixture->path);
  fd = open (filler, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return CHILD_SETUP_FAILED;
  while (write (fd, block, sizeof block) > 0)
    ;
  if (errno != ENOSPC)
    return CHILD_SETUP_FAILED;
  close (fd);

  if (retainer_proposal_save (next, fixture->path, &error))
    return CHILD_SAVE_SUCCEEDED;
  g_printerr ("# the save failed as it should: %s\n", error->message);
  if (!g_error_matches (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_WRITE))
    return CHILD_WRONG_ERROR;
  after = read_bytes (fixture->path);
  if (after == NULL || !g_bytes_equal (before, after))
    return CHILD_FILE_CHANGED;
  /* The filler is the test's own; anything else was left by the save. */
  g_unlink (filler);
  if (count_strangers (fixture->dir, "proposal.retainer") != 0)
    return CHILD_LEFTOVER;
  return CHILD_OK;
}

/* A disk with no room left. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  user_data)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (child_full_disk (fixture));
  assert_child_ok (wait_child (pid), "full disk");
}

/* The same as a full disk, without privileges: the file size limit makes
 * write() fail with EFBIG once the new file passes 8 KiB. */
static void
test_file_size_limit (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GBytes) before = save_previous_version (fixture->path);
  pid_t pid;

  child_keeps_alive = before;
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { 8192, 8192 };

      /* Otherwise the kernel ends the process with SIGXFSZ. */
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (CHILD_SETUP_FAILED);
      _exit (child_check_failed_save (fixture->path, before));
    }
  assert_child_ok (wait_child (pid), "file size limit");
}

/* Saving over and over, killed at random moments: the file on disk is
 * always one whole version or the other. */
static void
test_killed_during_save (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (RetainerProposal) first = make_proposal ("First Version Inc", TRUE);
  g_autoptr (RetainerProposal) second = make_proposal ("Second Version Ltd", TRUE);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.retainer", NULL);
  g_autoptr (GBytes) first_bytes = save_and_read (first, second_path);
  g_autoptr (GBytes) second_bytes = save_and_read (second, second_path);
  guint n_first = 0, n_second = 0, n_leftovers = 0;
  const guint rounds = 40;

  g_unlink (second_path);
  g_bytes_unref (save_and_read (first, fixture->path));
  g_assert_cmpuint (g_bytes_get_size (second_bytes), >, 50000);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GBytes) on_disk = NULL;
      g_autoptr (RetainerProposal) loaded = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) dir = NULL;
      const char *name;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint i = 0;; i++)
            if (!retainer_proposal_save (i % 2 == 0 ? second : first, fixture->path, NULL))
              _exit (CHILD_SETUP_FAILED);
        }

      g_usleep (g_test_rand_int_range (0, 40000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      while (waitpid (pid, NULL, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);

      on_disk = read_bytes (fixture->path);
      g_assert_nonnull (on_disk);
      if (g_bytes_equal (on_disk, first_bytes))
        n_first++;
      else if (g_bytes_equal (on_disk, second_bytes))
        n_second++;
      else
        g_error ("round %u: the file is neither version (%" G_GSIZE_FORMAT " bytes)",
                 round, g_bytes_get_size (on_disk));
      loaded = retainer_proposal_load (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);

      /* A killed save may leave its temporary file; it never replaces the
       * proposal, and the next successful save does not mind it. */
      dir = g_dir_open (fixture->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_strcmp0 (name, "proposal.retainer") != 0)
          {
            g_autofree char *leftover = g_build_filename (fixture->dir, name, NULL);

            g_assert_true (g_str_has_prefix (name, "proposal.retainer."));
            g_unlink (leftover);
            n_leftovers++;
          }
    }

  g_test_message ("%u kills: %u left the first version, %u the second, %u left a temporary "
                  "file behind", rounds, n_first, n_second, n_leftovers);
}

static void
copy_fixture (const char *name,
              const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", name, NULL), &contents,
                       &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A proposal written by a newer Retainer: refused, and never touched, by
 * the core and by the command line. */
static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  const char *retainer = g_getenv ("RETAINER_BIN");
  GStatBuf st_before, st_after;

  copy_fixture ("bad-version-2.retainer", fixture->path);
  before = read_bytes (fixture->path);
  g_assert_cmpint (g_stat (fixture->path, &st_before), ==, 0);

  proposal = retainer_proposal_load (fixture->path, &error);
  g_assert_null (proposal);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "proposal.retainer"));
  g_assert_nonnull (strstr (error->message, "newer version of Retainer"));
  g_assert_nonnull (strstr (error->message, "file version 2"));
  g_assert_nonnull (strstr (error->message, "not changed"));

  if (retainer != NULL)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr (GError) spawn_error = NULL;
      const char *argv[] = { retainer, "--summary", fixture->path, NULL };
      int wait_status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &wait_status, &spawn_error);
      g_assert_no_error (spawn_error);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "newer version of Retainer"));
    }

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (fixture->path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_cmpuint (count_strangers (fixture->dir, "proposal.retainer"), ==, 0);
}

/* A rate card of a newer Retainer is refused the same way. */
static void
test_newer_rate_card (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "card.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = NULL;

  copy_fixture ("bad-version-2.json", path);
  card = retainer_rate_card_load (path, &error);
  g_assert_null (card);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "card.json"));
}

/* The line of the first line of `text` holding `needle`. */
static guint
line_of (const char *text,
         const char *needle)
{
  const char *hit = strstr (text, needle);
  guint line = 1;

  g_assert_nonnull (hit);
  for (const char *p = text; p < hit; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* The founder typed "5,000" for the second tier's price: the message names
 * the file, the field and the line where the mistake is, not the line of
 * the first tier's price. */
static void
test_hand_edited_card (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "my-card.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected_line = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerRateCard) card = NULL;

  copy_fixture ("bad-hand-edited-card.json", path);
  g_file_get_contents (path, &text, NULL, NULL);
  expected_line = g_strdup_printf ("line %u:", line_of (text, "\"price\": \"5,000\""));

  card = retainer_rate_card_load (path, &error);
  g_assert_null (card);
  g_assert_error (error, RETAINER_JSON_ERROR, RETAINER_JSON_ERROR_FIELD);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "my-card.json"));
  g_assert_nonnull (strstr (error->message, "“tiers[1].price”"));
  g_assert_nonnull (strstr (error->message, expected_line));
}

/* The same mistake inside a proposal's own copy of the card. */
static void
test_hand_edited_card_in_proposal (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autofree char *text = NULL;
  g_autofree char *expected_line = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RetainerProposal) proposal = NULL;

  copy_fixture ("bad-hand-edited-card.retainer", fixture->path);
  g_file_get_contents (fixture->path, &text, NULL, NULL);
  expected_line = g_strdup_printf ("line %u:", line_of (text, "\"price\": \"5,000\""));

  proposal = retainer_proposal_load (fixture->path, &error);
  g_assert_null (proposal);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“rate_card.tiers[1].price”"));
  g_assert_nonnull (strstr (error->message, expected_line));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/failures/save/parent-is-a-file", test_parent_is_a_file);
  ADD ("/failures/save/read-only-folder", test_read_only_folder);
  ADD ("/failures/save/read-only-mount", test_read_only_mount);
  ADD ("/failures/save/full-disk", test_full_disk);
  ADD ("/failures/save/file-size-limit", test_file_size_limit);
  ADD ("/failures/save/killed-during-save", test_killed_during_save);
  ADD ("/failures/open/newer-version", test_newer_version);
  ADD ("/failures/open/newer-rate-card", test_newer_rate_card);
  ADD ("/failures/open/hand-edited-card", test_hand_edited_card);
  ADD ("/failures/open/hand-edited-card-in-proposal", test_hand_edited_card_in_proposal);

#undef ADD

  return g_test_run ();
}
