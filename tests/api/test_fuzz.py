"""The whole API under a bounded schemathesis run (issue 10, item 8): every operation in the published schema,
with valid and invalid input, as a commune clerk and as a provincial officer, against a database with a
decision, grants and nominations in it. Any server error, any response that breaks the schema (status,
content type or body) fails the test.

Bounded by FUZZ_EXAMPLES per operation and user (default 12; CI runs the default).
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from thidua.api.services import api_token_create

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _published_schema():
    """The schema /api/openapi.json serves, read without a request (collection has no database)."""
    import thidua.urls  # noqa: F401  (mounts every router, the to-do list's included)
    from thidua.api.api import api
    from thidua.wsgi import application

    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema())
    loaded.app = application
    return loaded


schema = _published_schema()


@pytest.fixture
def same_connection():
    """The app is called as WSGI, not through Django's test client: like the client, keep the request
    signals from closing the test's database connection (its transaction holds the data)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearers(same_connection, cast, issued_decision, report_like_data):
    """A commune clerk's and a provincial officer's token: each generated request is sent with both."""
    keys = [api_token_create(user=user, name="Kiểm thử mờ", acting_user=user)[1]
            for user in (cast.clerk, cast.province_officer)]
    return [{"Authorization": f"Bearer {key}"} for key in keys]


@pytest.fixture
def report_like_data(org, people, cast):
    """A second nomination in each state the doors look at: a draft and a submitted one."""
    from tests.conftest import OVERRIDE_REASON
    from thidua.awards import services

    draft = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2024,
                                       title="Đề nghị tặng Giấy khen năm 2024", reason_text="có thành tích")
    services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                  achievement="Hoàn thành xuất sắc nhiệm vụ năm 2024", override_reason=OVERRIDE_REASON)
    return draft


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_answer_matches_the_schema(case, bearers):
    for headers in bearers:
        case.call_and_validate(headers=headers, checks=CHECKS)
