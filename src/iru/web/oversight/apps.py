from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "iru.web.oversight"
    label = "oversight"
    verbose_name = "Oversight between meetings"
