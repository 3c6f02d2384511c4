"""The data file's version and where it records it: the `meta` table's one record.

Constants only, with no import: the quick read of `growthtui agenda` and the quick write of
`growthtui add goal` check them without loading the migrations (or `typing`).
"""

CURRENT_SCHEMA = 1
META_TABLE = "meta"
META_ID = "1"
