# Two commands for a fresh clone:  `make run` (set up and serve the demo)  and  `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
GRAPPLE_VENV := var/bench-grapple-venv

.PHONY: run install install-test translations messages migrate seed admin test test-setup system-packages client-packages graphiql-for-test test-only test-postgres bench bench-print bench-grapple-venv fuzz load lock schema clean graphiql

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --requirement requirements.lock
	@touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(BIN)/pip install --quiet --requirement requirements-test.lock
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The compiled catalogues (.mo) are build output: written where missing or older than their .po (docs/translations.md).
translations: install
	$(BIN)/python -m cms.catalogues compile

# After adding or changing a translatable string: re-extract every catalogue (needs GNU gettext, installed here),
# keep the existing translations, compile. Then translate the new entries in each <app>/locale/<ll>/.../django.po.
messages: install
	scripts/system-packages.sh gettext
	$(BIN)/python -m cms.catalogues refresh

migrate: install translations
	$(MANAGE) migrate --no-input

# Seeded once: the stamp keeps later starts fast; `make seed` seeds again (seed_demo is idempotent).
# Without printed editions (typesetting every demo page would add minutes): a page's Print page makes them, or
# `manage.py print_editions --all`.
var/.demo-seeded: | migrate
	PRINT_ON_PUBLISH=false $(MANAGE) seed_demo
	@touch $@

seed: migrate
	PRINT_ON_PUBLISH=false $(MANAGE) seed_demo
	@touch var/.demo-seeded

admin: migrate
	$(MANAGE) create_local_admin
	$(MANAGE) create_demo_members

run: migrate var/.demo-seeded admin
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory graphiql; else \
	  echo "GraphiQL's browser files need Node.js and npm (apt-get install npm, then make graphiql); the API works without them"; fi
	$(MANAGE) runserver $(HOST):$(PORT)

# GraphiQL's browser files (React, GraphiQL, the explorer), built from graphql_api/graphiql/package-lock.json into
# static files that are never committed (3.5 MB of minified JavaScript): scripts/graphiql-assets.sh. Needs npm.
GRAPHIQL_ASSETS := graphql_api/static/graphql_api/graphiql/MANIFEST.json
$(GRAPHIQL_ASSETS): graphql_api/graphiql/package-lock.json graphql_api/graphiql/package.json scripts/graphiql-assets.sh
	scripts/graphiql-assets.sh

graphiql: $(GRAPHIQL_ASSETS)

test: test-setup
	$(MAKE) test-only

# What the suite needs installed. Python's packages do not wait for Debian's; the two npm installs wait only for
# npm (Debian's, on a machine without Node.js): `make -j` runs them side by side (.ci/run does, on a fresh machine).
# SYSTEM_PACKAGES adds Debian packages to the same apt-get run (CI: postgresql, for its second pass).
test-setup: install-test client-packages graphiql-for-test

system-packages:
	scripts/system-packages.sh $(SYSTEM_PACKAGES)

client-packages: system-packages
	scripts/client-packages.sh

graphiql-for-test: system-packages
	$(MAKE) --no-print-directory graphiql

# PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m "not browser and not clients"' (CI's PostgreSQL pass).
test-only: translations
	$(BIN)/pytest $(PYTEST_ARGS)

# The same suite against a real PostgreSQL on loopback (what .ci/run does beside `make test`).
test-postgres: install-test translations
	DATABASE_URL="$$(scripts/postgres.sh start)" $(BIN)/pytest

# The API benchmark (benchmarks/README.md): seeds a throw-away database, serves it with gunicorn, loads it with wrk,
# next to Wagtail's REST API v2, API v3 and wagtail-grapple (from its own venv, below). BENCH_QUICK=1 for a short
# development run, BENCH_DB=sqlite|postgresql for one database, BENCH_SCALE=10 to add the 10x-content comparison.
# Not part of `make test`: it reports figures, it asserts nothing about speed.
$(VENV)/.installed-bench: requirements-bench.lock $(VENV)/.installed-test
	$(BIN)/pip install --quiet --requirement requirements-bench.lock
	@touch $@

bench: $(VENV)/.installed-bench $(GRAPPLE_VENV)/.installed
	scripts/bench-packages.sh
	$(BIN)/python benchmarks/api/run.py $(BENCH_ARGS)
	$(MAKE) bench-print

# The grapple side's own virtualenv (benchmarks/grapple): wagtail-grapple needs graphene and a graphql-core < 3.3,
# strawberry needs 3.3, so they never share one. Same pins as the project's lock for every package both have.
$(GRAPPLE_VENV)/.installed: benchmarks/grapple/requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(GRAPPLE_VENV)
	$(GRAPPLE_VENV)/bin/pip install --quiet --requirement benchmarks/grapple/requirements.lock
	@touch $@

bench-grapple-venv: $(GRAPPLE_VENV)/.installed

# Print alone (a minute or two): leaflets in Arabic and Chinese, a 12-service booklet, the worker's peak memory.
bench-print: $(VENV)/.installed-bench
	scripts/system-packages.sh
	$(BIN)/python benchmarks/print_bench.py

# Fuzzing (docs/api.md, "Errors"): schemathesis in its GraphQL mode against the demo on loopback, a bounded run
# (FUZZ_ARGS="--max-examples 100 --seed 15" by default); any 5xx or INTERNAL_SERVER_ERROR fails it. Not in `make test`.
$(VENV)/.installed-fuzz: requirements-fuzz.lock $(VENV)/.installed-test
	$(BIN)/pip install --quiet --requirement requirements-fuzz.lock
	@touch $@

fuzz: $(VENV)/.installed-fuzz
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)

# The production set-up (gunicorn, PostgreSQL, Redis, task workers) on loopback under load, through a PostgreSQL
# restart, Redis refused and hung and a killed newsletter worker (benchmarks/load/run.py, docs/faults.md). Its own
# PostgreSQL and Redis; a few minutes (the first run also seeds the data set). Not part of `make test`: it reports.
load: $(VENV)/.installed-test
	scripts/system-packages.sh postgresql
	$(BIN)/python -m benchmarks.load.run $(LOAD_ARGS)

# Re-pin the lock files after changing pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links \
		--output-file requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links \
		--extra test --constraint requirements.lock --output-file requirements-test.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links \
		--extra bench --constraint requirements.lock --output-file requirements-bench.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links \
		--extra fuzz --constraint requirements-test.lock --output-file requirements-fuzz.lock pyproject.toml
	$(BIN)/python benchmarks/grapple/lock_inputs.py var/grapple-lock
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links \
		--constraint var/grapple-lock/constraints.txt --output-file benchmarks/grapple/requirements.lock \
		var/grapple-lock/requirements.in

clean:
	rm -rf $(VENV) $(GRAPPLE_VENV) var/db.sqlite3* var/.demo-seeded
