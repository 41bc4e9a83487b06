"""Every page's URL. The namespaces (and the paths) are the ones the app has always had; each
points at the role's own view module."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from iru.web.pages.chair import (
    dispute_views,
    meeting_change_views,
    meeting_views,
    oversight_views,
    rating_views,
)
from iru.web.pages.chair import views as chair_views
from iru.web.pages.common import account_views, answer_views
from iru.web.pages.common import views as common_views
from iru.web.pages.common.forms import SignInForm
from iru.web.pages.head_of_service import (
    allocations_views,
    catalogue_views,
    overview_views,
    users_views,
)
from iru.web.pages.reports import (
    annual_views,
    benchmark_views,
    narrative_views,
    publish_views,
    rag_views,
)
from iru.web.pages.team_manager import views as team_manager_views
from iru.web.pages.unit_admin import export_views, import_views
from iru.web.pages.unit_admin import views as unit_admin_views

Patterns = list[URLPattern | URLResolver]

children: Patterns = [
    path("", common_views.child_list, name="list"),
    path("mine/", chair_views.my_children, name="mine"),
    path("<int:pk>/", common_views.child_detail, name="detail"),
]
meetings: Patterns = [
    path("record/", meeting_views.meeting_start, name="start"),
    path("record/details/", meeting_views.meeting_record_view, name="record"),
    path("<int:pk>/", common_views.meeting_detail, name="detail"),
    path("<int:pk>/correct/", meeting_change_views.meeting_correct_view, name="correct"),
    path("<int:pk>/cancel/", meeting_change_views.meeting_cancel_view, name="cancel"),
]
rag: Patterns = [
    path(
        "meetings/<int:meeting_pk>/children/<int:child_pk>/rating/",
        dispute_views.rag_rate,
        name="rate",
    ),
    path("ratings/<int:pk>/correct/", rating_views.rating_correct, name="rating-correct"),
    path("ratings/<int:pk>/cancel/", rating_views.rating_cancel, name="rating-cancel"),
    path(
        "ratings/<int:pk>/response/correct/",
        answer_views.response_correct,
        name="response-correct",
    ),
    path("replies/<int:pk>/correct/", answer_views.reply_correct, name="reply-correct"),
    path("children/<int:pk>/oversight/", oversight_views.oversight_add, name="oversight"),
    path(
        "oversight/<int:pk>/correct/", oversight_views.oversight_correct, name="oversight-correct"
    ),
    path("oversight/<int:pk>/cancel/", oversight_views.oversight_cancel, name="oversight-cancel"),
    path(
        "children/<int:pk>/escalations/new/",
        dispute_views.escalation_raise,
        name="escalation-raise",
    ),
    path("escalations/<int:pk>/", dispute_views.escalation_detail, name="escalation"),
    path(
        "escalations/<int:pk>/advance/", dispute_views.escalation_advance, name="escalation-advance"
    ),
    path("escalations/<int:pk>/reply/", dispute_views.escalation_reply, name="escalation-reply"),
    path(
        "escalations/<int:pk>/resolve/", dispute_views.escalation_resolve, name="escalation-resolve"
    ),
    path(
        "escalations/<int:pk>/cafcass/", dispute_views.escalation_cafcass, name="escalation-cafcass"
    ),
]
inbox: Patterns = [
    path("", team_manager_views.inbox, name="inbox"),
    path("ratings/<int:pk>/", team_manager_views.rating, name="rating"),
    path("escalations/<int:pk>/", team_manager_views.escalation, name="escalation"),
]
unitadmin: Patterns = [
    path("schedule/", unit_admin_views.schedule, name="schedule"),
    path("convene/<int:child_pk>/", unit_admin_views.convene, name="convene"),
    path("meetings/", unit_admin_views.convenings, name="convenings"),
    path("to-check/", unit_admin_views.to_check, name="to-check"),
    path("meetings/<int:pk>/", unit_admin_views.convening_detail, name="convening"),
    path("meetings/<int:pk>/change/", unit_admin_views.convening_change, name="convening-change"),
    path(
        "meetings/<int:pk>/cancel/",
        unit_admin_views.convening_cancel_view,
        name="convening-cancel",
    ),
]
imports: Patterns = [
    path("", import_views.history, name="history"),
    path("upload/", import_views.upload, name="upload"),
    path("<int:pk>/", import_views.run_detail, name="run"),
    path("<int:pk>/overlaps/", import_views.run_overlaps_page, name="overlaps"),
    path("<int:pk>/due-dates/", import_views.run_due_changes_page, name="due-dates"),
    path("reviews-export/", export_views.reviews_export, name="reviews-export"),
]
management: Patterns = [
    path("", overview_views.dashboard, name="dashboard"),
    path("caseloads/", overview_views.caseloads, name="caseloads"),
    path("allocations/", allocations_views.search, name="allocate"),
    path("allocations/<int:pk>/", allocations_views.child_allocations, name="child-allocations"),
    path(
        "allocations/spells/<int:pk>/correct/",
        allocations_views.allocation_correct_view,
        name="allocation-correct",
    ),
    path(
        "allocations/spells/<int:pk>/cancel/",
        allocations_views.allocation_cancel_view,
        name="allocation-cancel",
    ),
    path("rag-reasons/", catalogue_views.reason_list, name="reasons"),
    path("rag-reasons/add/", catalogue_views.reason_add, name="reason-add"),
    path("rag-reasons/<int:pk>/edit/", catalogue_views.reason_edit, name="reason-edit"),
    path("rag-reasons/<int:pk>/retire/", catalogue_views.reason_retire, name="reason-retire"),
    path("users/", users_views.user_list, name="users"),
    path("users/add/", users_views.user_add, name="user-add"),
    path("users/<int:pk>/role/", users_views.user_role, name="user-role"),
    path("users/<int:pk>/deactivate/", users_views.user_deactivate, name="user-deactivate"),
]
# The unit's reports: the Head of Service and admin reach the annual report; every role
# reaches the monthly RAG report, each for its own children.
reports: Patterns = [
    path("", annual_views.index, name="index"),
    path("annual/<str:year_end>/", annual_views.annual, name="annual"),
    path(
        "annual/<str:year_end>/download/<str:format>/",
        annual_views.annual_download,
        name="annual-download",
    ),
    path(
        "annual/<str:year_end>/narrative/<str:key>/",
        narrative_views.narrative,
        name="narrative",
    ),
    path("annual/<str:year_end>/publish/", publish_views.publish, name="publish"),
    path(
        "annual/<str:year_end>/published/<int:version>/",
        publish_views.published,
        name="published",
    ),
    path(
        "annual/<str:year_end>/published/<int:version>/<str:format>/<str:edition>/",
        publish_views.published_download,
        name="published-download",
    ),
    path("benchmarks/", benchmark_views.benchmarks, name="benchmarks"),
    path("benchmarks/<int:pk>/", benchmark_views.benchmark_edit, name="benchmark"),
    path(
        "benchmarks/<int:pk>/remove/",
        benchmark_views.benchmark_remove_view,
        name="benchmark-remove",
    ),
    path("rag/", rag_views.rag_report, name="rag-report"),
    path("rag/<str:month>/download/<str:format>/", rag_views.rag_download, name="rag-download"),
    path(
        "rag/<str:month>/narrative/<str:key>/", narrative_views.rag_narrative, name="rag-narrative"
    ),
]

urlpatterns: Patterns = [
    path("", common_views.home, name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="common/sign_in.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("account/password/", account_views.password_change, name="password-change"),
    path("children/", include((children, "children"))),
    path("meetings/", include((meetings, "meetings"))),
    path("rag/", include((rag, "rag"))),
    path("inbox/", include((inbox, "inbox"))),
    path("unit/", include((unitadmin, "unitadmin"))),
    path("imports/", include((imports, "imports"))),
    path("management/", include((management, "management"))),
    path("reports/", include((reports, "reports"))),
]
