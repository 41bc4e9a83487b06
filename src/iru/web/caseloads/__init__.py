"""Caseloads and allocations: who holds each child's case, and so who may see it."""
