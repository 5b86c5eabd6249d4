"""PlatformClient: one channel, credentials on every call, a typed stub per service."""

from __future__ import annotations

import collections
import importlib
import pkgutil
from typing import Any, Callable, Dict, Generic, Optional, Sequence, Tuple, Type, TypeVar, overload

import grpc

from platform_sdk import _gen
from platform_sdk._request_id import ensure_request_id
from platform_sdk._gen.platform.access.v1.access_service_pb2_grpc import AccessServiceStub
from platform_sdk._gen.platform.audit.v1.audit_service_pb2_grpc import AuditServiceStub
from platform_sdk._gen.platform.eav.v1.entity_service_pb2_grpc import EntityServiceStub
from platform_sdk._gen.platform.eav.v1.entity_type_service_pb2_grpc import EntityTypeServiceStub
from platform_sdk._gen.platform.search.v1.search_service_pb2_grpc import SearchServiceStub
from platform_sdk._gen.platform.quota.v1.plan_service_pb2_grpc import PlanServiceStub
from platform_sdk._gen.platform.quota.v1.quota_service_pb2_grpc import QuotaServiceStub
from platform_sdk._gen.platform.tenancy.v1.tenant_service_pb2_grpc import TenantServiceStub
from platform_sdk._gen.platform.operations.v1.operations_service_pb2_grpc import OperationServiceStub
from platform_sdk._gen.platform.billing.v1.catalog_service_pb2_grpc import CatalogServiceStub
from platform_sdk._gen.platform.billing.v1.subscription_service_pb2_grpc import SubscriptionServiceStub
from platform_sdk._gen.platform.billing.v1.invoice_service_pb2_grpc import InvoiceServiceStub
from platform_sdk._gen.platform.billing.v1.usage_service_pb2_grpc import UsageServiceStub
from platform_sdk._gen.platform.billing.v1.wallet_service_pb2_grpc import WalletServiceStub

__version__ = "0.1.0"

S = TypeVar("S")


class _CallDetails(
    collections.namedtuple(
        "_CallDetails",
        ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression"),
    ),
    grpc.ClientCallDetails,
):
    pass


