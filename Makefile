# parent_partners: `make run` to try it, `make test` to check it. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Folds of the blame checker's cross-validation fitted at once (make train-checker).
TRAIN_JOBS ?= 2
FLASK := $(BIN)/flask --app wsgi
ASSETS := parent_partners/static/govuk/govuk-frontend.min.css
DEV := PARTNERS_ENV=development

.DEFAULT_GOAL := help
.PHONY: help install assets run test test-postgres test-browser lint bench bench-dashboard load train-checker clean check-wheel

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/govuk-frontend/package.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS): node_modules/govuk-frontend/package.json scripts/build_assets.py $(VENV)/.installed
	$(BIN)/python scripts/build_assets.py

install: $(VENV)/.installed $(ASSETS) ## Create .venv with the app and test dependencies, build assets

assets: $(ASSETS) ## Copy GOV.UK Frontend assets into the static folder

run: install ## Set up a SQLite database with demo data and serve on http://127.0.0.1:5000
	$(DEV) $(FLASK) db upgrade
	$(DEV) $(FLASK) partners seed-demo --if-empty
	$(DEV) $(FLASK) run --host 127.0.0.1 --port 5000

test: install ## Run the whole suite (PostgreSQL and browser tests skip unless configured)
	$(BIN)/pytest

test-postgres: install ## Run the suite against PostgreSQL (TEST_DATABASE_URL or the local `test` database)
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(BIN)/pytest

test-browser: install ## Run only the browser suite (needs /usr/bin/chromium)
	REQUIRE_BROWSER=1 $(BIN)/pytest tests/browser

lint: install ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

train-checker: install ## Retrain the blame checker's learned stage from training/blame/ (deterministic)
	$(BIN)/python training/train_checker.py --dev training/tuning/dev.jsonl --jobs $(TRAIN_JOBS)

bench: install ## Blame checker quality and speed benchmarks
	$(BIN)/python bench/quality.py --corpus training/tuning/dev.jsonl
	$(BIN)/python bench/quality.py --corpus bench/corpus/heldout.jsonl
	$(BIN)/python bench/speed.py

bench-dashboard: install ## Dashboards at 10,000 and 100,000 cases on SQLite and PostgreSQL
	$(BIN)/python bench/dashboard.py $(BENCH_ARGS)

LOAD_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/load_helper
load: install ## Load runs on gunicorn + PostgreSQL: 50 practitioners 60 s, then 50 sharing 5 cases 60 s (LOAD_DATABASE_URL is emptied)
	$(BIN)/python bench/load.py --database-url $(LOAD_DATABASE_URL) --users 50 --duration 60
	$(BIN)/python bench/contention.py --database-url $(LOAD_DATABASE_URL) --users 50 --cases 5 --duration 60

clean: ## Remove the virtualenv, node_modules and built assets
	rm -rf $(VENV) node_modules parent_partners/static/govuk parent_partners/static/swagger-ui

check-wheel: install ## Build the wheel, install it outside the checkout and use it (standalone and as a plugin)
	bash scripts/check_wheel.sh
