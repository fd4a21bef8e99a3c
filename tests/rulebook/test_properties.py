"""Property tests (hypothesis)."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.rulebook import amount_in_words, evaluate

from .helpers import Initiative, person

RATING = st.sampled_from(["HTXS", "HTT", "HT", "KHT"])
YEARS = range(2019, 2026)
DD = dt.date(2025, 12, 15)
CHAIN_CODES = ["CSTD_TINH", "CSTD_TQ", "BK_TINH", "BK_TTG"]


@st.composite
def histories(draw):
    ratings = {y: draw(RATING) for y in YEARS}
    cs = {y for y in YEARS if draw(st.booleans())}
    titles = {y: {"CSTDCS"} for y in cs}
    for y in YEARS:
        if draw(st.integers(0, 5)) == 0:
            titles.setdefault(y, set()).add("CSTD_TINH")
    grants = []
    if draw(st.booleans()):
        from thidua.rulebook import Grant
        grants.append(Grant("BK_TINH", year=draw(st.sampled_from(list(YEARS)))))
    inits = [Initiative(f"S{i}", draw(st.sampled_from(list(YEARS))), draw(st.sampled_from(["unit", "province", "national"])))
             for i in range(draw(st.integers(0, 3)))]
    return ratings, titles, grants, inits


@settings(max_examples=150, deadline=None)
@given(histories(), st.sampled_from(list(YEARS)), st.sampled_from(CHAIN_CODES))
def test_it_never_turns_eligible_by_breaking_a_chain(h, weak_year, code):
    ratings, titles, grants, inits = h
    before = evaluate(person(ratings, titles, grants=grants, initiatives=inits), code, 2025, DD).status
    weaker_ratings = {**ratings, weak_year: "HT"}
    weaker_titles = {y: set(c) - {"CSTDCS", "CSTD_TINH", "LDTT"} if y == weak_year else set(c) for y, c in titles.items()}
    after = evaluate(person(weaker_ratings, weaker_titles, grants=grants, initiatives=inits), code, 2025, DD).status
    if before == "not_eligible":
        assert after != "eligible"


@settings(max_examples=150, deadline=None)
@given(histories(), st.sampled_from(list(YEARS)))
def test_it_keeps_LDTT_when_adding_an_HTXS_year(h, y):
    ratings, titles, grants, inits = h
    before = evaluate(person(ratings, titles), "LDTT", 2025, DD).status
    after = evaluate(person({**ratings, y: "HTXS"}, titles), "LDTT", 2025, DD).status
    if before == "eligible":
        assert after == "eligible"


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10**15))
def test_it_always_ends_amounts_with_dong(n):
    w = amount_in_words(n)
    assert w.endswith(" đồng") and w[0].isupper()


def test_it_reads_every_amount_differently_in_a_range():
    ranges = [range(0, 120_000), range(999_000, 1_101_000), range(1_000_000_000, 1_000_020_000, 7)]
    for r in ranges:
        seen = {}
        for n in r:
            w = amount_in_words(n)
            assert w not in seen, (n, seen.get(w), w)
            seen[w] = n


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**12), st.integers(0, 10**12))
def test_it_is_injective_on_random_pairs(a, b):
    if a != b:
        assert amount_in_words(a) != amount_in_words(b)
