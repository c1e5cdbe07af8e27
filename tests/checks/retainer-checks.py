#!/usr/bin/env python3
# Checks that Retainer installs and integrates like a GNOME app: the files
# GNOME reads (desktop file, metainfo, schema, MIME type, icons), the
# translations, po/POTFILES.in, the Flatpak manifest and a staged install.
#
#   retainer-checks.py desktop   BUILT_DESKTOP_FILE APP_ID
#   retainer-checks.py metainfo  BUILT_METAINFO_FILE APP_ID VERSION
#   retainer-checks.py schema    SCHEMA_XML APP_ID GETTEXT_PACKAGE
#   retainer-checks.py po        SOURCE_ROOT GETTEXT_PACKAGE
#   retainer-checks.py potfiles  SOURCE_ROOT
#   retainer-checks.py manifest  MANIFEST BUILD_DIR MESON APP_ID
#   retainer-checks.py install   BUILD_DIR SOURCE_ROOT MESON APP_ID GETTEXT_PACKAGE
#   retainer-checks.py versions  SOURCE_ROOT APP_ID
#
# Exit status: 0 passed, 1 failed, 77 skipped (a tool the check needs is not
# installed; meson reports SKIP, never a silent pass). Standard library only.

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77

# The only runtime permissions the app may ask for: files come and go through
# the portals (GtkFileDialog, GtkFileLauncher), so no --filesystem and no network.
FINISH_ARGS = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']

# appstreamcli older than 1.0 does not know <developer> yet (1.0 requires it
# and deprecates <developer_name>); that one finding is expected there.
OLD_APPSTREAM_UNKNOWN = {('unknown-tag', 'developer')}


class Failures:
    def __init__(self, name):
        self.name = name
        self.messages = []

    def fail(self, message):
        self.messages.append(message)
        print('FAIL: ' + message)

    def note(self, message):
        print('# ' + message)

    def finish(self):
        if self.messages:
            print('%s: %d problem(s)' % (self.name, len(self.messages)))
            return 1
        print('%s: ok' % self.name)
        return 0


def tool(name):
    path = shutil.which(name)
    if path is None:
        print('SKIP: %s is not installed' % name)
    return path


def run(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **kwargs)


def read_desktop_entry(path):
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return dict(parser['Desktop Entry'])


def semicolon_list(value):
    return [item for item in value.split(';') if item]


# --- desktop ---------------------------------------------------------------

def check_desktop(path, app_id):
    result = Failures('desktop file')
    validator = tool('desktop-file-validate')
    if validator is None:
        return SKIP
    proc = run([validator, path])
    output = (proc.stdout + proc.stderr).strip()
    # Errors, warnings and hints alike: a clean file prints nothing.
    if proc.returncode != 0 or output:
        result.fail('desktop-file-validate %s:\n%s' % (path, output))

    entry = read_desktop_entry(path)
    if entry.get('Icon') != app_id:
        result.fail('Icon=%s, expected %s' % (entry.get('Icon'), app_id))
    exec_line = entry.get('Exec', '').split()
    if not exec_line or exec_line[0] != 'retainer' or '%f' not in exec_line[1:]:
        result.fail('Exec=%s, expected "retainer %%f" so a double-click opens the file'
                    % entry.get('Exec'))
    categories = semicolon_list(entry.get('Categories', ''))
    for category in ('Office', 'Finance'):
        if category not in categories:
            result.fail('Categories lacks %s' % category)
    if 'application/x-retainer-proposal' not in semicolon_list(entry.get('MimeType', '')):
        result.fail('MimeType lacks application/x-retainer-proposal')
    if not semicolon_list(entry.get('Keywords', '')):
        result.fail('no Keywords: the app is hard to find in the overview')
    return result.finish()


# --- metainfo --------------------------------------------------------------

def parse_appstream_yaml(text):
    """The few fields of `appstreamcli validate --format yaml` we need."""
    issues = []
    validator = ''
    current = None
    for line in text.splitlines():
        match = re.match(r'^Validator:\s*(\S+)', line)
        if match:
            validator = match.group(1)
        match = re.match(r'^- tag:\s*(\S+)', line)
        if match:
            current = {'tag': match.group(1)}
            issues.append(current)
            continue
        match = re.match(r'^  (severity|hint|line):\s*(.*)$', line)
        if match and current is not None:
            current[match.group(1)] = match.group(2).strip()
    return validator, issues


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r'\d+', text)[:3])


