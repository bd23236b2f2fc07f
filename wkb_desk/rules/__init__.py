"""The Wkb rules: werkdagen, deadlines, status and flags as pure functions of facts and a reference date.

Nothing in this package reads the clock; `views.build_dossier_views` is the one place that reads the ledger.
"""
