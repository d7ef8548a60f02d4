# Each target makes its own virtual environment, so a fresh machine needs only Python 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench docs clean

$(BIN)/noticekg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/noticekg
	$(BIN)/noticekg demo -o noticekg-demo

test: $(BIN)/noticekg
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src
	$(BIN)/pytest

bench: $(BIN)/noticekg
	$(BIN)/python -m bench.throughput

docs: $(BIN)/noticekg
	$(BIN)/pip install --quiet -e '.[docs]'
	$(BIN)/python tools/gen_namespace.py
	$(BIN)/python tools/gen_ontology_doc.py

clean:
	rm -rf $(VENV) noticekg-demo build dist src/*.egg-info
