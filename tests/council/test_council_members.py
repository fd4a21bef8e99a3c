"""Thành lập hội đồng and its members: the clerk of the level only; one chair, one secretary."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.audit.models import AuditEntry
from thidua.council import services
from thidua.council.models import Council, CouncilMember

from .conftest import TERM_START


def test_it_creates_a_council_and_audits_it(cast, org):
    council = services.council_create(
        acting_user=cast.clerk, unit=org.binh_an, name="Hội đồng TĐKT xã Bình An", term_start=TERM_START
    )
    assert Council.objects.get() == council
    assert AuditEntry.objects.get(action="council.created").actor == cast.clerk


def test_it_refuses_the_wrong_role_and_the_other_unit(cast, org):
    for user in (cast.council_member, cast.chairman, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.council_create(acting_user=user, unit=org.binh_an, name="X", term_start=TERM_START)
    assert not Council.objects.exists()


def test_it_refuses_an_overlapping_term(cast, org):
    services.council_create(acting_user=cast.clerk, unit=org.binh_an, name="A", term_start=TERM_START)
    with pytest.raises(ValidationError, match="đã có Hội đồng"):
        services.council_create(acting_user=cast.clerk, unit=org.binh_an, name="B", term_start=dt.date(2024, 1, 1))


def test_it_adds_members_with_one_chair_and_one_secretary(council_factory, cast, make_user, org):
    c = council_factory(3)
    assert [m.role for m in c.members] == ["chair", "secretary", "member"]
    extra = make_user("extra", org.binh_an, ["council_member"], "Trần Văn Thêm")
    with pytest.raises(ValidationError, match="đã có Chủ tịch"):
        services.member_add(council=c.council, user=extra, role="chair", start=TERM_START, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="đã có Thư ký"):
        services.member_add(council=c.council, user=extra, role="secretary", start=TERM_START, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="đã là thành viên"):
        services.member_add(council=c.council, user=cast.clerk, role="member", start=TERM_START, acting_user=cast.clerk)
    assert CouncilMember.objects.count() == 3


def test_it_refuses_a_member_from_another_commune(council_factory, cast):
    c = council_factory(3)
    with pytest.raises(ValidationError, match="thuộc đơn vị"):
        services.member_add(
            council=c.council, user=cast.outsider, role="member", start=TERM_START, acting_user=cast.clerk
        )


def test_it_refuses_member_changes_by_others(council_factory, cast):
    c = council_factory(3)
    for user in (cast.council_member, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.member_end(member=c.members[2], end=dt.date(2024, 1, 1), acting_user=user)
    c.members[2].refresh_from_db()
    assert c.members[2].end is None


def test_it_ends_a_membership_and_shrinks_the_total(council_factory, cast):
    c = council_factory(4)
    services.member_end(member=c.members[3], end=dt.date(2023, 12, 31), acting_user=cast.clerk)
    from thidua.council.selectors import members_on

    assert members_on(c.council, dt.date(2024, 1, 15)).count() == 3
    assert members_on(c.council, dt.date(2023, 12, 31)).count() == 4
    assert AuditEntry.objects.filter(action="council.member_ended").exists()


def test_it_refuses_a_session_outside_the_term(council_factory, cast):
    c = council_factory(3)
    with pytest.raises(ValidationError, match="nhiệm kỳ"):
        services.session_create(
            council=c.council, date=dt.date(2020, 1, 1), place="UBND", title="", acting_user=cast.clerk
        )


def test_it_refuses_a_draft_or_foreign_nomination_on_the_agenda(council_factory, nomination_factory, people, org, cast):
    c = council_factory(3)
    session = services.session_create(
        council=c.council, date=dt.date(2024, 1, 15), place="UBND", title="", acting_user=cast.clerk
    )
    with pytest.raises(ValidationError, match="đã trình"):
        services.agenda_add(
            session=session, nomination=nomination_factory(people=[people.luc], status="draft"), acting_user=cast.clerk
        )
    with pytest.raises(ValidationError, match="thẩm quyền"):
        services.agenda_add(
            session=session, nomination=nomination_factory(people=[people.luc], unit=org.other), acting_user=cast.clerk
        )
    assert not session.agenda.exists()
