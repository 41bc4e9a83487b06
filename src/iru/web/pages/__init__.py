"""The pages each role works in: thin views over the domains' selectors and services.

`common` holds what every role sees (home, children, a child's page, a meeting); `chair`,
`team_manager`, `unit_admin` and `head_of_service` each a role's own pages. No page owns a
model, queries the database or writes the access log itself (`scripts/lint_views.py`).
"""
