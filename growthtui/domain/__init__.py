"""The domain: pydantic models and pure rules. No textual, no tinydb, no clock, no I/O.

"Today" is always a parameter.

This package imports nothing itself: each name is imported from the module that defines
it (`from growthtui.domain.goals import Goal`), so the rules that need no model (dates,
kinds, shapes, schedule, cadence) run without loading pydantic, which `growthtui agenda`
and `growthtui add goal` rely on to start fast.
"""
