"""Typed access to Platform's rich gRPC errors (google.rpc.Status in `grpc-status-details-bin`)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Iterator, Mapping, Optional, Tuple

import grpc
from google.protobuf import any_pb2, message

from platform_sdk._gen.google.rpc import error_details_pb2, status_pb2

STATUS_DETAILS_KEY = "grpc-status-details-bin"

# Detail types that can be unpacked from google.protobuf.Any, by full proto name.
_DETAIL_TYPES = {
    cls.DESCRIPTOR.full_name: cls
    for cls in (
        error_details_pb2.ErrorInfo,
        error_details_pb2.BadRequest,
        error_details_pb2.QuotaFailure,
        error_details_pb2.RetryInfo,
        error_details_pb2.PreconditionFailure,
        error_details_pb2.ResourceInfo,
        error_details_pb2.RequestInfo,
        error_details_pb2.DebugInfo,
        error_details_pb2.Help,
        error_details_pb2.LocalizedMessage,
    )
}


@dataclass(frozen=True)
class FieldViolation:
    """One bad field of a request (google.rpc.BadRequest.FieldViolation)."""

    field: str
    description: str


@dataclass(frozen=True)
class QuotaViolation:
    """One exceeded quota (google.rpc.QuotaFailure.Violation).

    `metric` (e.g. "api_calls"), `limit_id` (e.g. "api_calls_per_hour") and `limit_value` say
    which limit of the tenant's plan was hit.
    """

    subject: str
    description: str
    metric: str = ""
    limit_id: str = ""
    limit_value: int = 0


class PlatformError(Exception):
    """A failed Platform call with its typed error details.

    Platform attaches exactly one google.rpc.ErrorInfo (domain "platform.api", `reason` one of
    platform.api.v1.ErrorReason without its prefix) to every error. Switch on `reason`, never on
    `message`.
    """

    code: grpc.StatusCode
    message: str
    reason: Optional[str]
    domain: Optional[str]
    metadata: Mapping[str, str]
    field_violations: Tuple[FieldViolation, ...]
    quota_violations: Tuple[QuotaViolation, ...]
    retry_delay: Optional[float]
    details: Tuple[message.Message, ...]
    status: Optional[status_pb2.Status]
    rpc_error: Optional[grpc.RpcError]

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str,
        status: Optional[status_pb2.Status] = None,
        rpc_error: Optional[grpc.RpcError] = None,
    ) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.status = status
        self.rpc_error = rpc_error
        details = tuple(_unpack(d) for d in status.details) if status is not None else ()
        self.details = details

        info = _first(details, error_details_pb2.ErrorInfo)
        self.reason = info.reason if info is not None else None
        self.domain = info.domain if info is not None else None
        self.metadata = dict(info.metadata) if info is not None else {}

        self.field_violations = tuple(
            FieldViolation(v.field, v.description)
            for d in details
            if isinstance(d, error_details_pb2.BadRequest)
            for v in d.field_violations
        )
        self.quota_violations = tuple(
            QuotaViolation(v.subject, v.description, v.quota_metric, v.quota_id, v.quota_value)
            for d in details
            if isinstance(d, error_details_pb2.QuotaFailure)
            for v in d.violations
        )
        retry = _first(details, error_details_pb2.RetryInfo)
        self.retry_delay = (
            retry.retry_delay.seconds + retry.retry_delay.nanos / 1e9
            if retry is not None and retry.HasField("retry_delay")
            else None
        )

    @classmethod
    def from_rpc_error(cls, error: grpc.RpcError) -> "PlatformError":
        """Builds the error from a failed call, parsing its status details trailer if any."""
        code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
        text = error.details() if hasattr(error, "details") else str(error)
        status = None
        trailers = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
        for key, value in trailers or ():
            if key == STATUS_DETAILS_KEY and isinstance(value, bytes):
                try:
                    status = status_pb2.Status.FromString(value)
                except message.DecodeError:
                    status = None
                break
        # The gRPC status is authoritative (A54): keep details only when the codes agree.
        if status is not None and status.code != code.value[0]:
            status = None
        return cls(code or grpc.StatusCode.UNKNOWN, text or "", status, error)

    def field_violation(self, field: str) -> Optional[FieldViolation]:
        """The violation for `field`, or None."""
        return next((v for v in self.field_violations if v.field == field), None)

    def detail(self, detail_type: type) -> Optional[message.Message]:
        """The first detail of the given generated type (e.g. error_details_pb2.ResourceInfo)."""
        return _first(self.details, detail_type)

    def __str__(self) -> str:
        reason = f" [{self.reason}]" if self.reason else ""
        return f"{self.code.name}{reason}: {self.message}"

    def __repr__(self) -> str:
        return f"PlatformError(code={self.code.name}, reason={self.reason!r}, message={self.message!r})"


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Re-raises any grpc.RpcError raised inside the block as a PlatformError (chained)."""
    try:
        yield
    except grpc.RpcError as e:
        raise PlatformError.from_rpc_error(e) from e


def _unpack(detail: any_pb2.Any) -> message.Message:
    cls = _DETAIL_TYPES.get(detail.TypeName())
    if cls is None:
        return detail
    unpacked = cls()
    return unpacked if detail.Unpack(unpacked) else detail


def _first(details, detail_type):
    return next((d for d in details if isinstance(d, detail_type)), None)
