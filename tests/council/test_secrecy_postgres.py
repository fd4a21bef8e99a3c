"""The secret ballot is secret in PostgreSQL's storage too (issue 9, item 6).

An administrator with the database (not the server's BALLOT_SEAL_KEY) tries what links a row to
the transaction, the place or the moment it was written: the rows' transaction ids (`xmin`),
their physical order (`ctid`), their keys, and the dead row versions left in the table file
(read with pageinspect). Ten members vote on two nominees with mirrored choices, in an
interleaved order, each vote its own committed transaction.

During the round the only rows a vote writes beside its receipt are seals: same size whatever
the choice, no plain text, every tag different. After the count the plain ballots are one
batch in one transaction in a canonical order: what is stored is a function of the tally, so
the two nominees' tables look the same although every member chose the opposite on each.

Needs PostgreSQL: skipped with a reason on SQLite unless THIDUA_REQUIRE_POSTGRES=1, then it fails.
"""

import pytest
from django.db import connection

from thidua.council import services
from thidua.council.models import BallotChoice, SealedBallot, VoterReceipt

from .conftest import AGREE, DISAGREE, vote

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
MEMBERS = 10
PLAIN = (b"agree", b"disagree", "Đồng ý".encode(), "Không đồng ý".encode())


def rows(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def heap_tuples(table):
    """Every tuple in the table file, live and dead: (xmin, xmax, raw bytes)."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
    pages = rows("SELECT pg_relation_size(%s::regclass) / current_setting('block_size')::int", [table])[0][0]
    found = []
    for page in range(pages):
        found += rows(
            "SELECT t_xmin::text, t_xmax::text, t_data FROM heap_page_items(get_raw_page(%s, %s)) "
            "WHERE t_data IS NOT NULL",
            [table, page],
        )
    return [(xmin, xmax, bytes(data)) for xmin, xmax, data in found]


def receipts_by_xmin():
    return dict(rows("SELECT xmin::text, member_id FROM council_voterreceipt"))


def choice_of(member_index, nominee_index):
    """Members 0–4 agree on the first nominee and disagree on the second; 5–9 the opposite."""
    first = AGREE if member_index < MEMBERS // 2 else DISAGREE
    return first if nominee_index == 0 else (DISAGREE if first == AGREE else AGREE)


@pytest.fixture
def ten_votes(require_postgres, council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(MEMBERS)
    session = open_session(c, [nomination_factory(people=[people.luc, people.van])])
    services.round_open(session=session, acting_user=cast.clerk)
    nominees = list(session.nominees.order_by("pk"))
    # Interleaved: 9, 0, 8, 1, … so the order of voting is neither the members' order nor the choices'.
    order = [i for pair in zip(range(MEMBERS - 1, MEMBERS // 2 - 1, -1), range(MEMBERS // 2), strict=True) for i in pair]
    for i in order:
        for k, nominee in enumerate(nominees):
            vote(session, c.users[i], nominee, choice_of(i, k))  # autocommit: one transaction per vote
    return c, session, nominees


def assert_no_plain_choice(table):
    for _, _, data in heap_tuples(table):
        assert not any(word in data for word in PLAIN), (table, data)


def test_an_open_round_stores_nothing_that_tells_a_voters_choice(ten_votes):
    c, session, nominees = ten_votes
    assert VoterReceipt.objects.count() == 2 * MEMBERS
    # xmin: the receipt's transaction wrote a seal and no plain ballot.
    assert not BallotChoice.objects.exists()
    # The receipt is written in a savepoint (its own sub-transaction id), the seal beside it.
    linked = rows(
        "SELECT s.tag FROM council_voterreceipt r JOIN council_sealedballot s ON s.nominee_id = r.nominee_id "
        "AND abs(s.xmin::text::bigint - r.xmin::text::bigint) <= 1"
    )
    assert len(linked) == 2 * MEMBERS  # the administrator finds each voter's seal …
    tags = [bytes(t) for (t,) in linked]
    assert {len(t) for t in tags} == {32} and len(set(tags)) == len(tags)  # … and nothing in it to group by
    nonces = [bytes(n) for (n,) in rows("SELECT nonce FROM council_sealedballot")]
    assert {len(n) for n in nonces} == {16} and len(set(nonces)) == len(nonces)
    for table in ("council_sealedballot", "council_voterreceipt", "council_ballotchoice", "council_roundresult"):
        assert_no_plain_choice(table)
    # No column of the seals names a member or a time.
    columns = {r[0] for r in rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'council_sealedballot'")}
    assert columns == {"id", "round_id", "nominee_id", "nonce", "tag"}


def test_a_closed_round_stores_only_the_tally(ten_votes, cast):
    c, session, nominees = ten_votes
    services.round_close(session=session, acting_user=cast.clerk)
    assert not SealedBallot.objects.exists()
    receipts = receipts_by_xmin()
    # xmin: every plain ballot, live or dead, was written by the count's one transaction, no voter's;
    # sharing one id, they cannot be told apart by it (whichever voter's id lies next to it).
    ballots = heap_tuples("council_ballotchoice")
    assert len(ballots) == 2 * MEMBERS  # no dead versions: the ballots were never rewritten
    assert len({xmin for xmin, _, _ in ballots}) == 1
    assert not {xmin for xmin, _, _ in ballots} & set(receipts)
    # Physical order and keys: the same for both nominees although each member chose the opposite.
    in_file_order = [
        rows("SELECT choice FROM council_ballotchoice WHERE nominee_id = %s ORDER BY ctid", [n.pk])
        for n in nominees
    ]
    assert in_file_order[0] == in_file_order[1] == [(AGREE,)] * (MEMBERS // 2) + [(DISAGREE,)] * (MEMBERS // 2)
    # Dead seals left in the file are the opaque seals, written by the voters' transactions.
    dead_seals = heap_tuples("council_sealedballot")
    assert len(dead_seals) <= 2 * MEMBERS
    voters_xids = {int(x) for x in receipts}
    assert all(int(x) - 1 in voters_xids or int(x) + 1 in voters_xids for x, _, _ in dead_seals)
    assert_no_plain_choice("council_sealedballot")
    # And the count itself is right.
    for result in session.rounds.get().results.all():
        assert (result.agree, result.disagree) == (MEMBERS // 2, MEMBERS // 2)
