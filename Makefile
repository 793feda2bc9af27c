# Two commands matter: `make run` (demo site on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test install lint migrate seed messages bench clean prod-smoke package-check

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo --host $(HOST)

# Serves the demo site with a background task worker (mail, indexing); Ctrl-C stops both.
# HOST=<name>:<port> serves elsewhere; `seed` moves the demo sites there (links in mails and feeds follow).
run: seed
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST)

# One pytest-xdist worker per core (at most 4). `--dist loadgroup` keeps pytest-django's order (database
# tests before the transactional ones that flush tables) and the demo seed tests on one worker.
# PYTEST_ARGS="-p no:xdist" runs it in one process (docs/performance.md, "Test suite").
PYTEST_ARGS ?= -n auto --maxprocesses 4 --dist loadgroup
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The production topology on this machine (gunicorn, 2 task workers, PostgreSQL, Redis, an SMTP sink),
# exercised over HTTP; stops everything it started. Needs PostgreSQL and Redis (docs/deployment.md).
prod-smoke: install
	$(BIN)/python scripts/prod_smoke.py

# The plugin set as a package: builds the wheel and takes the README's "Use in your own Wagtail
# project" steps in a fresh `wagtail start` project (temporary folder, fresh virtualenv, SQLite).
package-check: install
	$(BIN)/python scripts/package_check.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media var static
