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


def migrations_of_apps_gone() -> list[str]:
    """App labels the database has applied migrations for that no installed app has: a database
    made before the apps were re-cut (ADR 11), which `migrate` cannot bring up to date."""
    from django.apps import apps
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    if not recorder.has_table():
        return []
    applied = set(recorder.migration_qs.values_list("app", flat=True))
    return sorted(applied - {config.label for config in apps.get_app_configs()})


def database_made_before_message(database: object) -> str:
    return (
        f"the database ({database}) was made by an earlier version of iru, before its apps were "
        "re-cut (docs/adr/0011): it cannot be migrated. Delete it (the demo's holds only the "
        "synthetic authority) and run the command again."
    )
