"""Writes of children's statutory records: the one write path, from the app (`records`) and
from the DfE returns (`returns`)."""
