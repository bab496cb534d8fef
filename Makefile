# The two commands: `make run` (install + start the whole suite) and `make test`.
SHELL := /bin/bash
VENV := .venv/bin

.PHONY: run test install contracts lint bench test-unit clean

run: install
	$(VENV)/crm up

test: install
	$(VENV)/crm infra ensure --postgres
	$(VENV)/python -m pytest

install:
	@scripts/bootstrap.sh

test-unit: install
	$(VENV)/python -m pytest -m "not integration and not e2e and not fault"

contracts: install
	$(VENV)/python libs/contracts/generate.py

lint: install
	$(VENV)/ruff check .
	.tools/node_modules/.bin/buf lint protos

bench: install
	$(VENV)/python -m bench.run_all

clean:
	rm -rf var .venv .tools
