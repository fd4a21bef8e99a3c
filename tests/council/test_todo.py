"""A council member is told when a ballot opens, and the home page lists it until they have voted."""

from django.urls import reverse

from thidua.council import services
from thidua.notifications.models import Notification

from .conftest import vote


def test_an_open_round_notifies_the_present_members_and_waits_on_their_home(
    client, council_factory, nomination_factory, open_session, people, cast
):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    told = {n.user for n in Notification.objects.filter(kind="council.round_opened")}
    assert told == {cast.chairman, cast.council_member}  # the clerk opened it
    client.force_login(cast.council_member)
    body = client.get(reverse("home:home")).content.decode()
    assert 'data-kind="ballot"' in body and "còn 1 trường hợp" in body
    vote(session, cast.council_member, session.nominees.get())
    body = client.get(reverse("home:home")).content.decode()
    assert 'data-kind="ballot"' not in body


def test_scheduling_a_session_tells_the_members_its_date_and_place(council_factory, cast):
    import datetime as dt

    c = council_factory(3)
    services.session_create(council=c.council, date=dt.date(2024, 1, 15), place="Hội trường UBND xã",
                            title="Xét khen thưởng năm 2023", acting_user=cast.clerk)
    notes = Notification.objects.filter(kind="council.session_created")
    assert {n.user for n in notes} == {cast.chairman, cast.council_member}
    assert "15/01/2024 tại Hội trường UBND xã" in notes.first().text
