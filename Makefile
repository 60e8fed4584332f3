# One entry point for people and CI. Every target makes sure the virtual environment exists and
# holds the project with its development extras, after the system packages are in place.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.packdesk-installed

.PHONY: run test bench lint screenshots translations clean

$(STAMP): pyproject.toml scripts/setup-system.sh
	bash scripts/setup-system.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py demo --if-empty
	$(PY) main.py gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

lint: $(STAMP)
	$(VENV)/bin/ruff check app ui tests bench main.py
	$(VENV)/bin/ruff format --check app ui tests bench main.py

screenshots: $(STAMP)
	$(PY) scripts/screenshots.py screenshots

clean:
	rm -rf $(VENV) build *.egg-info

translations: $(STAMP)
	$(PY) scripts/update_translations.py
