from django.urls import path

from iru.web.unitadmin import views

app_name = "unitadmin"
urlpatterns = [
    path("schedule/", views.schedule, name="schedule"),
    path("convene/<int:child_pk>/", views.convene, name="convene"),
    path("meetings/", views.convenings, name="convenings"),
    path("meetings/<int:pk>/", views.convening_detail, name="convening"),
]
