# One command for everything a change must pass: `make check`.
.PHONY: check lint types contracts test bench screenshots

check: lint types contracts test

lint:
	ruff check growthtui tests bench
	ruff format --check growthtui tests bench

types:
	mypy growthtui

contracts:
	lint-imports

test:
	pytest -n auto

bench:
	python -m bench

screenshots:
	python screenshots/make.py
