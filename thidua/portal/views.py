"""Public pages (no login): certificate verification and the disclosed nomination lists.

They show only what the law makes public: the names, positions and achievements on a list under
disclosure, the period, and the comments the clerk approved with their answers.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.awards import disclosure as disclosures
from thidua.awards.catalog import award_name
from thidua.awards.disclosure import public_disclosure_get, public_disclosures
from thidua.awards.models import CommentStatus, Grant
from thidua.core.clientip import client_ip
from thidua.core.routes import Routes
from thidua.council.forms import CommentForm

from .forms import CertificateLookupForm

routes = Routes()

ERR_NOT_FOUND = ("Không tìm thấy khen thưởng nào có số quyết định và số sổ vàng này. Kiểm tra lại hai số in ở góc dưới "
                 "bên trái giấy chứng nhận.")


@routes("", "home")
def home(request):
    return render(request, "portal/home.html", {"disclosures": public_disclosures()[:20],
                                                "lookup": CertificateLookupForm()})


@routes("tra-cuu/", "certificate-lookup")
def certificate_lookup(request):
    """A certificate checked without its QR code: by the decision number and the golden-book number it prints
    (both needed: together they name one award; either alone would list strangers' awards)."""
    form = CertificateLookupForm(request.GET or None)
    found, status = [], 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound:
        number, symbol = form.cleaned_data["decision_number"]
        found = list(Grant.objects.filter(
            decision__number=number, decision__symbol__iexact=symbol,
            golden_book_number=form.cleaned_data["golden_book_number"].strip(),
        ).select_related("decision__issuer")[:5])
        if len(found) == 1:
            return redirect("portal:verify", code=found[0].verify_code)
        if not found:
            form.add_error(None, ERR_NOT_FOUND)
            status = 404
    return render(request, "portal/lookup.html", {"form": form, "found": found}, status=status)


@routes("xac-minh/<str:code>/", "verify")
def verify(request, code):
    # Public by design (certificate QR code); it reveals only what the certificate shows.
    grant = Grant.objects.filter(verify_code=code).select_related("decision", "decision__issuer").first()
    status = 200 if grant else 404
    return render(
        request,
        "portal/verify.html",
        {
            "grant": grant,
            "award_name": award_name(grant.award_code) if grant else "",
        },
        status=status,
    )


@routes("danh-sach/", "disclosure-list")
def disclosure_list(request):
    return render(request, "portal/disclosure_list.html", {"disclosures": public_disclosures()})


@routes("danh-sach/<int:pk>/", "disclosure-detail")
def disclosure_detail(request, pk):
    disclosure = public_disclosure_get(pk)
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                disclosures.comment_submit(
                    disclosure=disclosure,
                    text=data["text"],
                    author_name=data["author_name"],
                    contact=data["contact"],
                    honeypot=data["website"],
                    ip=client_ip(request),
                )
            except disclosures.CommentFlood as exc:
                form.add_error(None, exc.messages[0])
                status = 429
            except ValidationError as exc:
                for msg in exc.messages:
                    form.add_error(None, msg)
                status = 400
            else:
                messages.success(
                    request,
                    "Cảm ơn bạn đã góp ý. Ý kiến sẽ được cơ quan phụ trách xem xét, trả lời "
                    "và hiển thị sau khi được duyệt.",
                )
                return redirect("portal:disclosure-detail", pk=disclosure.pk)
        else:
            status = 400
    nomination = disclosure.nomination
    return render(
        request,
        "portal/disclosure_detail.html",
        {
            "disclosure": disclosure,
            "nomination": nomination,
            "award_name": award_name(nomination.award_code),
            "entries": nomination.entries.all(),
            "comments": disclosure.comments.filter(status=CommentStatus.APPROVED),
            "open_for_comments": disclosure.running_on(timezone.localdate()),
            "form": form,
        },
        status=status,
    )
