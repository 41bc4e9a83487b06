"""Pure domain rules: working days, month arithmetic, collection and reporting years, periods of
care, statutory timescales, review participation, DfE code lists and the RAG reason catalogue.

One home per rule, its scalar form and its polars form side by side. No Django, no clock:
callers pass every date in. Imports only polars, `holidays` and the standard library.
"""
