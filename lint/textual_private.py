"""An import-linter contract: Textual's private modules (`textual._*`) are imported only
from the packages named in `allowed_in` (growthtui.ui.frames).

import-linter sees an external package as one module (`textual`), so its own `forbidden`
contract cannot tell `textual.widgets` from `textual._compositor`; this contract reads the
lines of each direct import of `textual` instead. Registered in pyproject.toml's
`[tool.importlinter]` under `contract_types`.
"""

from __future__ import annotations

import re

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

_PRIVATE = re.compile(r"\btextual(\.[A-Za-z]\w*)*\._\w|\bfrom\s+textual(\.\w+)*\s+import\s+.*\b_\w")
"""`import textual._x`, `from textual._x import y`, `from textual.a._b import c`,
`from textual import _x`."""


class PrivateTextualContract(Contract):
    """`textual._*` only from the modules in `allowed_in` (and the packages under them)."""

    type_name = "textual_private"
    allowed_in = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        allowed = [str(name) for name in self.allowed_in]  # type: ignore[attr-defined]
        found = []
        for importer in sorted(graph.find_modules_that_directly_import("textual")):
            if any(importer == a or importer.startswith(f"{a}.") for a in allowed):
                continue
            for detail in graph.get_import_details(importer=importer, imported="textual"):
                line = str(detail["line_contents"])
                if _PRIVATE.search(line):
                    found.append((importer, int(detail["line_number"]), line))
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, line_number, line in check.metadata["found"]:
            output.print_error(f"{importer}:{line_number}: {line}", bold=False)
            output.new_line()
