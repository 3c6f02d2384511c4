"""`python -m growthtui` runs the command line, as the `growthtui` command does."""

from growthtui.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
