"""Storage: the only package that imports tinydb.

This package imports nothing itself: each name is imported from the module that defines
it (`from growthtui.store.repository import Store`), so `growthtui agenda` can read the
file through growthtui.store.quick_read without loading the repository (and pydantic
with it).
"""
