# Two commands: `make run` and `make test`. Only Python 3.11 and make are needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

export DEBUG ?= 1

.PHONY: run test install install-dev migrate demo bench lint clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Runtime only (requirements.txt): what `make run` needs.
$(STAMP): requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

# Runtime + tests, lint and the browser driver (requirements-dev.txt).
$(DEV_STAMP): requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP) $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# The web server and the background worker (notifications, reminders) start and stop together.
run: demo
	@$(PY) manage.py demo_logins
	@trap 'kill 0' EXIT; $(PY) manage.py db_worker & $(PY) manage.py runserver $(HOST):$(PORT)

# The layer contracts run inside the suite (tests/core/test_architecture.py).
test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install-dev
	$(PY) bench/run.py

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles .pytest_cache
