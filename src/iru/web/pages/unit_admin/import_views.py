"""Uploading SSDA903 and CIN census files (admin), and the history of imports (admin and the
Head of Service).

Thin: the form checks names and sizes before anything is parsed, `dataset_upload` reads and
imports. A refused file is shown in the GOV.UK error summary, naming the file. The result of
an upload and the run's page in the history show what the import left to check from the same
stored lists (ADR 0018): the first few of each, and every one on a page of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from iru.web import clock
from iru.web.core.access import role_required
from iru.web.imports.selectors import (
    import_run_for_user,
    import_runs,
    run_due_changes,
    run_overlaps,
)
from iru.web.imports.services.uploads import dataset_upload, upload_refused
from iru.web.pages.unit_admin.upload_forms import SizeLimitUploadHandler, UploadForm
from iru.web.people.access import SignedInRequest
from iru.web.people.roles import ADMIN, HEAD_OF_SERVICE

if TYPE_CHECKING:
    from iru.web.imports.models import ImportRun

READERS = (ADMIN, HEAD_OF_SERVICE)
MAX_PROBLEMS_SHOWN = 1000
TO_CHECK_SHOWN = 20  # of each list, on the result and the run's page; the rest a link away
PER_PAGE = 100


@csrf_exempt  # the size limit must be in place before the body is read; CSRF is checked below
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    limit = SizeLimitUploadHandler(request)
    handlers = request.upload_handlers
    assert isinstance(handlers, list)  # a list until the body is read (then immutable)
    handlers.insert(0, limit)
    return _upload(request, limit)


@csrf_protect
@role_required(ADMIN)
def _upload(request: SignedInRequest, limit: SizeLimitUploadHandler) -> HttpResponse:
    if request.method != "POST":
        return render(request, "unit_admin/import_upload.html", {"form": UploadForm()})
    uploads = request.FILES.getlist("files")
    form = UploadForm(request.POST, uploads=uploads, too_large=limit.too_large)
    if not form.is_valid():
        if form.chosen_names():  # files refused unread: kept in the history too
            reasons = [str(error) for error in form.errors.get("files", [])]
            upload_refused(names=form.chosen_names(), reasons=reasons, user=request.user)
        return render(request, "unit_admin/import_upload.html", {"form": form}, status=400)
    outcome = dataset_upload(files=form.named_contents(), user=request.user, today=clock.today())
    if not outcome.imported:
        form.add_error("files", _refusal(outcome.refused_file, outcome.reason))
        context = {"form": form, "refused": outcome}
        return render(request, "unit_admin/import_upload.html", context, status=400)
    assert outcome.summary is not None  # imported
    context = {
        "outcome": outcome,
        "problems": outcome.problems[:MAX_PROBLEMS_SHOWN],
        # What the import itself noted (a row without its key, a reason not catalogued).
        "other_problems": outcome.summary.warnings[len(outcome.problems) :][:MAX_PROBLEMS_SHOWN],
        **_to_check(import_run_for_user(request.user, outcome.run_id, path=request.path)),
    }
    return render(request, "unit_admin/import_result.html", context)


def _to_check(run: ImportRun) -> dict[str, object]:
    return {
        "run": run,
        "overlaps": run_overlaps(run, first=TO_CHECK_SHOWN),
        "due_changes": run_due_changes(run, first=TO_CHECK_SHOWN),
    }


def _refusal(file: str, reason: str) -> str:
    if file:
        return f"{file} could not be read: it {reason}. Nothing was imported."
    return f"Nothing was imported: {reason}."


@require_GET
@role_required(*READERS)
def history(request: SignedInRequest) -> HttpResponse:
    page_obj = Paginator(import_runs(), 50).get_page(request.GET.get("page"))
    return render(request, "unit_admin/import_history.html", {"page_obj": page_obj})


@require_GET
@role_required(*READERS)
def run_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    run = import_run_for_user(request.user, pk, path=request.path)
    return render(request, "unit_admin/import_run.html", _to_check(run))


@require_GET
@role_required(*READERS)
def run_overlaps_page(request: SignedInRequest, pk: int) -> HttpResponse:
    """Every child the run left with overlapping episodes, a page at a time."""
    run = import_run_for_user(request.user, pk, path=request.path)
    page_obj = Paginator(run_overlaps(run), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "unit_admin/import_overlaps.html", {"run": run, "page_obj": page_obj})


@require_GET
@role_required(*READERS)
def run_due_changes_page(request: SignedInRequest, pk: int) -> HttpResponse:
    """Every next due date the run moved, a page at a time."""
    run = import_run_for_user(request.user, pk, path=request.path)
    page_obj = Paginator(run_due_changes(run), PER_PAGE).get_page(request.GET.get("page"))
    context = {"run": run, "page_obj": page_obj}
    return render(request, "unit_admin/import_due_changes.html", context)
