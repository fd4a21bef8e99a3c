"""Writing many rows at the speed of the database: COPY on PostgreSQL, ``bulk_create`` elsewhere.

COPY skips what ``bulk_create`` pays per row (a bound parameter per value, a statement per thousand rows); it
runs inside the caller's transaction like any other statement, so an all-or-nothing write stays one. The rows
are plain tuples in ``fields`` order (foreign keys by their ``*_id`` column; the other columns take the model's
defaults); JSON fields take Python values.
Nothing is returned: callers that need the new keys use ``bulk_create``.
"""

import json

import orjson
from django.db import connections, router
from django.utils import timezone


def _converter(field):
    """How a Python value goes into COPY: JSON as text; dates, numbers, text and keys as they are (psycopg)."""
    if field.get_internal_type() == "JSONField":
        encoder = field.encoder

        def to_json(value):
            if value is None:
                return None
            try:  # plain lists and dicts of text and numbers (nearly all): orjson, ten times the standard module
                return orjson.dumps(value).decode()
            except TypeError:  # a date, a decimal…: the field's own encoder
                return json.dumps(value, ensure_ascii=False, cls=encoder)

        return to_json
    return None


def insert_rows(model, fields: list[str], rows, *, batch_size: int = 2000) -> int:
    """Insert ``rows`` (an iterable of tuples in ``fields`` order) into ``model``'s table; returns the count."""
    alias = router.db_for_write(model)
    connection = connections[alias]
    given = [model._meta.get_field(name) for name in fields]
    # Columns not given take what Model() would give them (its default, "" for text, None): a constant once, a
    # callable default for each row; auto_now(_add) stamps take the time of the call.
    stamped = [f for f in model._meta.concrete_fields if f not in given and (getattr(f, "auto_now", False)
                                                                             or getattr(f, "auto_now_add", False))]
    rest = [f for f in model._meta.concrete_fields if f not in given and f not in stamped and not f.primary_key]
    now = timezone.now()
    callables = [f for f in rest if f.has_default() and callable(f.default)]  # NOT_PROVIDED is a class: callable
    fixed = [f for f in rest if f not in callables]
    constants = tuple(now if f.get_internal_type() == "DateTimeField" else now.date() for f in stamped) + tuple(
        f.get_default() for f in fixed)
    concrete = given + stamped + fixed + callables
    if len(concrete) > len(given):
        rows = ((*row, *constants, *(f.get_default() for f in callables)) for row in rows)
    count = 0
    if connection.vendor == "postgresql":
        columns = ", ".join(connection.ops.quote_name(f.column) for f in concrete)
        sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        convert = [(i, c) for i, c in enumerate(_converter(f) for f in concrete) if c is not None]
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                if convert:
                    row = list(row)
                    for i, c in convert:
                        row[i] = c(row[i])
                copy.write_row(row)
                count += 1
        return count
    chunk = []
    for row in rows:
        chunk.append(model(**{f.attname: v for f, v in zip(concrete, row, strict=True)}))
        if len(chunk) >= batch_size:
            model.objects.using(alias).bulk_create(chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        model.objects.using(alias).bulk_create(chunk)
        count += len(chunk)
    return count
