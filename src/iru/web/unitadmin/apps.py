from django.apps import AppConfig


class UnitAdminConfig(AppConfig):
    name = "iru.web.unitadmin"
    label = "unitadmin"
    verbose_name = "Unit administration: schedule and convening"
