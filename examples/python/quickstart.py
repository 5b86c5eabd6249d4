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

        product = platform.entity_types.CreateEntityType(
            eav_v1.CreateEntityTypeRequest(
                parent=tenant.name,
                entity_type_id="product",
                entity_type=eav_v1.EntityType(
                    display_name="Product",
                    attributes=[
                        eav_v1.AttributeDefinition(
                            key="sku", type=eav_v1.ATTRIBUTE_TYPE_STRING, required=True, unique=True, filterable=True
                        ),
                        eav_v1.AttributeDefinition(key="price", type=eav_v1.ATTRIBUTE_TYPE_DECIMAL, sortable=True),
                        eav_v1.AttributeDefinition(key="qty", type=eav_v1.ATTRIBUTE_TYPE_INT64),
                    ],
                ),
            )
        )
        print(f"entity type: {product.name}")

        # Attributes are a google.protobuf.Struct; DECIMAL and INT64 values travel as strings so no
        # digit is lost. request_id is filled automatically, so retrying a create is safe.
        def new_product(**attributes: str) -> eav_v1.CreateEntityRequest:
            request = eav_v1.CreateEntityRequest(parent=product.name)
            request.entity.attributes.update(attributes)
            return request

        products = [("A-100", "19.90", "5"), ("B-200", "4.50", "12"), ("C-300", "120", "1"), ("D-400", "0.99", "300"), ("E-500", "42", "7")]
        for sku, price, qty in products:
            platform.entities.CreateEntity(new_product(sku=sku, price=price, qty=qty))

        # Pagination: every product, cheapest first, fetched in pages of 2.
        request = eav_v1.ListEntitiesRequest(parent=product.name, order_by="attributes.price")
        listed = 0
        for entity in paginate(platform.entities.ListEntities, request, "entities", page_size=2):
            a = entity.attributes
            print(f"product: {a['sku']} price={a['price']} qty={a['qty']}")
            listed += 1
        if listed != len(products):
            raise RuntimeError(f"expected {len(products)} products, listed {listed}")

        # Errors: a price that is not a decimal fails validation with a typed reason and a field violation.
        try:
            with translate_errors():  # grpc.RpcError -> PlatformError
                platform.entities.CreateEntity(new_product(sku="F-600", price="abc"))
            raise RuntimeError("expected INVALID_ARGUMENT")
        except PlatformError as err:
            print(f"error: {err.code.name} reason={err.reason}")
            for v in err.field_violations:
                print(f"  {v.field}: {v.description}")
            if err.reason != "VALIDATION_FAILED" or err.field_violation("entity.attributes.price") is None:
                raise RuntimeError(f"unexpected error: {err}") from err

    print("quickstart ok")


if __name__ == "__main__":
    main()
