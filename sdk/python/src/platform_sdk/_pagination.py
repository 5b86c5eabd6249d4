"""Iterating over List RPCs (AIP-158 page_token / next_page_token)."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional, TypeVar

from google.protobuf import descriptor, message

Req = TypeVar("Req", bound=message.Message)


def pages(
    list_method: Callable[..., Any],
    request: Req,
    *,
    page_size: Optional[int] = None,
    **call_kwargs: Any,
) -> Iterator[Any]:
    """Yields each response page of a List RPC, following next_page_token.

    The caller's request is not modified: a copy carries the page tokens. `call_kwargs` (timeout,
    metadata, ...) are passed to every call.
    """
    req = type(request)()
    req.CopyFrom(request)
    if page_size is not None:
        req.page_size = page_size
    seen = set()
    while True:
        response = list_method(req, **call_kwargs)
        yield response
        token = response.next_page_token
        if not token:
            return
        if token in seen:
            raise RuntimeError(f"the server returned page token {token!r} twice")
        seen.add(token)
        req.page_token = token


def paginate(
    list_method: Callable[..., Any],
    request: Req,
    items_field: Optional[str] = None,
    *,
    page_size: Optional[int] = None,
    **call_kwargs: Any,
) -> Iterator[Any]:
    """Yields the items of every page of a List RPC, e.g.

        for role in paginate(client.access.ListRoles, ListRolesRequest(parent=p), "roles"):

    `items_field` is the repeated field of the response; when omitted it is the response's only
    repeated message field.
    """
    for response in pages(list_method, request, page_size=page_size, **call_kwargs):
        field = items_field or _items_field(response)
        yield from getattr(response, field)


def _items_field(response: message.Message) -> str:
    repeated = [
        f.name
        for f in response.DESCRIPTOR.fields
        if f.label == descriptor.FieldDescriptor.LABEL_REPEATED
        and f.type == descriptor.FieldDescriptor.TYPE_MESSAGE
        and not (f.message_type and f.message_type.GetOptions().map_entry)
    ]
    if len(repeated) != 1:
        raise ValueError(
            f"cannot infer the items field of {response.DESCRIPTOR.full_name}: pass items_field"
        )
    return repeated[0]
