"""Your notifications and the deadlines that bind your units: the same selectors and doors as the pages."""

import datetime as dt

from ninja import Field, Router, Schema, Status

from thidua.core.errors import one_or_404
from thidua.notifications import selectors, services
from thidua.org.selectors import unit_get_for_user

from .common import responses

router = Router()


class NotificationOut(Schema):
    id: int
    text: str
    url: str
    kind: str
    created_at: dt.datetime
    read_at: dt.datetime | None


class NotificationsOut(Schema):
    unread: int
    items: list[NotificationOut]


class ReadIn(Schema):
    ids: list[int] | None = Field(None, description="Bỏ trống: đánh dấu tất cả.")


class ReadOut(Schema):
    marked: int


class DeadlineOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    year: int
    kind: str
    title: str
    due_on: dt.date


class DeadlineIn(Schema):
    unit_id: int
    year: int
    kind: str = Field(..., description="registration | submission | review | report | other")
    title: str = Field(..., min_length=1, max_length=300)
    due_on: dt.date


@router.get("", response=responses(NotificationsOut), url_name="notifications", summary="Thông báo của tôi")
def notifications(request, limit: int = 50):
    qs = selectors.notifications_for(request.auth)
    return {"unread": selectors.unread_count(request.auth), "items": list(qs[:max(1, min(limit, 200))])}


@router.post("/read", response=responses(ReadOut, write=True), url_name="notifications-read",
             summary="Đánh dấu đã đọc")
def read(request, payload: ReadIn):
    return {"marked": services.notifications_read(acting_user=request.auth, ids=payload.ids)}


@router.get("/deadlines", response=responses(list[DeadlineOut]), url_name="deadlines",
            summary="Thời hạn trong kế hoạch năm áp dụng cho đơn vị của tôi")
def deadlines(request, upcoming: bool = False):
    return list(selectors.deadlines_for(request.auth, upcoming_only=upcoming))


@router.post("/deadlines", response=responses(DeadlineOut, 201, write=True), url_name="deadline-create",
             summary="Đặt thời hạn (nhắc trước hạn cho các đơn vị trực thuộc)")
def deadline_create(request, payload: DeadlineIn):
    unit = unit_get_for_user(request.auth, payload.unit_id)
    return Status(201, services.deadline_create(acting_user=request.auth, unit=unit, year=payload.year,
                                                kind=payload.kind, title=payload.title, due_on=payload.due_on))


@router.delete("/deadlines/{deadline_id}", response=responses(None, 204, write=True), url_name="deadline-delete",
               summary="Bỏ thời hạn")
def deadline_delete(request, deadline_id: int):
    deadline = one_or_404(selectors.deadlines_for(request.auth), deadline_id)
    services.deadline_delete(acting_user=request.auth, deadline=deadline)
    return Status(204, None)
