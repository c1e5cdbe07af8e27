#!/usr/bin/env python3
# The command line and the PDF in German, French and Spanish: once through
# the user's locale, once through the proposal's own "language" while the
# user's locale is C (words and numbers both follow the proposal). Expected texts come from the compiled catalogues and
# expected numbers from the C library's locale data, not from this file.
#
#   check-language.py RETAINER LOCALEDIR SOURCE_ROOT
import gettext
import json
import locale
import os
import shutil
import subprocess
import sys
import tempfile

LANGUAGES = {"de": "de_DE.UTF-8", "fr": "fr_FR.UTF-8", "es": "es_ES.UTF-8"}
problems = []


def fail(message):
    problems.append(message)
    print("FAIL: " + message)


def run(args, env):
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True)
    # Line breaks inside a paragraph and no-break spaces do not matter here.
    return " ".join(out.stdout.replace("\u00a0", " ").replace("\u202f", " ").split())


def grouped(number, locale_name):
    locale.setlocale(locale.LC_NUMERIC, locale_name)
    try:
        text = locale.format_string("%d", number, grouping=True)
    finally:
        locale.setlocale(locale.LC_NUMERIC, "C")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def main():
    retainer, localedir, source_root = sys.argv[1:4]
    if shutil.which("pdftotext") is None:
        print("pdftotext is missing")
        return 77
    sample = os.path.join(source_root, "data", "sample.retainer")
    agency = os.path.join(source_root, "tests", "data", "agency-acme.json")
    work = tempfile.mkdtemp(prefix="retainer-language-")
    base_env = dict(os.environ)
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        base_env.pop(key, None)
    base_env.update(HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"),
                    XDG_DATA_HOME=os.path.join(work, "data"), RETAINER_LOCALEDIR=localedir)
    base_env.pop("DISPLAY", None)
    base_env.pop("WAYLAND_DISPLAY", None)

    for lang, locale_name in LANGUAGES.items():
        before = len(problems)
        mo = os.path.join(localedir, lang, "LC_MESSAGES", "retainer.mo")
        if not os.path.exists(mo):
            fail(f"{mo} was not built")
            continue
        catalog = gettext.GNUTranslations(open(mo, "rb"))
        env = dict(base_env, LANGUAGE=lang, LC_ALL=locale_name)

        # The command line speaks the language.
        english = "Print the computed result of a proposal as JSON and exit"
        translated = catalog.gettext(english)
        if translated == english:
            fail(f"{lang}: the --summary option is not translated")
        out = run([retainer, "--help"], env)
        if out.returncode != 0 or translated not in out.stdout:
            fail(f"{lang}: --help does not show “{translated}”")

        # An error names the file and field in the language.
        bad = os.path.join(work, "bad.retainer")
        with open(bad, "w") as f:
            f.write('{"format": "retainer-proposal", "version": 1, "complexity": "simple"}')
        out = run([retainer, "--summary", bad], env)
        missing = catalog.gettext("is required but missing")
        if out.returncode != 2 or missing not in out.stderr or "monthly_api_spend" not in out.stderr:
            fail(f"{lang}: a missing field is not reported as “{missing}”: {out.stderr.strip()}")

        # The PDF through the user's locale: headings translated, figures
        # grouped the locale's way, the plan's inclusions translated.
        pdf = os.path.join(work, f"{lang}.pdf")
        out = run([retainer, "--export-pdf", pdf, sample, "--agency", agency], env)
        if out.returncode != 0:
            fail(f"{lang}: export failed: {out.stderr.strip()}")
            continue
        text = pdf_text(pdf)
        for english in ("Summary", "Why a model needs ongoing care", "Acceptance",
                        "Dedicated model instance"):
            word = catalog.gettext(english)
            if word == english or word not in text:
                fail(f"{lang}: the PDF lacks “{word}” for “{english}”")
        if "Why a model needs ongoing care" in text:
            fail(f"{lang}: the PDF still has English headings")
        spend = grouped(12000, locale_name)
        if spend not in text:
            fail(f"{lang}: the PDF does not write 12000 as “{spend}”")

        # The proposal's own language wins over a C locale.
        with open(sample) as f:
            proposal = json.load(f)
        proposal["language"] = lang
        own = os.path.join(work, f"own-{lang}.retainer")
        with open(own, "w") as f:
            json.dump(proposal, f)
        c_env = dict(base_env, LC_ALL="C.UTF-8")
        pdf = os.path.join(work, f"own-{lang}.pdf")
        out = run([retainer, "--export-pdf", pdf, own, "--agency", agency], c_env)
        if out.returncode != 0:
            fail(f"{lang}: export of a proposal in {lang} failed: {out.stderr.strip()}")
            continue
        word = catalog.gettext("Why a model needs ongoing care")
        own_text = pdf_text(pdf)
        if word not in own_text:
            fail(f"{lang}: a proposal in {lang} exported under C.UTF-8 lacks “{word}”")
        # Its numbers too, although the process's locale is C.
        spend = grouped(12000, locale_name)
        if spend not in own_text:
            fail(f"{lang}: a proposal in {lang} exported under C.UTF-8 does not write "
                 f"12000 as “{spend}”")
        if "12,000" in own_text:
            fail(f"{lang}: a proposal in {lang} exported under C.UTF-8 writes “12,000”")
        if len(problems) == before:
            print(f"ok: {lang}")

    shutil.rmtree(work, ignore_errors=True)
    if problems:
        print(f"language: {len(problems)} problem(s)")
        return 1
    return 0


sys.exit(main())
