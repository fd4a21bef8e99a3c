from django.db import migrations


def seed_roles(apps, schema_editor):
    from thidua.accounts.roles import DEFAULT_ROLES

    Role = apps.get_model("accounts", "Role")
    for code, (name, caps) in DEFAULT_ROLES.items():
        Role.objects.update_or_create(code=code, defaults={"name": name, "capabilities": caps})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(seed_roles, migrations.RunPython.noop)]
