# Two commands: `make run` and `make test`. Only Python 3.11 and make are needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
# gunicorn worker processes for `make run` (2 cores here: 3 workers, 2 threads each).
WEB_WORKERS ?= 3
SECRET_FILE := .secret_key

# Tests and `make dev` run with DEBUG; `make run` overrides it (production-like).
export DEBUG ?= 1

.PHONY: run dev test install install-dev migrate demo static bench bench-web lint clean

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

# A secret generated once, kept out of git, readable by its owner only.
$(SECRET_FILE): | $(VENV)/bin/python
	@umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_FILE)
	@echo "Đã tạo khóa bí mật $(SECRET_FILE) (không đưa vào git)."

static: install
	$(PY) manage.py collectstatic --noinput --verbosity 0

# Like production: DEBUG off, gunicorn with several workers, whitenoise for the static files, the
# Vietnamese error pages, and the background worker (notifications, e-mail, reminders) started and
# stopped with the web server. Cookies are not marked Secure here because this serves plain http on
# 127.0.0.1; behind TLS set SECURE_COOKIES=1 (docs: README).
run: export DEBUG = 0
run: export SECURE_COOKIES ?= 0
run: $(SECRET_FILE) demo static
	@$(PY) manage.py demo_logins
	@trap 'kill 0' EXIT INT TERM; $(PY) manage.py worker & \
	  $(VENV)/bin/gunicorn thidua.wsgi:application --bind $(HOST):$(PORT) --workers $(WEB_WORKERS) --threads 2 \
	    --access-logfile - --graceful-timeout 10

# For developers: runserver with reload and DEBUG, the worker beside it.
dev: export DEBUG = 1
dev: demo
	@$(PY) manage.py demo_logins
	@trap 'kill 0' EXIT INT TERM; $(PY) manage.py worker & $(PY) manage.py runserver $(HOST):$(PORT)

# The layer contracts run inside the suite (tests/core/test_architecture.py).
test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# The province data set (bench/generate.py, made on first use): eligibility on 1, 2 and 4 workers against the raw
# read; a 100,000-row import against openpyxl's read-only pass; 10,000 grants of award history; 1,000 certificates
# against LibreOffice; search.
bench: install-dev
	$(PY) bench/run.py
	$(PY) bench/imports.py
	$(PY) bench/history.py
	$(PY) bench/certificates.py
	$(PY) bench/search.py

# The pages under the production server on the province data set: 50 users with think time, then saturation.
bench-web: install-dev
	$(PY) bench/web.py

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles .pytest_cache $(SECRET_FILE)
