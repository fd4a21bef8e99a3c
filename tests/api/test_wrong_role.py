"""In reach but without the role: a council member sees Bình An's objects but changes none (403)."""

from tests.api.conftest import assert_error, snapshot
from tests.api.test_outsider import binh_an, reads, writes  # noqa: F401  (binh_an is a fixture)


def test_the_council_member_reads_binh_an(api_as, cast, binh_an):  # noqa: F811
    api = api_as(cast.council_member)
    for path in reads(binh_an):
        assert api.get(path).status_code == 200, path


def test_the_council_member_gets_403_for_every_write_and_nothing_changes(api_as, token_api, cast, binh_an):  # noqa: F811
    clients = [api_as(cast.council_member), token_api(cast.council_member)]
    before = snapshot()
    for api in clients:
        for method, path, payload in writes(binh_an):
            response = api.delete(path) if method == "delete" else api.post(path, payload)
            assert_error(response, 403)
    assert snapshot() == before