class _PlatformInterceptor(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """Adds `authorization: Bearer …` and the default timeout to every call, and fills an empty
    `request_id` on unary requests (in place, so resending the same object reuses it)."""

    def __init__(self, token: Optional[Callable[[], str]], default_timeout: Optional[float]):
        self._token = token
        self._default_timeout = default_timeout

    def _details(self, details: grpc.ClientCallDetails) -> grpc.ClientCallDetails:
        metadata = list(details.metadata or ())
        if self._token is not None and not any(k == "authorization" for k, _ in metadata):
            token = self._token()
            if not token:
                raise ValueError("the token provider returned an empty token")
            metadata.append(("authorization", f"Bearer {token}"))
        timeout = details.timeout if details.timeout is not None else self._default_timeout
        return _CallDetails(
            details.method,
            timeout,
            metadata,
            details.credentials,
            getattr(details, "wait_for_ready", None),
            getattr(details, "compression", None),
        )

    def intercept_unary_unary(self, continuation, client_call_details, request):
        ensure_request_id(request)
        return continuation(self._details(client_call_details), request)

    def intercept_unary_stream(self, continuation, client_call_details, request):
        ensure_request_id(request)
        return continuation(self._details(client_call_details), request)

    def intercept_stream_unary(self, continuation, client_call_details, request_iterator):
        return continuation(self._details(client_call_details), request_iterator)

    def intercept_stream_stream(self, continuation, client_call_details, request_iterator):
        return continuation(self._details(client_call_details), request_iterator)


class _Service(Generic[S]):
    """Class attribute giving each client a lazily created, cached stub of one service."""

    def __init__(self, stub_type: Callable[[grpc.Channel], S]):
        self.stub_type = stub_type

    @overload
    def __get__(self, client: None, owner: Any = None) -> "_Service[S]": ...
    @overload
    def __get__(self, client: "PlatformClient", owner: Any = None) -> S: ...
    def __get__(self, client, owner=None):
        if client is None:
            return self
        return client.stub(self.stub_type)


class PlatformClient:
    """A connection to Platform's gRPC endpoint.

    `target` is `host:port` or `http://host:port` (plaintext HTTP/2), or `https://host[:port]`
    (TLS, default port 443). Pass `api_key` (a `tk_…` secret) or `token_provider` (called before
    every call, e.g. to return a fresh JWT); either is sent as `authorization: Bearer …`.

        with PlatformClient("localhost:5001", api_key=key) as client:
            tenant = client.tenants.GetTenant(tenancy_v1.GetTenantRequest(name="tenants/acme"))
    """

    # One line per service. tests/test_offline.py fails when a generated service is missing here;
    # client.stub(AnyStub) works for every service without it.
    tenants = _Service(TenantServiceStub)
    access = _Service(AccessServiceStub)
    audit = _Service(AuditServiceStub)
    plans = _Service(PlanServiceStub)
    quota = _Service(QuotaServiceStub)
    entity_types = _Service(EntityTypeServiceStub)
    entities = _Service(EntityServiceStub)
    search = _Service(SearchServiceStub)
    operations = _Service(OperationServiceStub)
    catalog = _Service(CatalogServiceStub)
    subscriptions = _Service(SubscriptionServiceStub)
    invoices = _Service(InvoiceServiceStub)
    usage = _Service(UsageServiceStub)
    wallets = _Service(WalletServiceStub)

    def __init__(
        self,
        target: str,
        api_key: Optional[str] = None,
        token_provider: Optional[Callable[[], str]] = None,
        *,
        timeout: Optional[float] = None,
        channel_credentials: Optional[grpc.ChannelCredentials] = None,
        options: Sequence[Tuple[str, Any]] = (),
        interceptors: Sequence[Any] = (),
    ) -> None:
        """`timeout` is the default deadline in seconds of calls that do not pass one.
        `channel_credentials` forces TLS with those credentials (e.g. a private CA). `options` are
        gRPC channel arguments; `interceptors` run after the SDK's own."""
        if api_key is not None and token_provider is not None:
            raise ValueError("pass api_key or token_provider, not both")
        if api_key is not None:
            if not api_key or any(c.isspace() for c in api_key):
                raise ValueError("api_key must be non-empty and contain no whitespace")
            token_provider = lambda: api_key  # noqa: E731

        address, secure = _parse_target(target)
        opts = [("grpc.primary_user_agent", f"platform-sdk-python/{__version__}"), *options]
        if channel_credentials is not None or secure:
            creds = channel_credentials or grpc.ssl_channel_credentials()
            base = grpc.secure_channel(address, creds, options=opts)
        else:
            base = grpc.insecure_channel(address, options=opts)
        self._base_channel = base
        self.channel: grpc.Channel = grpc.intercept_channel(
            base, _PlatformInterceptor(token_provider, timeout), *interceptors
        )
        self._stubs: Dict[type, Any] = {}

    def stub(self, stub_type: Callable[[grpc.Channel], S]) -> S:
        """The client's stub of any generated service, e.g. client.stub(AuditServiceStub)."""
        stub = self._stubs.get(stub_type)  # type: ignore[arg-type]
        if stub is None:
            stub = self._stubs[stub_type] = stub_type(self.channel)  # type: ignore[index]
        return stub

    def close(self) -> None:
        self._base_channel.close()

    def __enter__(self) -> "PlatformClient":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


def _parse_target(target: str) -> Tuple[str, bool]:
    if target.startswith("https://"):
        address = target[len("https://"):].rstrip("/")
        return (address if ":" in address.rsplit("]", 1)[-1] else address + ":443"), True
    if target.startswith("http://"):
        return target[len("http://"):].rstrip("/"), False
    if "://" in target:
        raise ValueError(f"unsupported target scheme: {target!r} (use host:port, http:// or https://)")
    return target, False


def discover_services() -> Dict[str, Type[Any]]:
    """Every generated Platform service: full proto name -> stub class."""
    found: Dict[str, Type[Any]] = {}
    root = importlib.import_module(_gen.__name__ + ".platform")
    for info in pkgutil.walk_packages(root.__path__, root.__name__ + "."):
        if not info.name.endswith("_pb2_grpc"):
            continue
        grpc_module = importlib.import_module(info.name)
        pb2 = importlib.import_module(info.name[: -len("_grpc")])
        for name, service in pb2.DESCRIPTOR.services_by_name.items():
            found[service.full_name] = getattr(grpc_module, f"{name}Stub")
    return found
