"""Writes of the dispute resolution process: ratings (`ratings`), team managers' responses
(`responses`), escalations (`escalations`), the reason catalogue (`catalogue`), and the unit's
files (`imports`)."""
