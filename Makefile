# The two commands a newcomer needs: `make run` and `make test`.
# Each creates .venv if missing, installs pinned requirements once (stamp files),
# builds the web geometry when missing or stale, then runs.

PYTHON ?= python3.12
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# build.py and the modules whose output it writes (boundaries, population, Land names)
RAW_GEO   := $(wildcard geodata/raw/*/*) geodata/build.py geodata/bkg.py geodata/population.py \
             geodata/laender.py
BUILT_GEO := geodata/generated/kreise.geojson

# `make snapshot`: one complete, polite scrape of all three categories into the store.
# SNAPSHOT_DB defaults to DATABASE_URL, else the SQLite file `make run` serves; the fetched pages
# are kept under SNAPSHOT_PAGES (replayable with `python -m scrapers replay DIR`; empty: none).
SNAPSHOT_DB    ?= $(if $(DATABASE_URL),$(DATABASE_URL),sqlite:///$(CURDIR)/data/atlas.sqlite)
SNAPSHOT_PAGES ?= data/pages/$(shell date -u +%Y%m%dT%H%M%SZ)

# Tests run in parallel (pytest-xdist): one worker per core, each with its own app, Chromium,
# PostgreSQL cluster and temp dirs; `worksteal` evens out files of very different length.
TEST_WORKERS ?= auto
# Compiled modules may be kept (in the git-ignored __pycache__) even where the environment sets
# PYTHONDONTWRITEBYTECODE: else every worker re-did pytest's assertion rewriting of the ~380
# test modules, ~4 s CPU of its ~7 s collection, on every run.
PYTEST       := PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal
# test-fast: the edit-run loop; no browser, no PostgreSQL half, no app.py server processes
# nor image renders through kaleido's Chromium (tests/conftest.py marks them by what they use:
# browser, postgres_cluster, start_app, launch, an image format with export_view/render_image)
FAST_TESTS   := not browser and not postgresql and not app_process and not renders

.PHONY: run test test-fast lint install install-dev routing traveltime browser browser-optional pango axe
.PHONY: postgres geodata bench bench-tests clean snapshot

run: install pango geodata browser-optional
	$(PY) app.py

test: install-dev routing pango browser axe postgres geodata
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(PYTEST)

test-fast: install-dev browser geodata
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(PYTEST) -m "$(FAST_TESTS)"

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

install: $(VENV)/.installed-run
install-dev: $(VENV)/.installed-dev
routing: $(VENV)/.installed-routing

# Python 3.12 or newer: the routing engine's wheels (pyvalhalla) start at 3.12. With pyenv,
# .python-version picks 3.12.1; elsewhere set PYTHON=/path/to/python3.12.
$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || \
		{ echo "Python 3.12 or newer is needed (PYTHON=$(PYTHON)); set PYTHON=/path/to/python3.12"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed-run
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

# The routing engine (Valhalla, pyosmium) for travel times: tests and `make traveltime` only.
$(VENV)/.installed-routing: requirements-routing.txt $(VENV)/.installed-run
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-routing.txt
	touch $@

# `make traveltime OSM=germany-latest.osm.pbf [TILES=data/valhalla] [SNAPSHOT=all]`: build or
# reuse the road graph and store car times for the served database (SNAPSHOT_DB).
TILES    ?= data/valhalla
SNAPSHOT ?=
traveltime: routing geodata
	@test -n "$(OSM)" || { echo "usage: make traveltime OSM=FILE.osm.pbf"; exit 2; }
	$(PY) -m store traveltime --osm "$(OSM)" --tiles "$(TILES)" --db "$(SNAPSHOT_DB)" \
		$(if $(SNAPSHOT),--snapshot $(SNAPSHOT))

# Debian's Chromium and its driver, for browser tests and static image export.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "Installing Debian chromium + chromium-driver"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	fi

# axe-core for the accessibility tests, pinned by tests/axe/package-lock.json (npm ci);
# Debian's npm when missing. The tests inject tests/axe/node_modules/axe-core/axe.min.js.
AXE_JS := tests/axe/node_modules/axe-core/axe.min.js
axe: $(AXE_JS)

$(AXE_JS): tests/axe/package.json tests/axe/package-lock.json
	@if ! command -v npm >/dev/null; then \
		echo "Installing Debian npm"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; \
	fi
	cd tests/axe && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's PostgreSQL server binaries, for the tests that run on both databases. The tests
# start (and remove) a throw-away cluster themselves (tests/pg_cluster.py), as `nobody` when
# run as root; no system cluster is used or needed.
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		echo "Installing Debian postgresql"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql; \
	fi

# Pango (Debian's libpango), which WeasyPrint needs to lay out the accessible region profile PDF.
pango:
	@if ! ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then \
		echo "Installing Debian libpango-1.0-0 + libpangoft2-1.0-0"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; \
	fi

# For `make run` Chromium is only needed for PNG/SVG/PDF export: try, but serve without it.
browser-optional:
	@$(MAKE) --no-print-directory browser || echo "Warning: chromium not installed; image export will not work."

geodata: $(BUILT_GEO)

$(BUILT_GEO): $(RAW_GEO) | $(VENV)/.installed-run
	$(PY) -m geodata build

# A failed run (count mismatch, broken page) writes nothing and exits non-zero, so a timer or
# cron job reports it; the running dashboard shows a new snapshot at its next request.
snapshot: install geodata
	$(PY) -m scrapers scrape --category all --db "$(SNAPSHOT_DB)" \
		$(if $(SNAPSHOT_PAGES),--save-pages "$(SNAPSHOT_PAGES)")

# bench/_*.py: shared helpers; test_suite.py runs the whole test suite (make bench-tests)
bench: install routing geodata
	for b in bench/[!_]*.py; do [ $$b = bench/test_suite.py ] || $(PY) $$b || exit 1; done

bench-tests: install-dev routing pango browser axe postgres geodata
	PYTHONDONTWRITEBYTECODE= $(PY) bench/test_suite.py  # as make test runs pytest (PYTEST)

clean:
	rm -rf geodata/generated .pytest_cache
