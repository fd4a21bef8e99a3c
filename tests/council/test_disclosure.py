"""Công khai: period in working days (weekends, Tết skipped), the gate for decisions, comment doors."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.conftest import at
from thidua.audit.models import AuditEntry
from thidua.awards import disclosure as disclosures
from thidua.awards.disclosure import disclosure_blocking_reason
from thidua.awards.models import CommentStatus, Disclosure
from thidua.council import services

from .conftest import vote


def test_it_counts_five_working_days_for_a_lower_title(nomination_factory, people, cast):
    n = nomination_factory("CSTDCS", people=[people.luc])
    with at(dt.date(2024, 1, 8)):
        d = disclosures.disclosure_open(nomination=n, acting_user=cast.clerk)
    assert (d.start, d.end, d.working_days) == (dt.date(2024, 1, 8), dt.date(2024, 1, 12), 5)
    entry = AuditEntry.objects.get(action="disclosure.opened")
    assert entry.actor == cast.clerk and entry.data["end"] == "2024-01-12"


def test_it_counts_ten_working_days_for_an_order_across_tet(nomination_factory, people, cast):
    n = nomination_factory("HCLD_3", people=[people.luc])
    with at(dt.date(2024, 2, 1)):
        d = disclosures.disclosure_open(nomination=n, acting_user=cast.clerk, start=dt.date(2024, 2, 5))
    # 5, 6, 7 Feb; Tết off 8–14 Feb; 15, 16, 19, 20, 21, 22, 23 Feb.
    assert (d.end, d.working_days) == (dt.date(2024, 2, 23), 10)


def test_it_starts_counting_after_a_weekend_start(nomination_factory, people, cast):
    n = nomination_factory("CSTDCS", people=[people.luc])
    with at(dt.date(2024, 1, 6)):
        d = disclosures.disclosure_open(nomination=n, acting_user=cast.clerk)  # a Saturday
    assert d.end == dt.date(2024, 1, 12)


def test_it_blocks_the_decision_while_running_and_until_comments_are_resolved(nomination_factory, people, cast):
    n = nomination_factory("CSTDCS", people=[people.luc])
    with at(dt.date(2024, 1, 8)):
        d = disclosures.disclosure_open(nomination=n, acting_user=cast.clerk)
        comment = disclosures.comment_submit(disclosure=d, text="Ông Lực chưa hoàn thành nhiệm vụ.", ip="1.2.3.4")
        assert "đang trong thời gian công khai" in disclosure_blocking_reason(n)
    with at(dt.date(2024, 1, 15)):
        assert "1 ý kiến góp ý" in disclosure_blocking_reason(n)
        disclosures.comment_moderate(comment=comment, approve=False, acting_user=cast.clerk)
        assert disclosure_blocking_reason(n) is not None  # hidden is not resolved
        disclosures.comment_resolve(
            comment=comment, response="Đã xác minh: ý kiến không có cơ sở.", acting_user=cast.clerk
        )
        assert disclosure_blocking_reason(n) is None


def test_nothing_blocks_a_nomination_never_disclosed(nomination_factory, people):
    assert disclosure_blocking_reason(nomination_factory(people=[people.luc])) is None


def test_it_refuses_the_wrong_role_the_other_unit_and_a_draft(nomination_factory, people, cast):
    n = nomination_factory(people=[people.luc])
    for user in (cast.council_member, cast.chairman, cast.outsider):
        with pytest.raises(PermissionDenied):
            disclosures.disclosure_open(nomination=n, acting_user=user)
    draft = nomination_factory(people=[people.luc], status="draft")
    with pytest.raises(ValidationError, match="Chỉ công khai đề nghị đã trình"):
        disclosures.disclosure_open(nomination=draft, acting_user=cast.clerk)
    assert not Disclosure.objects.exists()


def test_it_refuses_to_disclose_twice_at_once(nomination_factory, people, cast):
    n = nomination_factory(people=[people.luc])
    with at(dt.date(2024, 1, 8)):
        disclosures.disclosure_open(nomination=n, acting_user=cast.clerk)
        with pytest.raises(ValidationError, match="đang được công khai"):
            disclosures.disclosure_open(nomination=n, acting_user=cast.clerk)


def test_it_refuses_comment_moderation_by_others(nomination_factory, people, cast):
    n = nomination_factory(people=[people.luc])
    with at(dt.date(2024, 1, 8)):
        d = disclosures.disclosure_open(nomination=n, acting_user=cast.clerk)
        comment = disclosures.comment_submit(disclosure=d, text="Góp ý", ip="1.2.3.4")
    for user in (cast.council_member, cast.outsider):
        with pytest.raises(PermissionDenied):
            disclosures.comment_moderate(comment=comment, approve=True, acting_user=user)
        with pytest.raises(PermissionDenied):
            disclosures.comment_resolve(comment=comment, response="x", acting_user=user)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING and not comment.resolved
    with pytest.raises(ValidationError, match="Phải nhập nội dung trả lời"):
        disclosures.comment_resolve(comment=comment, response=" ", acting_user=cast.clerk)


def test_an_order_cannot_be_voted_before_ten_working_days_of_disclosure(
    council_factory, nomination_factory, open_session, people, cast
):
    c = council_factory(3)
    n = nomination_factory("HCLD_3", people=[people.luc])
    session = open_session(c, [n], date=dt.date(2024, 2, 26))
    with pytest.raises(ValidationError, match="ít nhất 10 ngày làm việc.*chậm nhất ngày 05/02/2024"):
        services.round_open(session=session, acting_user=cast.clerk)
    with at(dt.date(2024, 2, 6)):
        disclosures.disclosure_open(nomination=n, acting_user=cast.clerk, start=dt.date(2024, 2, 6))
    with pytest.raises(ValidationError, match="ít nhất 10 ngày làm việc"):
        services.round_open(session=session, acting_user=cast.clerk)
    Disclosure.objects.all().delete()
    with at(dt.date(2024, 2, 5)):
        disclosures.disclosure_open(nomination=n, acting_user=cast.clerk, start=dt.date(2024, 2, 5))
    # Meeting 26/02 − 10 working days = 05/02 (Tết 08–14/02 skipped): published on 05/02 is in time.
    services.round_open(session=session, acting_user=cast.clerk)
    vote(session, c.users[0], session.nominees.get())
