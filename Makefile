# One command each: make demo, make test, make lint, make bench, make fuzz.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.install.stamp
# Front-end packages for the web pages (npm), kept inside the venv: never committed.
WEB    := $(VENV)/web
WEB_STAMP := $(WEB)/.install.stamp
SHARED ?= ../shared
DEMO_DB ?= var/demo.sqlite

.PHONY: install demo test lint bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(WEB_STAMP): package.json package-lock.json | $(STAMP)
	mkdir -p $(WEB)
	cp package.json package-lock.json $(WEB)/
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB_STAMP)

install: $(STAMP) $(WEB_STAMP)

demo: install
	$(BIN)/bilateral ingest $(SHARED)/corpus/seed --db $(DEMO_DB)
	for dataset in pocom rdcr visits travels; do \
		$(BIN)/bilateral import $$dataset $(SHARED)/corpus/historyatstate/$$dataset --quiet --db $(DEMO_DB) || exit 1; \
	done
	$(BIN)/bilateral show "Peru" "United States" --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	@# The web benchmark's load generator; without it bench/web.py falls back to its own client.
	command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || true
	$(BIN)/python bench/run.py --shared $(SHARED)

# Bounded hardening run: atheris over every reader (FUZZ_SECONDS per target), the
# 50 MB inputs, then the hardening tests with more crash rounds and API cases.
FUZZ_SECONDS ?= 60
fuzz: install
	$(BIN)/python fuzz/run.py --seconds-per-target $(FUZZ_SECONDS) --big
	BILATERAL_CRASH_ROUNDS=10 BILATERAL_SCHEMATHESIS_EXAMPLES=100 \
		$(BIN)/python -m pytest tests/hardening -p no:cacheprovider

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
