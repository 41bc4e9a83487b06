"""Starting Django from the `iru` command (outside manage.py)."""

from __future__ import annotations

import os

LOCAL_SETTINGS = "iru.web.settings.local"


def setup_django(default_settings: str = LOCAL_SETTINGS) -> None:
    """Configure Django once: `DJANGO_SETTINGS_MODULE` wins, else the local settings."""
    import django
    from django.apps import apps

    if apps.ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    django.setup()


def unapplied_migrations() -> list[str]:
    """Migrations the database still needs, as "app.name"."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
