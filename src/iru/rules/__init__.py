"""Pure domain rules: working days, month arithmetic, statutory timescales, DfE code lists
and the RAG reason catalogue. No Django, no clock: callers pass every date in.
"""
