"""Reads of the dispute resolution process: a team manager's inbox (`inbox`), responses past
their deadline (`overdue`), and a child's ratings and escalations (`records`)."""