def check_metainfo(path, app_id, version):
    result = Failures('metainfo')
    appstreamcli = tool('appstreamcli')
    if appstreamcli is None:
        return SKIP
    proc = run([appstreamcli, 'validate', '--no-net', '--pedantic', '--format', 'yaml', path])
    validator, issues = parse_appstream_yaml(proc.stdout)
    old_validator = validator and version_tuple(validator) < (1, 0)
    for issue in issues:
        severity = issue.get('severity', '?')
        key = (issue['tag'], issue.get('hint', ''))
        if severity == 'pedantic':
            # e.g. cid-contains-uppercase-letter: the reverse-DNS app id
            # keeps its capital, as every GNOME app's does.
            result.note('pedantic, allowed: %s %s' % key)
            continue
        if old_validator and severity == 'info' and key in OLD_APPSTREAM_UNKNOWN:
            result.note('appstream %s predates <developer>: %s %s' % ((validator,) + key))
            continue
        result.fail('appstreamcli (%s) %s: %s %s (line %s)'
                    % (validator, severity, issue['tag'], issue.get('hint', ''),
                       issue.get('line', '?')))
    if proc.returncode != 0 and not result.messages:
        result.fail('appstreamcli validate exited %d:\n%s%s'
                    % (proc.returncode, proc.stdout, proc.stderr))

    root = ET.parse(path).getroot()
    if root.findtext('id') != app_id:
        result.fail('<id> is %s, expected %s' % (root.findtext('id'), app_id))
    launchable = root.find("launchable[@type='desktop-id']")
    if launchable is None or launchable.text != app_id + '.desktop':
        result.fail('<launchable type="desktop-id"> must name %s.desktop' % app_id)
    if 'retainer' not in [b.text for b in root.findall('provides/binary')]:
        result.fail('<provides> lacks <binary>retainer</binary>')
    releases = root.findall('releases/release')
    if not releases:
        result.fail('no <release>')
    elif releases[0].get('version') != version:
        result.fail('newest <release> is %s but the project version is %s'
                    % (releases[0].get('version'), version))
    if root.find("content_rating[@type='oars-1.1']") is None:
        result.fail('no <content_rating type="oars-1.1">')
    if not root.findall('screenshots/screenshot/image'):
        result.fail('no screenshots')
    if len(root.findall('branding/color')) < 2:
        result.fail('<branding> needs a light and a dark colour')
    return result.finish()


# --- schema ----------------------------------------------------------------

def check_schema(path, app_id, gettext_package):
    result = Failures('schema')
    compiler = tool('glib-compile-schemas')
    if compiler is None:
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(path, tmp)
        proc = run([compiler, '--strict', '--dry-run', tmp])
        output = (proc.stdout + proc.stderr).strip()
        if proc.returncode != 0 or output:
            result.fail('glib-compile-schemas --strict:\n' + output)

    root = ET.parse(path).getroot()
    if root.get('gettext-domain') != gettext_package:
        result.fail('<schemalist gettext-domain="%s">: the summaries are not translated'
                    % gettext_package)
    schema = root.find("schema[@id='%s']" % app_id)
    if schema is None:
        result.fail('no <schema id="%s">' % app_id)
    else:
        expected_path = '/' + app_id.replace('.', '/') + '/'
        if schema.get('path') != expected_path:
            result.fail('schema path is %s, expected %s' % (schema.get('path'), expected_path))
        for key in schema.findall('key'):
            if not (key.findtext('summary') or '').strip():
                result.fail('key %s has no <summary>' % key.get('name'))
    return result.finish()


# --- translations ----------------------------------------------------------

# The same keywords and flags as meson's i18n.gettext(preset: 'glib').
XGETTEXT_GLIB = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def read_list(path):
    """Entries of LINGUAS or POTFILES.in: whitespace-separated, # comments."""
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            entries.extend(line.split())
    return entries


