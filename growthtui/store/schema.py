"""The data file's version and where it records it: the `meta` table's one record.

Constants only, with no import: the quick read of `growthtui agenda` and the quick write of
`growthtui add goal` check them without loading the migrations (or `typing`).
"""

CURRENT_SCHEMA = 2
"""1: records by short number; 2: each record also has its identity for life (`uid`) and
the time of its last change (`modified`)."""
META_TABLE = "meta"
META_ID = "1"
MAX_ID = 2**48 - 1
"""The largest short number a record may have: far beyond what anyone types, exact in
every JSON reader, and what a derived identity's time field holds (store/identity.py)."""
