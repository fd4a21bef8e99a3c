"""People through the API (issue 12, items 3, 4 and 7): created and corrected through the same doors as the pages,
scoped and audited; an outsider gets 404, a viewer 403, a wrong identification number a Vietnamese 400, and none of
them changes anything."""

import json

from tests.api.conftest import assert_error
from thidua.audit.models import AuditEntry
from thidua.org.models import Person

VAN = "051085012345"


def _patch(api, path, data):
    return api.client.patch(path, json.dumps(data), content_type="application/json", headers=api.headers)


def test_a_clerk_creates_and_corrects_a_person(token_api, cast, org):
    api = token_api(cast.clerk)
    created = api.post("/api/org/people", {"full_name": "Trần  Thị Lan", "gender": "female", "unit_id": org.youth.pk,
                                           "date_of_birth": "1990-03-02", "national_id": "051 190 012 345",
                                           "position": "Đoàn viên", "start_date": "2025-07-01"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["full_name"], body["national_id"], body["current_unit_id"]) == (
        "Trần Thị Lan", "051190012345", org.youth.pk)
    person = Person.objects.get(pk=body["id"])
    assert AuditEntry.objects.filter(action="person.created", target_id=str(person.pk), actor=cast.clerk).exists()
    fixed = _patch(api, f"/api/org/people/{person.pk}", {"full_name": "Trần Thị Lan Anh"})
    assert fixed.status_code == 200 and fixed.json()["full_name"] == "Trần Thị Lan Anh"
    entry = AuditEntry.objects.get(action="person.updated", target_id=str(person.pk))
    assert entry.data == {"old": {"full_name": "Trần Thị Lan"}, "new": {"full_name": "Trần Thị Lan Anh"}}


def test_refusals_change_nothing(token_api, cast, org, people):
    outsider, clerk, viewer = token_api(cast.outsider), token_api(cast.clerk), token_api(cast.council_member)
    before = (Person.objects.count(), AuditEntry.objects.count())
    new = {"full_name": "Lê Văn Ba", "gender": "male", "unit_id": org.binh_an.pk, "start_date": "2025-07-01"}
    assert_error(outsider.post("/api/org/people", new), 404)
    assert_error(viewer.post("/api/org/people", new), 403)
    assert_error(clerk.post("/api/org/people", {**new, "national_id": "051285012345", "date_of_birth": "1985-01-01"}),
                 400, "số thứ 4 '2'")
    assert_error(clerk.post("/api/org/people", {**new, "gender": "x"}), 400, "Giới tính 'x'")
    path = f"/api/org/people/{people.van.pk}"
    assert_error(_patch(outsider, path, {"full_name": "X"}), 404)
    assert_error(_patch(viewer, path, {"full_name": "X"}), 403)
    assert_error(_patch(clerk, path, {"full_name": "  "}), 400, "họ và tên")
    assert (Person.objects.count(), AuditEntry.objects.count()) == before
    assert Person.objects.get(pk=people.van.pk).full_name == "Nguyễn Thanh Văn"
