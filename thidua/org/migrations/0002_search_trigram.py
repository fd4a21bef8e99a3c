"""Trigram indexes for the name search (issue 11, item 2): search_text LIKE '%…%' is a sequential scan that a
B-tree cannot serve; on PostgreSQL a GIN index with pg_trgm's operator class can. SQLite has no such index and
keeps its plain scan (the development and small-office case)."""

from django.db import migrations

TABLES = ("org_person", "org_unit", "org_household")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table} "
                              "USING gin (search_text gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
