"""Parts of the SDK that need no host: packaging of generated code, retries, error parsing."""

from __future__ import annotations

import importlib
import sys

import grpc
import pytest
from google.protobuf import duration_pb2

import platform_sdk
from platform_sdk import PlatformClient, PlatformError, RetryPolicy, access_v1, call_with_retry
from platform_sdk._gen.google.rpc import code_pb2, error_details_pb2, status_pb2


def test_generated_code_does_not_shadow_stdlib_platform_or_google_protobuf() -> None:
    import google.protobuf
    import platform

    assert platform.system()  # the stdlib module, not generated code
    assert "platform_sdk" not in (getattr(platform, "__file__", "") or "")
    assert google.protobuf.__file__ and "platform_sdk" not in google.protobuf.__file__
    assert "google.api" not in sys.modules and "google.rpc" not in sys.modules


def test_every_generated_service_is_a_client_attribute() -> None:
    exposed = {
        attr.stub_type
        for attr in vars(PlatformClient).values()
        if isinstance(attr, platform_sdk._client._Service)
    }
    services = platform_sdk.discover_services()
    assert services, "no generated services found"
    missing = [name for name, stub in services.items() if stub not in exposed]
    assert not missing, f"add a line to PlatformClient for: {missing}"


def test_public_modules_export_messages_and_stubs() -> None:
    for name in ("tenancy_v1", "access_v1", "audit_v1", "api_v1"):
        module = importlib.import_module(f"platform_sdk.{name}")
        assert module.__all__
        for exported in module.__all__:
            assert hasattr(module, exported)
    assert platform_sdk.api_v1.ERROR_REASON_VALIDATION_FAILED == 1
    assert len(platform_sdk.PROTOS_SHA256) == 64


def test_client_rejects_two_credentials_and_unknown_schemes() -> None:
    with pytest.raises(ValueError):
        PlatformClient("localhost:1", api_key="tk_x", token_provider=lambda: "t")
    with pytest.raises(ValueError):
        PlatformClient("ftp://localhost:1")


class FakeRpcError(grpc.RpcError, grpc.Call):
    def __init__(self, code: grpc.StatusCode, status: status_pb2.Status | None = None):
        self._code = code
        self._trailers = (
            (("grpc-status-details-bin", status.SerializeToString()),) if status else ()
        )

    def code(self):
        return self._code

    def details(self):
        return "boom"

    def trailing_metadata(self):
        return self._trailers

    def initial_metadata(self):
        return ()

    def is_active(self):
        return False

    def time_remaining(self):
        return None

    def cancel(self):
        return False

    def add_callback(self, callback):
        return False


def _status(code: int, *details) -> status_pb2.Status:
    status = status_pb2.Status(code=code, message="boom")
    for d in details:
        status.details.add().Pack(d)
    return status


def test_error_details_are_parsed_from_the_trailer() -> None:
    status = _status(
        code_pb2.RESOURCE_EXHAUSTED,
        error_details_pb2.ErrorInfo(reason="RATE_LIMITED", domain="platform.api", metadata={"a": "b"}),
        error_details_pb2.QuotaFailure(
            violations=[error_details_pb2.QuotaFailure.Violation(subject="tenant:x", description="d")]
        ),
        error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=1, nanos=500_000_000)),
    )
    err = PlatformError.from_rpc_error(FakeRpcError(grpc.StatusCode.RESOURCE_EXHAUSTED, status))
    assert (err.code, err.reason, err.domain, err.metadata) == (
        grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED", "platform.api", {"a": "b"}
    )
    assert err.quota_violations[0].subject == "tenant:x"
    assert err.retry_delay == 1.5


def test_error_without_or_with_mismatched_details() -> None:
    bare = PlatformError.from_rpc_error(FakeRpcError(grpc.StatusCode.UNAVAILABLE))
    assert bare.reason is None and bare.details == () and bare.message == "boom"
    mismatched = _status(code_pb2.NOT_FOUND, error_details_pb2.ErrorInfo(reason="X"))
    err = PlatformError.from_rpc_error(FakeRpcError(grpc.StatusCode.INTERNAL, mismatched))
    assert err.code == grpc.StatusCode.INTERNAL and err.reason is None


def test_retry_honours_retry_info_and_resends_the_same_request_id() -> None:
    wait = _status(
        code_pb2.RESOURCE_EXHAUSTED,
        error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=2)),
    )
    failures = [
        FakeRpcError(grpc.StatusCode.RESOURCE_EXHAUSTED, wait),
        FakeRpcError(grpc.StatusCode.UNAVAILABLE),
    ]
    seen_ids, slept = [], []

    def method(request, timeout=None):
        seen_ids.append(request.request_id)
        if failures:
            raise failures.pop(0)
        return "ok"

    request = access_v1.CreateRoleRequest(parent="tenants/x", role_id="r")
    assert call_with_retry(method, request, sleep=slept.append, timeout=5) == "ok"
    assert slept[0] == 2 and 0 <= slept[1] <= RetryPolicy().initial_backoff
    assert len(set(seen_ids)) == 1 and seen_ids[0]


def test_retry_gives_up_after_max_attempts() -> None:
    calls = []

    def method(request):
        calls.append(1)
        raise FakeRpcError(grpc.StatusCode.UNAVAILABLE)

    with pytest.raises(grpc.RpcError):
        call_with_retry(method, access_v1.ListRolesRequest(), policy=RetryPolicy(max_attempts=3), sleep=lambda s: None)
    assert len(calls) == 3
