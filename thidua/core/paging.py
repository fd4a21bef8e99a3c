"""Every list page shows a bounded page of rows (issue 11, item 2): ?trang=N, PAGE_ROWS rows a page; the
navigation (templates/_pagination.html) keeps the other query parameters (search, filters)."""

from django.core.paginator import Paginator

PAGE_ROWS = 100
# A search is counted up to this many matches ("hơn 1000 dòng"): ten pages is more than anyone reads.
SEARCH_COUNT_CAP = 1000


class _Counted(Paginator):
    def __init__(self, rows, per_page, known: int):
        super().__init__(rows, per_page)
        self.__dict__["count"] = known  # the cached_property, answered without a COUNT query


def page_of(request, rows, per_page: int | None = None, *, count: int | None = None, cap: int | None = None):
    """One page of ``rows`` (an ordered queryset or a list); a bad or too large number gives the last page.
    ``count``: the number of rows when the caller already knows it (stored counts), saving the COUNT.
    ``cap``: count a queryset only up to this many rows (a search matching a seventh of a million people stops
    counting there); the page then says ``capped`` and shows that many."""
    size = per_page or PAGE_ROWS
    capped = False
    if count is None and cap is not None:
        count = rows.order_by()[:cap + 1].count()  # unordered: the count stops at the cap instead of sorting
        capped = count > cap
        count = min(count, cap)
    paginator = Paginator(rows, size) if count is None else _Counted(rows, size, count)
    page = paginator.get_page(request.GET.get("trang"))
    page.capped = capped
    return page
