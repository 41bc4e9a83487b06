"""The RAG dispute resolution process: the chair's ratings after meetings, the team managers'
responses and actions, and escalations up the management line (IRO Handbook ch. 6)."""
