"""The background worker checks a large import to the end, so closing the browser loses nothing; the
progress polls may advance it too (they take turns on the batch's lock, each chunk is checked once)."""

from django.contrib.auth import get_user_model
from django_tasks import task

from .models import BatchStatus, ImportBatch


@task()
def validate_batch(batch_id: int, user_id: int) -> int:
    from .services import batch_advance

    user = get_user_model().objects.get(pk=user_id)
    batch = ImportBatch.objects.get(pk=batch_id)
    while batch.status == BatchStatus.VALIDATING:
        batch = batch_advance(batch=batch, acting_user=user)
    return batch.processed


@task()
def commit_batch(batch_id: int, user_id: int) -> int:
    """Write a large batch the clerk confirmed (services.batch_commit_queue)."""
    from .services import batch_commit_queued

    user = get_user_model().objects.get(pk=user_id)
    return batch_commit_queued(batch=ImportBatch.objects.get(pk=batch_id), acting_user=user)["imported"]
