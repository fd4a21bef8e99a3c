"""The scoped lists never repeat a row although their scope is an OR of several paths (they filter on forward
foreign keys only), so they need no DISTINCT (issue 11, item 2)."""

from thidua.accounts.services import role_assign
from thidua.awards.selectors import decision_list_for, grant_list_for, nomination_list_for


def test_a_row_seen_through_two_scopes_is_listed_once(make_user, org, people, issued_decision):
    # Roles at the commune and at its Youth Union reach the same nomination, decision and grants twice over;
    # the province officer reaches the issuer, the recipients' units and the proposing unit at once.
    both = make_user("both", org.binh_an, ["clerk"])
    role_assign(user=both, role_code="head", unit=org.youth)
    province = make_user("prov2", org.province, ["province_officer"])
    for user in (both, province):
        for listed in (nomination_list_for(user), decision_list_for(user), grant_list_for(user)):
            pks = list(listed.values_list("pk", flat=True))
            assert pks and len(pks) == len(set(pks)), (user.username, listed.model.__name__)
