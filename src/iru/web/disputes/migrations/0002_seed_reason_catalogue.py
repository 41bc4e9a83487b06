"""Seed the RAG reason catalogue from `iru.rules.rag`, so the chair's form has its reasons."""

from django.db import migrations


def seed(apps, schema_editor):
    from iru.rules.rag import default_catalogue

    reason_model = apps.get_model("disputes", "RagReason")
    known = set(reason_model.objects.values_list("code", flat=True))
    reason_model.objects.bulk_create(
        reason_model(
            code=r.code,
            meeting_type=r.meeting_type,
            rating=r.rating,
            text=r.text,
            source=r.source,
            in_catalogue=True,
        )
        for r in default_catalogue()
        if r.code not in known
    )


class Migration(migrations.Migration):
    dependencies = [("disputes", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
