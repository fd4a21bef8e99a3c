"""Every list page shows a bounded page of rows (issue 11, item 2): ?trang=N, PAGE_ROWS rows a page; the
navigation (templates/_pagination.html) keeps the other query parameters (search, filters)."""

from django.core.paginator import Paginator

PAGE_ROWS = 100


class _Counted(Paginator):
    def __init__(self, rows, per_page, known: int):
        super().__init__(rows, per_page)
        self.__dict__["count"] = known  # the cached_property, answered without a COUNT query


def page_of(request, rows, per_page: int | None = None, *, count: int | None = None):
    """One page of ``rows`` (an ordered queryset or a list); a bad or too large number gives the last page.
    ``count``: the number of rows when the caller already knows it (stored counts), saving the COUNT."""
    size = per_page or PAGE_ROWS
    paginator = Paginator(rows, size) if count is None else _Counted(rows, size, count)
    return paginator.get_page(request.GET.get("trang"))
