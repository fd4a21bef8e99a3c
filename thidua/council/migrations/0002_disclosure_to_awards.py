"""Disclosure and its comments now belong to awards (state only: the rows stay in their tables)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('council', '0001_initial'),
        ('awards', '0003_disclosure_from_council'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
                migrations.RemoveField(
                    model_name='disclosurecomment',
                    name='disclosure',
                ),
                migrations.RemoveField(
                    model_name='disclosurecomment',
                    name='moderated_by',
                ),
                migrations.RemoveField(
                    model_name='disclosurecomment',
                    name='resolved_by',
                ),
                migrations.DeleteModel(
                    name='Disclosure',
                ),
                migrations.DeleteModel(
                    name='DisclosureComment',
                ),
        ]),
    ]
