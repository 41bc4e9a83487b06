from django.urls import path

from iru.web.inbox import views

app_name = "inbox"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("ratings/<int:pk>/", views.rating, name="rating"),
    path("escalations/<int:pk>/", views.escalation, name="escalation"),
]
