from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "iru.web.audit"
    label = "audit"
    verbose_name = "Access log"

    def ready(self) -> None:
        from iru.web.audit import receivers

        receivers.connect()
