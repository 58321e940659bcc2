from typing import Any

from django.contrib.auth.backends import ModelBackend

from .models import User


class MemberBackend(ModelBackend):
    """The session's user arrives with their organisation: visibility needs it on every page."""

    def get_user(self, user_id: Any) -> User | None:
        user = User.objects.select_related("organisation").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
