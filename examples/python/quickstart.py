"""Quickstart for the Python SDK (examples/README.md). Needs a running host:

    PLATFORM_GRPC_URL=http://127.0.0.1:5080 PLATFORM_OPERATOR_KEY=tk_... \\
      PYTHONPATH=sdk/python/src /usr/bin/python3 examples/python/quickstart.py

PLATFORM_GRPC_TARGET=host:port works too. Prints "quickstart ok" and exits 0 on success; any
failure raises (exit status 1).
"""

from __future__ import annotations

import os
import sys
import uuid
from urllib.parse import urlparse

from platform_sdk import PlatformClient, PlatformError, access_v1, eav_v1, paginate, tenancy_v1, translate_errors


def target_from_env() -> str:
    if os.environ.get("PLATFORM_GRPC_TARGET"):
        return os.environ["PLATFORM_GRPC_TARGET"]
    url = os.environ.get("PLATFORM_GRPC_URL")
    if not url:
        sys.exit("set PLATFORM_GRPC_URL (http://host:port) or PLATFORM_GRPC_TARGET (host:port)")
    return urlparse(url).netloc  # the SDK takes host:port (plaintext HTTP/2)


def main() -> None:
    target = target_from_env()
    operator_key = os.environ.get("PLATFORM_OPERATOR_KEY") or sys.exit("set PLATFORM_OPERATOR_KEY")

    # 1. As the operator: create a tenant and an API key for it (the secret is returned once).
    with PlatformClient(target, api_key=operator_key, timeout=30) as operator:
        tenant_id = "qs" + uuid.uuid4().hex[:10]
        tenant = operator.tenants.CreateTenant(
            tenancy_v1.CreateTenantRequest(tenant_id=tenant_id, tenant=tenancy_v1.Tenant(display_name=f"Quickstart {tenant_id}"))
        )
        secret = operator.access.CreateApiKey(
            access_v1.CreateApiKeyRequest(
                parent=tenant.name, api_key=access_v1.ApiKey(display_name="quickstart", roles=["admin"])
            )
        ).secret
    print(f"created {tenant.name} and an API key")

    # 2. As the tenant.
    with PlatformClient(target, api_key=secret, timeout=30) as platform:
        me = platform.tenants.GetTenant(tenancy_v1.GetTenantRequest(name=tenant.name))
        print(f"tenant: {me.name} ({me.display_name})")

        entity_type = platform.entity_types.CreateEntityType(
            eav_v1.CreateEntityTypeRequest(
                parent=tenant.name,
                entity_type_id="customer",
                entity_type=eav_v1.EntityType(
                    display_name="Customer",
                    attributes=[eav_v1.AttributeDefinition(key="email", type=eav_v1.ATTRIBUTE_TYPE_STRING, required=True)],
                ),
            )
        )
        print(f"entity type: {entity_type.name}")

        # request_id is filled automatically, so retrying a create is safe.
        custom_ids = ["reader", "writer", "auditor"]
        for role_id in custom_ids:
            platform.access.CreateRole(
                access_v1.CreateRoleRequest(
                    parent=tenant.name,
                    role_id=role_id,
                    role=access_v1.Role(display_name=role_id, permissions=["tenants.get"]),
                )
            )

        # Pagination: every role across pages of 2 (built-in roles included).
        custom = 0
        for role in paginate(platform.access.ListRoles, access_v1.ListRolesRequest(parent=tenant.name), "roles", page_size=2):
            print(f"role: {role.name}")
            custom += any(role.name.endswith(f"/roles/{i}") for i in custom_ids)
        if custom != len(custom_ids):
            raise RuntimeError(f"expected {len(custom_ids)} custom roles, listed {custom}")

        # Errors: an invalid role id fails validation with a typed reason and field violations.
        try:
            with translate_errors():  # grpc.RpcError -> PlatformError
                platform.access.CreateRole(
                    access_v1.CreateRoleRequest(
                        parent=tenant.name, role_id="Bad Id", role=access_v1.Role(permissions=["tenants.get"])
                    )
                )
            raise RuntimeError("expected INVALID_ARGUMENT")
        except PlatformError as err:
            print(f"error: {err.code.name} reason={err.reason}")
            for v in err.field_violations:
                print(f"  {v.field}: {v.description}")
            if err.reason != "VALIDATION_FAILED" or err.field_violation("role_id") is None:
                raise RuntimeError(f"unexpected error: {err}") from err

    print("quickstart ok")


if __name__ == "__main__":
    main()
