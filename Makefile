# The portal's commands. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
# The ten slowest tests are printed after each run, so a slow newcomer shows in CI's log.
PYTEST_ARGS ?= --durations=10
# The browser journeys run once, in the SQLite run beside it (the embedded set-up `make run`
# serves, from copies of its database); the PostgreSQL run takes everything else.
PG_PYTEST_ARGS ?= -m "not browser" $(PYTEST_ARGS)

.PHONY: help
help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		{ echo "Python 3.11 is required (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the runtime dependencies

.PHONY: install-dev
install-dev: $(VENV)/.installed-dev ## Install the development and test tools too

.PHONY: system-deps
system-deps: ## Install Debian's Chromium, fonts and gettext for the tests (as root)
	@if [ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/truetype/dejavu ] && command -v xgettext >/dev/null && command -v zbarimg >/dev/null && command -v pdftotext >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core gettext poppler-utils zbar-tools >/dev/null; \
	else \
		echo "The tests need Debian's Chromium, the DejaVu fonts, GNU gettext, poppler and zbar. Install them with:"; \
		echo "  sudo apt-get install chromium fonts-dejavu-core gettext poppler-utils zbar-tools"; exit 1; \
	fi

.PHONY: migrate
migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

.PHONY: demo
demo: migrate ## Load the demo data (idempotent)
	$(MANAGE) load_demo_data

.PHONY: run
run: demo ## Set up everything and serve the portal, its task worker and its clock on http://127.0.0.1:8000
	@echo "Portal: http://$(HOST):$(PORT)/  ·  admin: http://$(HOST):$(PORT)/admin/  ·  Ctrl-C stops all three"
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) db_worker & \
	$(MANAGE) clock & \
	$(MANAGE) runserver $(HOST):$(PORT)

.PHONY: worker
worker: install ## Run only the background task worker
	$(MANAGE) db_worker

.PHONY: clock
clock: install ## Run only the clock: scheduled publishing, certificate expiry and reminders, pruning
	$(MANAGE) clock

.PHONY: lint
lint: install-dev ## Check code style (ruff, djhtml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')

.PHONY: format
format: install-dev ## Format code and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html') || true

.PHONY: check
check: install-dev ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

.PHONY: test-sqlite
test-sqlite: install-dev system-deps ## Run the suite on SQLite
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: test-postgres
test-postgres: install-dev system-deps ## Run the suite on PostgreSQL ($$POSTGRES_TEST_URL)
	@$(BIN)/python -c "import psycopg, sys; psycopg.connect('$(POSTGRES_TEST_URL)').close()" 2>/dev/null || \
		{ echo "PostgreSQL is not reachable at $(POSTGRES_TEST_URL); set POSTGRES_TEST_URL."; exit 1; }
	DATABASE_URL=$(POSTGRES_TEST_URL) TEST_MEDIA_ROOT=/tmp/portal-test-media-pg \
		TEST_PRIVATE_MEDIA_ROOT=/tmp/portal-test-private-pg $(BIN)/pytest $(PG_PYTEST_ARGS)

.PHONY: test
test: lint check ## Lint, checks, and the whole suite on SQLite and PostgreSQL (side by side)
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

.PHONY: messages
messages: install-dev ## Extract interface strings into locale/en and compile the catalogues
	$(MANAGE) makemessages -l en --no-location --ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(MANAGE) compilemessages --ignore=.venv

.PHONY: bench
bench: install ## Page timings and query counts on demo data
	$(BIN)/python bench/pages.py

.PHONY: bench-signups
bench-signups: install ## 1,000 people sign up at once for 100 places, on PostgreSQL ($$BENCH_DATABASE_URL)
	$(BIN)/python bench/signups.py

.PHONY: bench-matching
bench-matching: install ## Rank 100,000 volunteers and 5,000 roles, batch-assign 500 places, on PostgreSQL ($$BENCH_DATABASE_URL)
	$(BIN)/python bench/matching.py

.PHONY: reset-db
reset-db: ## Delete the local SQLite database, media and private files, then migrate and load the demo data
	rm -rf var/portal.sqlite3 var/portal.sqlite3-wal var/portal.sqlite3-shm var/media var/private var/mail
	$(MAKE) demo

.PHONY: clean
clean: ## Remove the virtual environment and caches (keeps var/)
	rm -rf $(VENV) .pytest_cache .ruff_cache
