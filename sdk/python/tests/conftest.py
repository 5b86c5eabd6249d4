"""Fixtures for tests against a real running Platform host.

PLATFORM_GRPC_TARGET (host:port of the plaintext HTTP/2 gRPC endpoint) and PLATFORM_OPERATOR_KEY
must be set; tests that need the host fail (they are never skipped) when they are not.
run-tests.sh starts a host and sets both.
"""

from __future__ import annotations

import os
import random
import string
from typing import Iterator

import pytest

from platform_sdk import PlatformClient, access_v1, tenancy_v1


def random_id(length: int = 12) -> str:
    """`[a-z][a-z0-9]{length-1}`: a valid tenant or role id."""
    rest = "".join(random.choices(string.ascii_lowercase + string.digits, k=length - 1))
    return random.choice(string.ascii_lowercase) + rest


@pytest.fixture(scope="session")
def target() -> str:
    value = os.environ.get("PLATFORM_GRPC_TARGET")
    if not value:
        pytest.fail(
            "PLATFORM_GRPC_TARGET is not set: these tests need a running Platform host "
            "(host:port of its gRPC endpoint). Use sdk/python/run-tests.sh to start one.",
            pytrace=False,
        )
    return value


@pytest.fixture(scope="session")
def operator_key() -> str:
    value = os.environ.get("PLATFORM_OPERATOR_KEY")
    if not value:
        pytest.fail(
            "PLATFORM_OPERATOR_KEY is not set: these tests need the host's operator API key "
            "(tk_…). Use sdk/python/run-tests.sh to start a host with one.",
            pytrace=False,
        )
    return value


@pytest.fixture(scope="session")
def operator(target: str, operator_key: str) -> Iterator[PlatformClient]:
    with PlatformClient(target, api_key=operator_key, timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def tenant(operator: PlatformClient) -> tenancy_v1.Tenant:
    tenant_id = random_id()
    return operator.tenants.CreateTenant(
        tenancy_v1.CreateTenantRequest(
            tenant_id=tenant_id, tenant=tenancy_v1.Tenant(display_name=f"SDK test {tenant_id}")
        )
    )


@pytest.fixture(scope="session")
def tenant_key(operator: PlatformClient, tenant: tenancy_v1.Tenant) -> str:
    response = operator.access.CreateApiKey(
        access_v1.CreateApiKeyRequest(
            parent=tenant.name, api_key=access_v1.ApiKey(display_name="sdk tests", roles=["admin"])
        )
    )
    assert response.secret.startswith("tk_")
    return response.secret


@pytest.fixture(scope="session")
def client(target: str, tenant_key: str) -> Iterator[PlatformClient]:
    """A client authenticated as the test tenant's admin API key."""
    with PlatformClient(target, api_key=tenant_key, timeout=30) as c:
        yield c
