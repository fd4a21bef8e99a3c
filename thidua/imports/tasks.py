"""The background worker reads and checks a large import to the end (the page polls its counters), so closing
the browser loses nothing, and writes it once the clerk confirms."""

from django.contrib.auth import get_user_model
from django_tasks import task

from .models import ImportBatch


@task()
def validate_batch(batch_id: int, user_id: int) -> int:
    from .services import batch_stage

    user = get_user_model().objects.get(pk=user_id)
    return batch_stage(batch=ImportBatch.objects.get(pk=batch_id), acting_user=user).processed


@task()
def commit_batch(batch_id: int, user_id: int) -> int:
    """Write a large batch the clerk confirmed (services.batch_commit_queue)."""
    from .services import batch_commit_queued

    user = get_user_model().objects.get(pk=user_id)
    return batch_commit_queued(batch=ImportBatch.objects.get(pk=batch_id), acting_user=user)["imported"]
