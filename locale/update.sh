#!/bin/sh
# Refresh the catalogues of reader-facing strings, then compile them. Run from the project root:
#     sh locale/update.sh            (needs GNU gettext: apt-get install gettext)
# Only what readers see is extracted: newsletter emails, public pages and API error messages, and the
# associations' onboarding emails. Admin strings are left to Wagtail's and Django's own catalogues.
# Commit the .po AND the .mo files: fresh machines and CI run without gettext (tests/newsletter/test_translations.py
# fails when a .mo no longer matches its .po).
set -e
LANGS="it en fr ar es sq ro zh_Hans uk"
args=""
for lang in $LANGS; do args="$args -l $lang"; done
.venv/bin/python manage.py makemessages $args --no-location --no-obsolete \
  -i 'benchmarks' -i 'cms' -i 'content_models' -i 'distribution' -i 'docs' -i 'graphql_api' -i 'media' \
  -i 'scripts' -i 'tests' -i 'var' -i 'test-artifacts' -i 'node_modules' -i 'locale' \
  -i 'associations/*.py' -i 'associations/templates/associations/admin' -i 'associations/templates/associations/panels' \
  -i 'newsletter/models' -i 'newsletter/admin_views.py' -i 'newsletter/wagtail_hooks.py' -i 'newsletter/forms.py' \
  -i 'newsletter/sending.py' -i 'newsletter/reports.py' -i 'newsletter/templates/newsletter/admin' \
  -i 'newsletter/management' -i 'newsletter/blocks.py' -i 'newsletter/apps.py'
.venv/bin/python manage.py compilemessages --ignore '.venv' --ignore 'node_modules'
