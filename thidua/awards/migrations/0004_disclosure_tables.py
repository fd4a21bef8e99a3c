"""The moved tables take awards' names; content types and audit targets follow the model."""

from django.db import migrations

MOVED = ("disclosure", "disclosurecomment")


def relabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="awards", model=model).exists():
            ContentType.objects.filter(app_label="council", model=model).update(app_label="awards")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    for model in MOVED:
        AuditEntry.objects.filter(target_type=f"council.{model}").update(target_type=f"awards.{model}")


def unlabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="awards", model__in=MOVED).update(app_label="council")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    for model in MOVED:
        AuditEntry.objects.filter(target_type=f"awards.{model}").update(target_type=f"council.{model}")


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0003_disclosure_from_council'),
        ('council', '0002_disclosure_to_awards'),
        ('audit', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='disclosure',
            table=None,
        ),
        migrations.AlterModelTable(
            name='disclosurecomment',
            table=None,
        ),
        migrations.RunPython(relabel, unlabel),
    ]
