from django.urls import path

from iru.web.meetings import views

app_name = "meetings"
urlpatterns = [
    path("record/", views.meeting_start, name="start"),
    path("record/details/", views.meeting_record_view, name="record"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
]
