"""Opt-in retries for transient failures, honouring the server's RetryInfo."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any, Callable, FrozenSet, TypeVar

import grpc

from platform_sdk._errors import PlatformError
from platform_sdk._request_id import ensure_request_id

Resp = TypeVar("Resp")


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait between attempts.

    Without RetryInfo the wait is "full jitter" exponential backoff: uniform in
    [0, min(max_backoff, initial_backoff * multiplier**n)]. With RetryInfo it is the server's
    delay, capped at max_retry_delay.
    """

    max_attempts: int = 5
    initial_backoff: float = 0.2
    max_backoff: float = 10.0
    multiplier: float = 2.0
    max_retry_delay: float = 60.0
    retryable_codes: FrozenSet[grpc.StatusCode] = field(
        default_factory=lambda: frozenset(
            {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED}
        )
    )


DEFAULT_RETRY_POLICY = RetryPolicy()


def call_with_retry(
    method: Callable[..., Resp],
    request: Any,
    *,
    policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    sleep: Callable[[float], None] = time.sleep,
    **call_kwargs: Any,
) -> Resp:
    """Calls a unary method, retrying UNAVAILABLE and RESOURCE_EXHAUSTED per `policy`.

    The same request object is resent, and its empty `request_id` (if it has one) is filled before
    the first attempt, so a create that reached the server before the failure is not repeated.
    `timeout` in call_kwargs applies to each attempt. The last grpc.RpcError is re-raised.
    """
    ensure_request_id(request)
    backoff = policy.initial_backoff
    attempt = 1
    while True:
        try:
            return method(request, **call_kwargs)
        except grpc.RpcError as e:
            if attempt >= policy.max_attempts or e.code() not in policy.retryable_codes:
                raise
            server_delay = PlatformError.from_rpc_error(e).retry_delay
            if server_delay is not None:
                delay = min(server_delay, policy.max_retry_delay)
            else:
                delay = random.uniform(0, backoff)
                backoff = min(backoff * policy.multiplier, policy.max_backoff)
            sleep(delay)
            attempt += 1


def retrying(
    method: Callable[..., Resp], policy: RetryPolicy = DEFAULT_RETRY_POLICY
) -> Callable[..., Resp]:
    """`method` wrapped with call_with_retry: `retrying(client.tenants.GetTenant)(request)`."""

    def call(request: Any, **call_kwargs: Any) -> Resp:
        return call_with_retry(method, request, policy=policy, **call_kwargs)

    return call
