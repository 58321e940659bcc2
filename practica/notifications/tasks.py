from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .models import Notification


@task()
def send_notification_email(notification_id: int) -> None:
    """E-mail one notification, once, if the member still wants e-mail."""
    notification = (
        Notification.objects.select_related("recipient", "actor", "entry", "community")
        .filter(pk=notification_id, emailed_at__isnull=True)
        .first()
    )
    if notification is None or not notification.recipient.email_notifications:
        return
    recipient = notification.recipient
    if not recipient.email or not recipient.is_active:
        return
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        context = {"notification": notification, "site_url": settings.SITE_URL}
        subject = render_to_string("notifications/email_subject.txt", context).strip()
        body = render_to_string("notifications/email_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
