"""Someone who unsubscribed from the newsletters gets no evaluation mail either."""

from cms.newsletters.models import Subscriber

from ..registry import register_suppression


def unsubscribed_from_newsletters(email: str) -> bool:
    return Subscriber.objects.filter(
        email__iexact=email.strip(), status=Subscriber.Status.UNSUBSCRIBED
    ).exists()


register_suppression(unsubscribed_from_newsletters)
