from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "iru.web.reports"
    label = "reports"
    verbose_name = "Reports"
