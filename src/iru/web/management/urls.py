from django.urls import path

from iru.web.management.views import allocations, catalogue, overview, users

app_name = "management"
urlpatterns = [
    path("", overview.dashboard, name="dashboard"),
    path("caseloads/", overview.caseloads, name="caseloads"),
    path("allocations/", allocations.search, name="allocate"),
    path("allocations/<int:pk>/", allocations.child_allocations, name="child-allocations"),
    path("rag-reasons/", catalogue.reason_list, name="reasons"),
    path("rag-reasons/add/", catalogue.reason_add, name="reason-add"),
    path("rag-reasons/<int:pk>/edit/", catalogue.reason_edit, name="reason-edit"),
    path("rag-reasons/<int:pk>/retire/", catalogue.reason_retire, name="reason-retire"),
    path("users/", users.user_list, name="users"),
    path("users/add/", users.user_add, name="user-add"),
    path("users/<int:pk>/role/", users.user_role, name="user-role"),
    path("users/<int:pk>/deactivate/", users.user_deactivate, name="user-deactivate"),
]
