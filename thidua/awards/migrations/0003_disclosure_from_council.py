"""The public disclosure moves from council to awards, beside the nomination it gates
(docs/architecture.md). The tables stay where they are in this step (state only); 0004 renames them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0002_procedure'),
        ('council', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
                migrations.CreateModel(
                    name='Disclosure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('start', models.DateField(verbose_name='ngày bắt đầu công khai')),
                        ('end', models.DateField(verbose_name='ngày kết thúc công khai')),
                        ('working_days', models.PositiveSmallIntegerField(verbose_name='số ngày làm việc')),
                        ('published_at', models.DateTimeField(auto_now_add=True)),
                        ('nomination', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='disclosures', to='awards.nomination')),
                        ('published_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'công khai',
                        'verbose_name_plural': 'công khai',
                        'db_table': 'council_disclosure',
                        'ordering': ['-start', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='DisclosureComment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('author_name', models.CharField(blank=True, max_length=120, verbose_name='họ tên')),
                        ('contact', models.CharField(blank=True, max_length=200, verbose_name='liên hệ')),
                        ('text', models.TextField(verbose_name='nội dung')),
                        ('ip_hash', models.CharField(db_index=True, max_length=64)),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('status', models.CharField(choices=[('pending', 'Chờ duyệt'), ('approved', 'Đã duyệt (hiển thị công khai)'), ('rejected', 'Không đăng')], default='pending', max_length=10)),
                        ('moderated_at', models.DateTimeField(blank=True, null=True)),
                        ('response', models.TextField(blank=True, verbose_name='trả lời, xử lý')),
                        ('resolved_at', models.DateTimeField(blank=True, null=True)),
                        ('disclosure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='awards.disclosure')),
                        ('moderated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'ý kiến góp ý',
                        'verbose_name_plural': 'ý kiến góp ý',
                        'db_table': 'council_disclosurecomment',
                        'ordering': ['created_at', 'id'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='disclosure',
                    constraint=models.CheckConstraint(condition=models.Q(('end__gte', models.F('start'))), name='disclosure_range'),
                ),
        ]),
    ]
