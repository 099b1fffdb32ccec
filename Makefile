# make serve : set up everything and serve the app with its curriculum on http://127.0.0.1:8000 (SQLite)
# make test  : set up everything and run the whole test suite (ruff, unit, view and browser tests)
PY := .venv/bin/python

.PHONY: serve test setup lint test-postgres bench load

setup:
	scripts/bootstrap

serve: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_curriculum
	$(PY) manage.py runserver 127.0.0.1:8000

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

test: lint
	scripts/ensure_chromium
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -p no:cacheprovider

test-postgres: setup
	scripts/test_postgres

bench: setup
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

load: setup
	$(PY) benchmarks/load.py
