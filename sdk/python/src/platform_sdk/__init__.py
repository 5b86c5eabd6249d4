"""Python SDK of Platform's gRPC API.

    from platform_sdk import PlatformClient, PlatformError, paginate, tenancy_v1, access_v1

Messages, enums and stubs live in one module per proto package (`tenancy_v1`, `access_v1`,
`audit_v1`, `api_v1`), generated from the protos by sdk/python/generate.sh.
"""

from importlib import resources as _resources

from platform_sdk._client import PlatformClient, __version__, discover_services
from platform_sdk._errors import (
    FieldViolation,
    PlatformError,
    QuotaViolation,
    translate_errors,
)
from platform_sdk._pagination import pages, paginate
from platform_sdk._request_id import ensure_request_id
from platform_sdk._retry import DEFAULT_RETRY_POLICY, RetryPolicy, call_with_retry, retrying


def _proto_version() -> str:
    text = _resources.files("platform_sdk._gen").joinpath("VERSION").read_text()
    return dict(line.split("=", 1) for line in text.split()).get("protos-sha256", "")


PROTOS_SHA256: str = _proto_version()
"""SHA-256 of the .proto files the generated code was built from (see _gen/VERSION)."""

__all__ = [
    "DEFAULT_RETRY_POLICY",
    "FieldViolation",
    "PROTOS_SHA256",
    "PlatformClient",
    "PlatformError",
    "QuotaViolation",
    "RetryPolicy",
    "__version__",
    "call_with_retry",
    "discover_services",
    "ensure_request_id",
    "pages",
    "paginate",
    "retrying",
    "translate_errors",
]
