"""Request guards shared by pages and API."""

from django.http import JsonResponse
from django.shortcuts import render

ERR_NUL = "Yêu cầu chứa ký tự không hợp lệ (ký tự NUL): hãy nhập lại nội dung."


def _has_nul(querydict) -> bool:
    return any("\x00" in k or any("\x00" in v for v in values) for k, values in querydict.lists())


class RefuseNulBytes:
    """A NUL byte in a parameter or form field is never meaningful and PostgreSQL refuses it inside a string
    (a 500 deep in a query): refuse the request at the door with a 400 in Vietnamese, JSON for the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = "\x00" in request.path or _has_nul(request.GET)
        if not bad and request.method == "POST" and request.content_type in (
                "application/x-www-form-urlencoded", "multipart/form-data"):
            bad = _has_nul(request.POST)
        if not bad and request.content_type == "application/json" and b"\\u0000" in request.body:
            bad = True
        if bad:
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": ERR_NUL}, status=400)
            return render(request, "400.html", {"message": ERR_NUL}, status=400)
        return self.get_response(request)
