/* retainer-client-store.c: the folder where clients are kept, with export
 * and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "retainer-client.h"
#include "retainer-i18n.h"

/**
 * retainer_clients_dir:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/retainer/clients, the folder
 *   the Flatpak sandbox always lets Retainer write
 */
char *
retainer_clients_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "retainer", "clients", NULL);
}

/* "Northwind Legal LLP" -> "northwind-legal-llp" */
static void
append_slug (GString    *out,
             const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  gboolean dash = out->len > 0;

  for (const char *p = ascii; *p != '\0' && out->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }
}

/**
 * retainer_client_file_name:
 * @client: a client
 *
 * Returns: (transfer full): the name the client is kept under: its company
 *   and proposal number in plain letters, like
 *   "northwind-legal-llp-rt-0042.retainer"
 */
char *
retainer_client_file_name (const RetainerClient *client)
{
  g_autoptr (GString) name = g_string_new (NULL);

  append_slug (name, client->proposal->company);
  append_slug (name, client->proposal->number);
  if (name->len == 0)
    {
      /* Translators: the file name of a client without a company name;
       * letters, digits and dashes only. */
      append_slug (name, _("client"));
      append_slug (name, client->accepted_date);
    }
  g_string_append (name, RETAINER_PROPOSAL_EXTENSION);
  return g_strdup (name->str);
}

/**
 * retainer_client_entry_free:
 * @entry: (nullable): a listed client
 */
void
retainer_client_entry_free (RetainerClientEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  retainer_client_free (entry->client);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const RetainerClientEntry *entry_a = *(RetainerClientEntry *const *) a;
  const RetainerClientEntry *entry_b = *(RetainerClientEntry *const *) b;
  g_autofree char *key_a = g_utf8_collate_key (entry_a->client->proposal->company, -1);
  g_autofree char *key_b = g_utf8_collate_key (entry_b->client->proposal->company, -1);
  int order = strcmp (key_a, key_b);

  return order != 0 ? order : strcmp (entry_a->path, entry_b->path);
}

/**
 * retainer_clients_list:
 * @problems: (out) (optional) (transfer full): one message per file of the
 *   folder that did not load
 *
 * Reads every client kept in retainer_clients_dir(). A file that does not
 * load is reported and skipped, never changed.
 *
 * Returns: (transfer full) (element-type RetainerClientEntry): the clients,
 *   by company name
 */
GPtrArray *
retainer_clients_list (GPtrArray **problems)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) retainer_client_entry_free);
  g_autofree char *dir_path = retainer_clients_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);
  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;
      RetainerClient *client;

      if (name[0] == '.' || !g_str_has_suffix (name, RETAINER_PROPOSAL_EXTENSION))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      client = retainer_client_load (path, &error);
      if (client == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (*problems, g_strdup (error->message));
          continue;
        }

      {
        RetainerClientEntry *entry = g_new0 (RetainerClientEntry, 1);

        entry->path = g_steal_pointer (&path);
        entry->client = client;
        g_ptr_array_add (entries, entry);
      }
    }

  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

static gboolean
make_clients_dir (const char *dir_path,
                  GError    **error)
{
  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_name = g_filename_display_name (dir_path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the clients folder %s: %s"), display_name,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * retainer_clients_store:
 * @client: a valid client
 * @error: a #GError
 *
 * Saves the client in retainer_clients_dir() under
 * retainer_client_file_name(), atomically.
 *
 * Returns: (transfer full) (nullable): the file's path
 */
char *
retainer_clients_store (const RetainerClient *client,
                        GError              **error)
{
  g_autofree char *dir_path = retainer_clients_dir ();
  g_autofree char *name = retainer_client_file_name (client);
  g_autofree char *path = g_build_filename (dir_path, name, NULL);

  if (!make_clients_dir (dir_path, error) || !retainer_client_save (client, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * retainer_client_export:
 * @client: a valid client
 * @path: the file to write, anywhere the user chose
 * @error: a #GError
 *
 * Writes the client to a file for another computer or a colleague; the
 * same format as the kept file, saved atomically.
 */
gboolean
retainer_client_export (const RetainerClient *client,
                        const char           *path,
                        GError              **error)
{
  return retainer_client_save (client, path, error);
}

/**
 * retainer_clients_import:
 * @path: a client file from elsewhere
 * @replace: whether to replace a client kept under the same name
 * @error: a #GError
 *
 * Keeps a copy of a client file in retainer_clients_dir(). A file that does
 * not load as a client is refused with its error, and so is one whose
 * name is taken when @replace is %FALSE: either way nothing is written.
 *
 * Returns: (transfer full) (nullable): the path the client is kept at
 */
char *
retainer_clients_import (const char *path,
                         gboolean    replace,
                         GError    **error)
{
  g_autoptr (RetainerClient) client = retainer_client_load (path, error);
  g_autofree char *dir_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;

  if (client == NULL)
    return NULL;

  dir_path = retainer_clients_dir ();
  name = retainer_client_file_name (client);
  target = g_build_filename (dir_path, name, NULL);
  if (!replace && g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, RETAINER_CLIENT_ERROR, RETAINER_CLIENT_ERROR_EXISTS,
                   _("%s was not imported: a client named %s is already kept. Replace it, or "
                     "import the file under another company name or number."),
                   display_name, name);
      return NULL;
    }

  if (!make_clients_dir (dir_path, error) || !retainer_client_save (client, target, error))
    return NULL;
  return g_steal_pointer (&target);
}
