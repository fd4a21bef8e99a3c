from .models import Notification


def write(users, *, text: str, kind: str, url: str = "", actor=None) -> list[Notification]:
    """One notification per user (once each, never to the one acting)."""
    return Notification.objects.bulk_create([
        Notification(user=u, text=text[:400], url=url, kind=kind)
        for u in {u.pk: u for u in users}.values() if actor is None or u.pk != actor.pk
    ])
