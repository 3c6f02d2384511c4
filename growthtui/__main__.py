"""`python -m growthtui` runs the command line."""

from growthtui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
