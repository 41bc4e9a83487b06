from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "iru.web.schedule"
    label = "schedule"
    verbose_name = "Statutory meetings due (stored next due dates)"

    def ready(self) -> None:
        from iru.web.schedule import receivers

        receivers.connect()