def check_po(source_root, gettext_package):
    result = Failures('translations')
    msgfmt = tool('msgfmt')
    xgettext = tool('xgettext')
    if msgfmt is None or xgettext is None:
        return SKIP
    po_dir = os.path.join(source_root, 'po')
    linguas = read_list(os.path.join(po_dir, 'LINGUAS'))

    # The template must generate cleanly before any translation can exist.
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, gettext_package + '.pot')
        proc = run([xgettext, '--package-name=' + gettext_package, '--directory=' + source_root,
                    '--files-from=' + os.path.join(po_dir, 'POTFILES.in'), '--output=' + pot]
                   + XGETTEXT_GLIB)
        if proc.returncode != 0 or 'warning' in proc.stderr.lower():
            result.fail('xgettext over po/POTFILES.in:\n' + proc.stderr.strip())
        elif not os.path.exists(pot):
            result.fail('xgettext found no translatable string at all')
        else:
            with open(pot, encoding='utf-8') as f:
                count = f.read().count('\nmsgid ') - 1
            result.note('%s.pot generates: %d messages' % (gettext_package, count))

    po_files = sorted(name[:-3] for name in os.listdir(po_dir) if name.endswith('.po'))
    for lang in linguas:
        if lang not in po_files:
            result.fail('po/LINGUAS lists %s but po/%s.po does not exist' % (lang, lang))
    for lang in po_files:
        if lang not in linguas:
            result.fail('po/%s.po is not listed in po/LINGUAS, so it is never built' % lang)
    for lang in po_files:
        path = os.path.join(po_dir, lang + '.po')
        proc = run([msgfmt, '--check', '--statistics', '--output-file=' + os.devnull, path])
        # A missing header field or a fuzzy header is a warning to msgfmt;
        # a finished translation has neither.
        if proc.returncode != 0 or 'warning:' in proc.stderr:
            result.fail('msgfmt --check po/%s.po:\n%s' % (lang, proc.stderr.strip()))
        else:
            result.note('po/%s.po: %s' % (lang, proc.stderr.strip()))
    if not linguas and not po_files:
        result.note('po/LINGUAS is empty: no translation to check with msgfmt yet, '
                    'only that the template generates')
    return result.finish()


