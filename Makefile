# The two commands a newcomer needs: `make run` and `make test`.
# Each creates .venv if missing, installs pinned requirements once (stamp files),
# builds the web geometry when missing or stale, then runs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# build.py and the modules whose output it writes (boundaries, population, Land names)
RAW_GEO   := $(wildcard geodata/raw/*/*) geodata/build.py geodata/bkg.py geodata/population.py \
             geodata/laender.py
BUILT_GEO := geodata/generated/kreise.geojson

.PHONY: run test lint install install-dev browser browser-optional postgres geodata bench clean

run: install geodata browser-optional
	$(PY) app.py

test: install-dev browser postgres geodata
	$(BIN)/ruff check .
	$(PY) -m pytest

lint: install-dev
	$(BIN)/ruff check .

install: $(VENV)/.installed-run
install-dev: $(VENV)/.installed-dev

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed-run
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

# Debian's Chromium and its driver, for browser tests and static image export.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "Installing Debian chromium + chromium-driver"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	fi

# Debian's PostgreSQL server binaries, for the tests that run on both databases. The tests
# start (and remove) a throw-away cluster themselves (tests/pg_cluster.py), as `nobody` when
# run as root; no system cluster is used or needed.
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		echo "Installing Debian postgresql"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql; \
	fi

# For `make run` Chromium is only needed for PNG/SVG/PDF export: try, but serve without it.
browser-optional:
	@$(MAKE) --no-print-directory browser || echo "Warning: chromium not installed; image export will not work."

geodata: $(BUILT_GEO)

$(BUILT_GEO): $(RAW_GEO) | $(VENV)/.installed-run
	$(PY) -m geodata build

bench: install geodata
	for b in bench/*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf geodata/generated .pytest_cache
