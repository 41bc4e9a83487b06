"""Uploading SSDA903 and CIN census files, and the history of imports.

Thin: the form checks names and sizes before anything is parsed, `uploads.dataset_upload`
reads and imports. A refused file is shown in the GOV.UK error summary, naming the file.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from iru.web.imports.forms import SizeLimitUploadHandler, UploadForm
from iru.web.imports.models import ImportRun
from iru.web.imports.uploads import dataset_upload
from iru.web.people.models import User
from iru.web.unitadmin.access import role_required

ADMIN = User.Role.ADMIN
READERS = (User.Role.ADMIN, User.Role.HEAD_OF_SERVICE)
MAX_PROBLEMS_SHOWN = 1000


@csrf_exempt  # the size limit must be in place before the body is read; CSRF is checked below
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    limit = SizeLimitUploadHandler(request)
    request.upload_handlers.insert(0, limit)
    return _upload(request, limit)


@csrf_protect
@role_required(ADMIN)
def _upload(request: HttpRequest, limit: SizeLimitUploadHandler) -> HttpResponse:
    if request.method != "POST":
        return render(request, "imports/upload.html", {"form": UploadForm()})
    uploads = request.FILES.getlist("files")
    form = UploadForm(request.POST, uploads=uploads, too_large=limit.too_large)
    if not form.is_valid():
        return render(request, "imports/upload.html", {"form": form}, status=400)
    outcome = dataset_upload(files=form.named_contents(), user=request.user)
    if not outcome.imported:
        form.add_error("files", _refusal(outcome.refused_file, outcome.reason))
        context = {"form": form, "refused": outcome}
        return render(request, "imports/upload.html", context, status=400)
    context = {
        "outcome": outcome,
        "problems": outcome.problems[:MAX_PROBLEMS_SHOWN],
        "run": ImportRun.objects.get(pk=outcome.run_id),
    }
    return render(request, "imports/result.html", context)


def _refusal(file: str, reason: str) -> str:
    if file:
        return f"{file} could not be read: it {reason}. Nothing was imported."
    return f"Nothing was imported: {reason}."


@require_GET
@role_required(*READERS)
def history(request: HttpRequest) -> HttpResponse:
    runs = ImportRun.objects.select_related("user").order_by("-started_at", "-pk")
    page_obj = Paginator(runs, 50).get_page(request.GET.get("page"))
    return render(request, "imports/history.html", {"page_obj": page_obj})


@require_GET
@role_required(*READERS)
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun.objects.select_related("user"), pk=pk)
    return render(request, "imports/run.html", {"run": run})
