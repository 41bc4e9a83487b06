from django.apps import AppConfig


class CaseloadsConfig(AppConfig):
    name = "iru.web.caseloads"
    label = "caseloads"
    verbose_name = "Caseloads and allocations"
