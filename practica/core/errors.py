class ServiceError(Exception):
    """A write was refused for a reason the user can act on; the message says which.

    Views show it as a form error; the API answers it with ``status`` (422 by default).
    """

    status = 422

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(ServiceError):
    """The member may see the thing but may not do this to it (403)."""

    status = 403
