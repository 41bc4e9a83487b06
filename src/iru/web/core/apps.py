from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "iru.web.core"
    label = "core"
    verbose_name = "Shared pages and middleware"
