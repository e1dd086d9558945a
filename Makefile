# The README's two commands: `make run` opens Loss Lens, `make test` runs the whole
# suite headless. Both create .venv in the checkout on first use and reuse it after.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
SYSTEM := $(VENV)/.system-deps
APP    := $(VENV)/.installed-app
TEST   := $(VENV)/.installed-test
# the compiled translations, built from the .ts sources by Qt's lrelease (never committed)
QM     := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test lint bench translations clean install-desktop uninstall-desktop

run: $(APP) $(SYSTEM) $(QM)
	$(PY) main.py

test: $(TEST) $(SYSTEM) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2

lint: $(TEST)
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

BENCH  := $(VENV)/.installed-bench

bench: $(BENCH) $(SYSTEM) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(SYSTEM): tools/system_deps.sh | $(PY)
	sh tools/system_deps.sh
	touch $@

$(APP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(TEST): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	touch $@ $(APP)

$(BENCH): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e '.[bench]'
	touch $@ $(APP)

resources/translations/%.qm: resources/translations/%.ts | $(APP)
	$(PY) tools/translations.py build

# after changing texts in the code: refresh the .ts files (then translate what is new)
translations: $(APP)
	$(PY) tools/translations.py update
	$(PY) tools/translations.py build

# Loss Lens in this user's application menu, running this checkout (see README)
install-desktop: $(APP) $(QM)
	$(PY) main.py install-desktop

uninstall-desktop: $(APP)
	$(PY) main.py uninstall-desktop

clean:
	rm -rf $(VENV) build *.egg-info $(QM)
