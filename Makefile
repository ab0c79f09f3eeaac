# Waspada: `make run` serves the app, `make test` runs every test, `make bench` measures.
# Both set up everything on a fresh machine: the virtual environment, the pinned
# packages and (for tests) Debian's chromium and poppler-utils.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
DB     ?= data/waspada.duckdb
PORT   ?= 8501

.PHONY: run test bench install db clean-db system-packages cluster

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 diperlukan ($(PYTHON) tidak ditemukan)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Re-install only when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(VENV)/.installed

$(DB): | $(VENV)/.installed
	$(VENV)/bin/waspada data build --db $(DB)

db: $(DB)

# ensure-admin prints a one-time password for the account `admin` when no admin exists yet.
run: install db
	$(VENV)/bin/waspada users ensure-admin --db $(DB)
	$(PY) -m streamlit run server.py --server.port $(PORT)

# A national deployment on one machine: PostgreSQL, three replicas of the app and nginx in
# front (sticky sessions) at http://127.0.0.1:$(CLUSTER_PORT); docs/deployment.md, part 2.
CLUSTER_PORT ?= 8600
cluster: install db system-packages
	$(PY) -m waspada.pg.cluster --dir run/cluster --port $(CLUSTER_PORT) --replicas 3 --seed $(DB)

system-packages:
	@sh tests/install_system_packages.sh

test: install system-packages
	$(PY) -m pytest

bench: install
	$(PY) -m benchmarks

clean-db:
	rm -f $(DB) $(DB).wal $(DB).lock
