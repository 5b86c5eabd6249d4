"""Idempotency keys (AIP-155) for requests that carry a `request_id` field."""

from __future__ import annotations

import uuid

from google.protobuf import descriptor, message


def ensure_request_id(request: object) -> bool:
    """Sets an empty string `request_id` field to a new UUID4, in place.

    Returns whether the request has such a field. Because the request object itself is changed,
    sending the same object again reuses the id, and the server returns the first result instead
    of acting twice.
    """
    if not isinstance(request, message.Message):
        return False
    fd = request.DESCRIPTOR.fields_by_name.get("request_id")
    if (
        fd is None
        or fd.type != descriptor.FieldDescriptor.TYPE_STRING
        or fd.label == descriptor.FieldDescriptor.LABEL_REPEATED
    ):
        return False
    if not getattr(request, "request_id"):
        setattr(request, "request_id", str(uuid.uuid4()))
    return True
