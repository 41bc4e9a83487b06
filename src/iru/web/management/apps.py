from django.apps import AppConfig


class ManagementConfig(AppConfig):
    name = "iru.web.management"
    label = "management"
    verbose_name = "Head of Service: caseloads, allocation, dashboard, catalogue, users"
