"""A convened meeting's children through `ConvenedChild`, which keeps the meeting's kind and
date so the database refuses a child's meeting of one kind twice on a day (issue 8)."""

import django.db.models.deletion
from django.db import migrations, models


def copy_children(apps, schema_editor):
    convening_model = apps.get_model("meetings", "Convening")
    convened_child = apps.get_model("meetings", "ConvenedChild")
    old = convening_model.children.through
    rows = old.objects.select_related("convening").order_by("pk")
    seen = set()
    made = []
    for row in rows:
        key = (row.child_id, row.convening.kind, row.convening.date)
        if key in seen:  # a repeat the old schema let in: the first one stands
            continue
        seen.add(key)
        made.append(
            convened_child(
                convening_id=row.convening_id,
                child_id=row.child_id,
                kind=row.convening.kind,
                date=row.convening.date,
            )
        )
    convened_child.objects.bulk_create(made)


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0001_initial"),
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ConvenedChild",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("lac_review", "Looked-after child review"), ("icpc", "Initial child protection conference"), ("rcpc", "Review child protection conference")], max_length=12)),
                ("date", models.DateField()),
                ("child", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="convened_meetings", to="children.child")),
                ("convening", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="convened_children", to="meetings.convening")),
            ],
        ),
        migrations.RunPython(copy_children, migrations.RunPython.noop),
        migrations.RemoveField(model_name="convening", name="children"),
        migrations.AddField(
            model_name="convening",
            name="children",
            field=models.ManyToManyField(related_name="convenings", through="meetings.ConvenedChild", to="children.child"),
        ),
        migrations.AddConstraint(
            model_name="convenedchild",
            constraint=models.UniqueConstraint(fields=("child", "kind", "date"), name="convenedchild_once_a_day"),
        ),
    ]
