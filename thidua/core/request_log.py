"""One structured line per request (logger "thidua.request", JSON): method, path, status, duration, user,
and a request id (X-Request-ID from the proxy, or a new one), also sent back in the response."""

import json
import logging
import time
import uuid

logger = logging.getLogger("thidua.request")


class RequestLog:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        began = time.perf_counter()
        request_id = (request.headers.get("X-Request-ID") or "")[:64] or uuid.uuid4().hex
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logger.info(json.dumps({
            "request_id": request_id, "method": request.method, "path": request.path,
            "status": response.status_code, "ms": round((time.perf_counter() - began) * 1000, 1),
            "user": user.pk if user is not None and user.is_authenticated else None,
        }, ensure_ascii=False))
        response["X-Request-ID"] = request_id
        return response
