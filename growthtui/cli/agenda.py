"""`growthtui agenda [--days N]`: what is overdue and due soon, as plain text."""

from __future__ import annotations

import argparse

from growthtui import output
from growthtui.cli.base import (
    EXIT_OK,
    Parser,
    colour_allowed,
    data_path,
    open_store,
    positive,
    today,
)


def register(agenda: Parser, common: Parser) -> None:
    agenda.add_argument("--days", metavar="N", type=positive, default=7)
    agenda.set_defaults(handler=show_agenda)


def show_agenda(args: argparse.Namespace) -> int:
    from growthtui.domain.shapes import AgendaRecords
    from growthtui.services.agenda import build_agenda, records_of, render_agenda
    from growthtui.store.quick_read import read_agenda_records

    # The quick read takes a file the Store sealed as its own (checked and written whole)
    # without loading pydantic; any other (missing, older, edited by hand, corrupt) goes
    # through the Store, every record checked, which migrates it or says what is wrong.
    records: AgendaRecords | None = read_agenda_records(data_path(args))
    if records is None:
        records = records_of(open_store(args, lazy=False))
    agenda = build_agenda(records, today(), args.days)
    output.deliver(render_agenda(agenda, color=colour_allowed()), "the agenda")
    return EXIT_OK
