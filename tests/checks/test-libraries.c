/* test-libraries.c: the build links the libraries the Flatpak bundles.
 *
 * The Flatpak manifest pins cJSON and libharu to release tags; build-aux/dev
 * builds exactly those sources for the tests. This program reads the tags
 * from the manifest and compares them with the versions of the libraries
 * this build actually runs with, so the tests can never quietly pass
 * against another version of either library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cjson/cJSON.h>
#include <glib.h>
#include <hpdf.h>

static const char *manifest_path;

/* The release tag of the manifest's module NAME, without its leading "v". */
static char *
manifest_tag (const char *module_name)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  cJSON *root;
  const cJSON *module;
  char *tag = NULL;

  if (!g_file_get_contents (manifest_path, &text, &length, &error))
    g_error ("%s", error->message);
  root = cJSON_ParseWithLength (text, length);
  g_assert_nonnull (root);

  cJSON_ArrayForEach (module, cJSON_GetObjectItemCaseSensitive (root, "modules"))
    {
      const cJSON *name = cJSON_GetObjectItemCaseSensitive (module, "name");
      const cJSON *source;

      if (!cJSON_IsString (name) || g_strcmp0 (name->valuestring, module_name) != 0)
        continue;
      cJSON_ArrayForEach (source, cJSON_GetObjectItemCaseSensitive (module, "sources"))
        {
          const cJSON *found = cJSON_GetObjectItemCaseSensitive (source, "tag");

          if (cJSON_IsString (found))
            tag = g_strdup (found->valuestring + (found->valuestring[0] == 'v'));
        }
    }
  cJSON_Delete (root);
  g_assert_nonnull (tag);
  return tag;
}

static void
test_cjson_is_the_bundled_release (void)
{
  g_autofree char *pinned = manifest_tag ("cjson");

  g_test_message ("manifest pins cJSON %s; linked cJSON %s", pinned, cJSON_Version ());
  g_assert_cmpstr (cJSON_Version (), ==, pinned);
}

static void
test_libharu_is_the_bundled_release (void)
{
  g_autofree char *pinned = manifest_tag ("libharu");

  /* The header the code compiled against and the library it runs with. */
  g_test_message ("manifest pins libharu %s; header %s, linked %s", pinned,
                  HPDF_VERSION_TEXT, HPDF_GetVersion ());
  g_assert_cmpstr (HPDF_VERSION_TEXT, ==, pinned);
  g_assert_cmpstr (HPDF_GetVersion (), ==, pinned);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    g_error ("usage: test-libraries FLATPAK-MANIFEST");
  manifest_path = argv[1];

  g_test_add_func ("/checks/libraries/cjson-is-bundled-release",
                   test_cjson_is_the_bundled_release);
  g_test_add_func ("/checks/libraries/libharu-is-bundled-release",
                   test_libharu_is_the_bundled_release);
  return g_test_run ();
}
