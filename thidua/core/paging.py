"""Every list page shows a bounded page of rows (issue 11, item 2): ?trang=N, PAGE_ROWS rows a page; the
navigation (templates/_pagination.html) keeps the other query parameters (search, filters)."""

from django.core.paginator import Paginator

PAGE_ROWS = 100


def page_of(request, rows, per_page: int | None = None):
    """One page of ``rows`` (an ordered queryset or a list); a bad or too large number gives the last page."""
    return Paginator(rows, per_page or PAGE_ROWS).get_page(request.GET.get("trang"))
