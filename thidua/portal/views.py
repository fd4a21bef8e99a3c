from django.shortcuts import render

from thidua.awards.catalog import award_name
from thidua.awards.models import Grant


def home(request):
    return render(request, "portal/home.html")


def verify(request, code):
    # Public by design (certificate QR code); it reveals only what the certificate shows.
    grant = Grant.objects.filter(verify_code=code).select_related("decision", "decision__issuer").first()
    status = 200 if grant else 404
    return render(request, "portal/verify.html", {
        "grant": grant, "award_name": award_name(grant.award_code) if grant else "",
    }, status=status)
