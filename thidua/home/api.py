"""The to-do list through the API (the same todo_for as the home page); mounted by thidua/urls.py."""

import datetime as dt

from ninja import Router, Schema

from thidua.api.routers.common import responses

from .todo import todo_for

router = Router()


class TodoOut(Schema):
    kind: str
    text: str
    url: str
    due: dt.date | None
    days_left: int | None


@router.get("", response=responses(list[TodoOut]), url_name="todo", summary="Việc cần làm của tôi")
def todo(request):
    return todo_for(request.auth)