TRANSLATABLE_C = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(')
TRANSLATABLE_UI = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')


def strip_c_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def translatable_files(source_root):
    found = []
    for top, dirs, files in os.walk(os.path.join(source_root, 'src')):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(('.c', '.h')):
                path = os.path.join(top, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    # A macro that defines _() is not a translatable string.
                    code = re.sub(r'(?m)^\s*#\s*define\s.*$', '', strip_c_comments(f.read()))
                    if TRANSLATABLE_C.search(code):
                        found.append(os.path.relpath(path, source_root))
    ui_dir = os.path.join(source_root, 'ui')
    if os.path.isdir(ui_dir):
        for name in sorted(os.listdir(ui_dir)):
            if name.endswith('.ui'):
                with open(os.path.join(ui_dir, name), encoding='utf-8') as f:
                    if TRANSLATABLE_UI.search(f.read()):
                        found.append('ui/' + name)
    data_dir = os.path.join(source_root, 'data')
    for name in sorted(os.listdir(data_dir)):
        path = os.path.join(data_dir, name)
        if name.endswith('.in'):
            # Desktop and metainfo templates exist to be translated.
            found.append('data/' + name)
        elif name.endswith('.gschema.xml'):
            with open(path, encoding='utf-8') as f:
                if re.search(r'<(summary|description)>', f.read()):
                    found.append('data/' + name)
    return found


def check_potfiles(source_root):
    result = Failures('POTFILES')
    potfiles = read_list(os.path.join(source_root, 'po', 'POTFILES.in'))
    for entry in potfiles:
        if not os.path.exists(os.path.join(source_root, entry)):
            result.fail('po/POTFILES.in lists %s, which does not exist' % entry)
    if potfiles != sorted(potfiles):
        result.fail('po/POTFILES.in is not sorted')
    if len(set(potfiles)) != len(potfiles):
        result.fail('po/POTFILES.in lists a file twice')
    for path in translatable_files(source_root):
        if path not in potfiles:
            result.fail('%s has translatable strings but is not in po/POTFILES.in' % path)
    return result.finish()


# --- Flatpak manifest ------------------------------------------------------

def meson_options(build_dir, meson):
    proc = run([meson, 'introspect', '--buildoptions', build_dir])
    if proc.returncode != 0:
        raise RuntimeError('meson introspect failed:\n' + proc.stderr)
    return json.loads(proc.stdout)


def check_manifest(path, build_dir, meson, app_id):
    result = Failures('Flatpak manifest')
    path = os.path.abspath(path)
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except ValueError as error:
        result.fail('%s does not parse as JSON: %s' % (path, error))
        return result.finish()

    expected = {
        'id': app_id,
        'runtime': 'org.gnome.Platform',
        'runtime-version': '50',
        'sdk': 'org.gnome.Sdk',
        'command': 'retainer',
    }
    for key, value in expected.items():
        if manifest.get(key) != value:
            result.fail('"%s" is %r, expected %r' % (key, manifest.get(key), value))
    finish_args = manifest.get('finish-args', [])
    if sorted(finish_args) != sorted(FINISH_ARGS):
        result.fail('finish-args are %s; exactly %s are allowed'
                    % (finish_args, FINISH_ARGS))

    modules = manifest.get('modules', [])
    for module in modules:
        if not isinstance(module, dict):
            result.fail('module %r is not inline' % module)
            continue
        for source in module.get('sources', []):
            kind = source.get('type')
            if kind == 'git':
                if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
                    result.fail('module %s: git source without a full commit hash'
                                % module.get('name'))
                if not source.get('tag'):
                    result.fail('module %s: git source without its release tag'
                                % module.get('name'))
            elif kind in ('archive', 'file'):
                if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                    result.fail('module %s: %s source without a sha256'
                                % (module.get('name'), kind))

    by_name = {m.get('name'): m for m in modules if isinstance(m, dict)}
    cjson = by_name.get('cjson')
    if cjson is None:
        result.fail('no cjson module')
    else:
        for option in ('-DCMAKE_POLICY_VERSION_MINIMUM=3.5', '-DENABLE_CJSON_TEST=OFF',
                       '-DENABLE_CJSON_UTILS=OFF'):
            if option not in cjson.get('config-opts', []):
                result.fail('cjson module lacks %s' % option)
    if 'libharu' not in by_name:
        result.fail('no libharu module')

    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    if app.get('name') != 'retainer' or app.get('buildsystem') != 'meson':
        result.fail('the last module must be retainer, built with meson')
    sources = app.get('sources', [])
    if not any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources):
        result.fail('the retainer module must build this checkout (type dir, path "..")')

    # The -D options must be this project's options, all of them, so a new
    # option is a decision for the Flatpak too.
    manifest_options = {}
    for opt in app.get('config-opts', []):
        match = re.fullmatch(r'-D([A-Za-z0-9_.-]+)=(.*)', opt)
        if match:
            manifest_options[match.group(1)] = match.group(2)
    try:
        options = meson_options(build_dir, meson)
    except (RuntimeError, ValueError) as error:
        result.fail(str(error))
        options = []
    project = {o['name'] for o in options if o.get('section') == 'user'}
    builtin = {o['name'] for o in options if o.get('section') != 'user'}
    for name in sorted(set(manifest_options) - project - builtin):
        result.fail('manifest sets -D%s, which is not an option of this build' % name)
    for name in sorted(project - set(manifest_options)):
        result.fail('manifest does not set the build option -D%s' % name)
    if manifest_options.get('gui') != 'true':
        result.fail('the Flatpak must build the window (-Dgui=true)')

    builder = shutil.which('flatpak-builder')
    if builder is None:
        result.note('flatpak-builder is not installed: checked the manifest by hand only')
    else:
        # Parses the manifest the way a packager's build would, without
        # needing the runtime; unknown properties only warn, so watch stderr.
        proc = run([builder, '--show-manifest', path], cwd=tempfile.gettempdir())
        if proc.returncode != 0 or proc.stderr.strip():
            result.fail('flatpak-builder --show-manifest:\n' + proc.stderr.strip())
        else:
            try:
                shown = json.loads(proc.stdout)
            except ValueError:
                shown = None
            if shown != manifest:
                result.fail('flatpak-builder read the manifest differently from how it is written')
    return result.finish()


# --- staged install --------------------------------------------------------

def check_install(build_dir, source_root, meson, app_id, gettext_package):
    result = Failures('install')
    options = {o['name']: o['value'] for o in meson_options(build_dir, meson)}
    with tempfile.TemporaryDirectory(prefix='retainer-install-') as destdir:
        proc = run([meson, 'install', '-C', build_dir, '--no-rebuild', '--destdir', destdir])
        if proc.returncode != 0:
            result.fail('meson install failed:\n%s%s' % (proc.stdout, proc.stderr))
            return result.finish()
        prefix = destdir + options['prefix']

        def installed(option, *parts):
            base = options[option]
            if not os.path.isabs(base):
                base = os.path.join(options['prefix'], base)
            return os.path.join(destdir + base, *parts)

        datadir = lambda *parts: installed('datadir', *parts)
        expected = [
            installed('bindir', 'retainer'),
            datadir('applications', app_id + '.desktop'),
            datadir('metainfo', app_id + '.metainfo.xml'),
            datadir('icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'),
            datadir('icons', 'hicolor', 'symbolic', 'apps', app_id + '-symbolic.svg'),
            datadir('glib-2.0', 'schemas', app_id + '.gschema.xml'),
            datadir('mime', 'packages', app_id + '.xml'),
        ]
        for card in sorted(os.listdir(os.path.join(source_root, 'data', 'rate-cards'))):
            if card.endswith('.json'):
                expected.append(datadir('retainer', 'rate-cards', card))
        for lang in read_list(os.path.join(source_root, 'po', 'LINGUAS')):
            expected.append(installed('localedir', lang, 'LC_MESSAGES', gettext_package + '.mo'))
        for path in expected:
            if not os.path.isfile(path):
                result.fail('meson install did not produce %s' % os.path.relpath(path, destdir))
        if result.messages:
            return result.finish()

        binary = installed('bindir', 'retainer')
        if not os.access(binary, os.X_OK):
            result.fail('bin/retainer is not executable')
        readelf = shutil.which('readelf')
        if options.get('gui') and readelf:
            needed = run([readelf, '-d', binary]).stdout
            for library in ('libgtk-4.so', 'libadwaita-1.so'):
                if library not in needed:
                    result.fail('gui is on but bin/retainer does not link %s' % library)
        elif not options.get('gui'):
            result.note('built with -Dgui=false: bin/retainer is the command line only')

        # What the desktop file promises must be installed.
        entry = read_desktop_entry(datadir('applications', app_id + '.desktop'))
        program = entry.get('Exec', '').split()[0]
        if not os.path.isfile(installed('bindir', program)):
            result.fail('Exec=%s but bin/%s is not installed' % (entry.get('Exec'), program))
        icon_found = False
        for top, dirs, files in os.walk(datadir('icons', 'hicolor')):
            icon_found = icon_found or any(
                os.path.splitext(name)[0] == entry.get('Icon') for name in files)
        if not icon_found:
            result.fail('Icon=%s has no installed icon' % entry.get('Icon'))

        mime_xml = ET.parse(datadir('mime', 'packages', app_id + '.xml')).getroot()
        ns = '{http://www.freedesktop.org/standards/shared-mime-info}'
        defined = [t.get('type') for t in mime_xml.findall(ns + 'mime-type')]
        for mime_type in semicolon_list(entry.get('MimeType', '')):
            if mime_type not in defined:
                result.fail('the desktop file opens %s, which no installed MIME XML defines'
                            % mime_type)

        compiler = shutil.which('glib-compile-schemas')
        if compiler:
            with tempfile.TemporaryDirectory() as tmp:
                proc = run([compiler, '--strict', '--targetdir=' + tmp,
                            datadir('glib-2.0', 'schemas')])
                if proc.returncode != 0:
                    result.fail('installed schemas do not compile:\n' + proc.stderr)

        check_mime_detection(result, datadir('mime', 'packages', app_id + '.xml'), source_root)

        appstreamcli = shutil.which('appstreamcli')
        if appstreamcli:
            # The metainfo, desktop file and icon as a software centre finds them.
            proc = run([appstreamcli, 'validate-tree', '--no-net', '--format', 'yaml', prefix])
            validator, issues = parse_appstream_yaml(proc.stdout)
            if proc.returncode != 0 and not issues:
                result.fail('appstreamcli validate-tree exited %d:\n%s%s'
                            % (proc.returncode, proc.stdout, proc.stderr))
            old_validator = validator and version_tuple(validator) < (1, 0)
            for issue in issues:
                key = (issue['tag'], issue.get('hint', ''))
                if issue.get('severity') in ('error', 'warning') or (
                        issue.get('severity') == 'info'
                        and not (old_validator and key in OLD_APPSTREAM_UNKNOWN)):
                    result.fail('appstreamcli validate-tree: %s %s %s'
                                % (issue.get('severity'), issue['tag'], issue.get('hint', '')))
    return result.finish()


def check_mime_detection(result, mime_xml, source_root):
    """A proposal file is recognised by its name and, renamed, by its content."""
    updater = shutil.which('update-mime-database')
    gio = shutil.which('gio')
    if updater is None or gio is None:
        result.note('update-mime-database or gio missing: MIME detection not tried')
        return
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, 'share', 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(mime_xml, packages)
        base = '/usr/share/mime/packages/freedesktop.org.xml'
        if os.path.exists(base):
            shutil.copy(base, packages)
        proc = run([updater, os.path.join(tmp, 'share', 'mime')])
        if proc.returncode != 0:
            result.fail('update-mime-database rejects the MIME XML:\n' + proc.stderr)
            return
        sample = os.path.join(source_root, 'data', 'sample.retainer')
        named = os.path.join(tmp, 'Northwind.retainer')
        renamed = os.path.join(tmp, 'proposal-from-email')
        shutil.copy(sample, named)
        shutil.copy(sample, renamed)
        env = dict(os.environ, XDG_DATA_DIRS=os.path.join(tmp, 'share'),
                   XDG_DATA_HOME=os.path.join(tmp, 'nothing'))
        for path in (named, renamed):
            proc = run([gio, 'info', '--attributes=standard::content-type', path], env=env)
            match = re.search(r'standard::content-type:\s*(\S+)', proc.stdout)
            found = match.group(1) if match else proc.stderr.strip()
            if found != 'application/x-retainer-proposal':
                result.fail('%s is detected as %s, not application/x-retainer-proposal'
                            % (os.path.basename(path), found))


# --- versions named in one voice --------------------------------------------

# The platform floor: meson's version macros, and how the README names them.
FLOOR_MACROS = {
    'GLIB_VERSION': ('GLib', 'GLIB_VERSION_{0}_{1}'),
    'GDK_VERSION': ('GTK', 'GDK_VERSION_{0}_{1}'),
    'ADW_VERSION': ('libadwaita', 'ADW_VERSION_{0}_{1}'),
}


def check_versions(source_root, app_id):
    result = Failures('versions')

    def read(relative):
        with open(os.path.join(source_root, relative), encoding='utf-8') as f:
            return f.read()

    manifest = json.loads(read(os.path.join('flatpak', app_id + '.json')))
    modules = {m.get('name'): m for m in manifest.get('modules', []) if isinstance(m, dict)}
    pinned = {}
    for module, label in (('cjson', 'cJSON'), ('libharu', 'libharu')):
        tags = [s.get('tag', '') for s in modules.get(module, {}).get('sources', [])]
        tag = next((t for t in tags if t), '')
        if not tag:
            result.fail('the manifest pins no release tag for %s' % module)
            continue
        pinned[label] = tag.lstrip('v')
    runtime = 'GNOME %s' % manifest.get('runtime-version')

    readme = read('README.md')
    flatpak_readme = read(os.path.join('flatpak', 'README.md'))
    dev = read(os.path.join('build-aux', 'dev'))
    for label, version in pinned.items():
        words = '%s %s' % (label, version)
        for name, text in (('README.md', readme), ('flatpak/README.md', flatpak_readme)):
            if words not in text:
                result.fail('%s does not name %s, the version the manifest pins' % (name, words))
        archive = '%s-%s.tar.gz' % ('cJSON' if label == 'cJSON' else 'libharu', version)
        if archive not in dev:
            result.fail('build-aux/dev does not build %s for the tests' % archive)
    for name, text in (('README.md', readme), ('flatpak/README.md', flatpak_readme)):
        if runtime not in text:
            result.fail('%s does not name the runtime %s' % (name, runtime))

    meson_build = read('meson.build')
    for prefix, (label, _pattern) in FLOOR_MACROS.items():
        found = set(re.findall(r'-D%s_(?:MIN_REQUIRED|MAX_ALLOWED)=%s_(\d+)_(\d+)'
                               % (prefix, prefix), meson_build))
        if len(found) != 1:
            result.fail('meson.build pins %s at %s: expected one version as both minimum '
                        'and maximum' % (prefix, sorted(found) or 'nothing'))
            continue
        major, minor = found.pop()
        words = '%s %s.%s' % (label, major, minor)
        if words not in readme:
            result.fail('README.md does not name the floor %s that meson.build pins' % words)
        result.note('floor: %s' % words)
    for label, version in pinned.items():
        result.note('bundled: %s %s' % (label, version))
    return result.finish()


def main(argv):
    if len(argv) < 2:
        print(__doc__ or 'usage: retainer-checks.py CHECK ARGS...')
        return 2
    check, args = argv[1], argv[2:]
    checks = {
        'desktop': check_desktop,
        'metainfo': check_metainfo,
        'schema': check_schema,
        'po': check_po,
        'potfiles': check_potfiles,
        'manifest': check_manifest,
        'install': check_install,
        'versions': check_versions,
    }
    if check not in checks:
        print('unknown check %s' % check)
        return 2
    return checks[check](*args)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
