"""The SDK against a real host: auth, typed stubs, pagination, request ids and error details.

Custom roles (AccessService) are created, listed and paged through here; the entity flow (entity
type, entities, pagination, typed errors) is in test_entities.py.
"""

from __future__ import annotations

import uuid

import grpc
import pytest

from platform_sdk import (
    PlatformClient,
    PlatformError,
    access_v1,
    call_with_retry,
    pages,
    paginate,
    quota_v1,
    tenancy_v1,
    translate_errors,
)

from conftest import random_id


def test_tenant_key_gets_its_tenant(client: PlatformClient, tenant: tenancy_v1.Tenant) -> None:
    got = client.tenants.GetTenant(tenancy_v1.GetTenantRequest(name=tenant.name))
    assert got.name == tenant.name
    assert got.display_name == tenant.display_name
    assert got.state == tenancy_v1.Tenant.STATE_ACTIVE


def test_token_provider_is_called_for_every_call(
    target: str, tenant_key: str, tenant: tenancy_v1.Tenant
) -> None:
    calls = []

    def provider() -> str:
        calls.append(1)
        return tenant_key

    with PlatformClient(target, token_provider=provider) as c:
        for _ in range(2):
            c.tenants.GetTenant(tenancy_v1.GetTenantRequest(name=tenant.name))
    assert len(calls) == 2


def test_without_credentials_is_unauthenticated(target: str, tenant: tenancy_v1.Tenant) -> None:
    with PlatformClient(target) as anonymous, pytest.raises(grpc.RpcError) as caught:
        anonymous.tenants.GetTenant(tenancy_v1.GetTenantRequest(name=tenant.name))
    err = PlatformError.from_rpc_error(caught.value)
    assert err.code == grpc.StatusCode.UNAUTHENTICATED
    assert err.reason == "CREDENTIALS_MISSING"


def test_paginate_lists_every_created_role_once(
    client: PlatformClient, tenant: tenancy_v1.Tenant
) -> None:
    created = set()
    for _ in range(5):
        role = client.access.CreateRole(
            access_v1.CreateRoleRequest(
                parent=tenant.name,
                role_id=random_id(),
                role=access_v1.Role(display_name="SDK role", permissions=["tenants.get"]),
            )
        )
        created.add(role.name)

    request = access_v1.ListRolesRequest(parent=tenant.name)
    names = [r.name for r in paginate(client.access.ListRoles, request, "roles", page_size=2)]

    assert len(names) == len(set(names)), "a role was listed twice"
    for name in created:
        assert names.count(name) == 1, f"{name} listed {names.count(name)} times"
    # Built-in roles come first, then the custom ones: more than one page of 2.
    page_sizes = [len(p.roles) for p in pages(client.access.ListRoles, request, page_size=2)]
    assert len(page_sizes) >= 3 and all(n <= 2 for n in page_sizes)
    assert request.page_token == "" and request.page_size == 0, "the caller's request was modified"
    # The items field is inferred when omitted.
    assert [r.name for r in paginate(client.access.ListRoles, request, page_size=2)] == names


def test_request_id_is_filled_once_and_resending_returns_the_same_role(
    client: PlatformClient, tenant: tenancy_v1.Tenant
) -> None:
    request = access_v1.CreateRoleRequest(
        parent=tenant.name,
        role_id=random_id(),
        role=access_v1.Role(display_name="Idempotent", permissions=["tenants.get"]),
    )
    assert request.request_id == ""

    first = client.access.CreateRole(request)
    request_id = request.request_id
    assert uuid.UUID(request_id).version == 4

    again = client.access.CreateRole(request)  # e.g. a retry after a lost response
    assert request.request_id == request_id
    assert again == first

    # The same content with a new request id is a second create: the role exists.
    fresh = access_v1.CreateRoleRequest()
    fresh.CopyFrom(request)
    fresh.request_id = ""
    with pytest.raises(grpc.RpcError) as caught:
        client.access.CreateRole(fresh)
    assert PlatformError.from_rpc_error(caught.value).code == grpc.StatusCode.ALREADY_EXISTS
    assert fresh.request_id not in ("", request_id)


def test_validation_error_has_reason_and_field_violation(
    client: PlatformClient, tenant: tenancy_v1.Tenant
) -> None:
    with pytest.raises(PlatformError) as caught, translate_errors():
        client.access.CreateRole(
            access_v1.CreateRoleRequest(
                parent=tenant.name,
                role_id="Bad Id",
                role=access_v1.Role(permissions=["tenants.get"]),
            )
        )
    err = caught.value
    assert err.code == grpc.StatusCode.INVALID_ARGUMENT
    assert err.reason == "VALIDATION_FAILED"
    assert err.domain == "platform.api"
    violation = err.field_violation("role_id")
    assert violation is not None and violation.description
    assert isinstance(err.__cause__, grpc.RpcError)


def test_permission_error_names_the_missing_permission(client: PlatformClient) -> None:
    with pytest.raises(grpc.RpcError) as caught:
        client.tenants.ListTenants(tenancy_v1.ListTenantsRequest())
    err = PlatformError.from_rpc_error(caught.value)
    assert err.code == grpc.StatusCode.PERMISSION_DENIED
    assert err.reason == "PERMISSION_DENIED"
    assert err.domain == "platform.api"
    assert err.metadata.get("permission") == "tenants.list"
    assert err.field_violations == () and err.retry_delay is None
    assert "PERMISSION_DENIED" in str(err)


def test_call_with_retry_passes_through_success_and_permanent_errors(
    client: PlatformClient, tenant: tenancy_v1.Tenant
) -> None:
    slept = []
    got = call_with_retry(
        client.tenants.GetTenant, tenancy_v1.GetTenantRequest(name=tenant.name), sleep=slept.append
    )
    assert got.name == tenant.name
    with pytest.raises(grpc.RpcError) as caught:
        call_with_retry(
            client.tenants.ListTenants, tenancy_v1.ListTenantsRequest(), sleep=slept.append
        )
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert slept == [], "a non-retryable error was retried"


def test_rate_limit_errors_name_the_limit_and_the_retry_delay(operator: PlatformClient, target: str) -> None:
    plan = operator.plans.CreatePlan(
        quota_v1.CreatePlanRequest(
            plan_id=random_id(),
            plan=quota_v1.Plan(
                display_name="one call an hour",
                limits=[quota_v1.Limit(metric="api_calls", window=quota_v1.LIMIT_WINDOW_HOUR, value=1)],
            ),
        )
    )
    tenant = operator.tenants.CreateTenant(
        tenancy_v1.CreateTenantRequest(
            tenant_id=random_id(), tenant=tenancy_v1.Tenant(display_name="limited", plan=plan.name)
        )
    )
    key = operator.access.CreateApiKey(
        access_v1.CreateApiKeyRequest(parent=tenant.name, api_key=access_v1.ApiKey(display_name="k", roles=["viewer"]))
    ).secret
    with PlatformClient(target, api_key=key) as limited:
        limited.tenants.GetTenant(tenancy_v1.GetTenantRequest(name=tenant.name))
        with pytest.raises(grpc.RpcError) as caught:
            limited.tenants.GetTenant(tenancy_v1.GetTenantRequest(name=tenant.name))
    err = PlatformError.from_rpc_error(caught.value)
    assert err.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert err.reason == "RATE_LIMITED"
    (violation,) = err.quota_violations
    assert (violation.metric, violation.limit_id, violation.limit_value) == ("api_calls", "api_calls_per_hour", 1)
    assert err.retry_delay is not None and err.retry_delay > 0
