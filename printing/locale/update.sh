#!/bin/sh
# Refresh the print channel's catalogues, then compile them. Run from the project root: sh printing/locale/update.sh
# (needs GNU gettext). Printed labels (printing/rendering/labels.py) are translated in every content language;
# admin strings at least in Italian. Commit the .po AND the .mo files.
set -e
cd printing
../.venv/bin/python ../manage.py makemessages -l it -l en -l fr -l es -l ar -l sq -l ro -l zh_Hans -l uk \
  --no-location --no-obsolete
../.venv/bin/python ../manage.py compilemessages
