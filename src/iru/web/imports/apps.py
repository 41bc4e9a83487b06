from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "iru.web.imports"
    label = "imports"
    verbose_name = "Imports"
