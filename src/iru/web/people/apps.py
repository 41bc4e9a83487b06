from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "iru.web.people"
    label = "people"
    verbose_name = "Teams, staff and users"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from iru.web.people.sessions import remember_sign_in

        user_logged_in.connect(remember_sign_in, dispatch_uid="people-remember-sign-in")
