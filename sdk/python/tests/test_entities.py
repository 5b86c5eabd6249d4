"""The SDK's realistic flow against a real host.

With the bootstrap operator key a tenant and an admin API key are created (conftest.py); as the
tenant an entity type and 7 entities are created (one with an explicit request_id, sent twice),
listed with `paginate` in pages of 3 ordered by price, and one validation error and one
permission error are checked through PlatformError's typed details.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List

import grpc
import pytest

from platform_sdk import PlatformClient, PlatformError, access_v1, eav_v1, pages, paginate, quota_v1, tenancy_v1, translate_errors

from conftest import random_id

# (sku, price sent, qty) and the canonical price that comes back: DECIMAL and INT64 are strings on
# the wire (qty of P-6 is above 2**53), and decimals drop trailing zeros.
PRODUCTS = [
    ("P-1", "19.90", "5", "19.9"),
    ("P-2", "4.5", "12", "4.5"),
    ("P-3", "120", "0", "120"),
    ("P-4", "0.75", "300", "0.75"),
    ("P-5", "42.01", "1", "42.01"),
    ("P-6", "7", "9007199254740993", "7"),
    ("P-7", "1000.5", "2", "1000.5"),
]
SKUS_BY_PRICE = [sku for sku, price, _, _ in sorted(PRODUCTS, key=lambda p: float(p[1]))]


def entity(**attributes: object) -> eav_v1.Entity:
    """An Entity with these attributes (Struct fields are filled with update(), not the constructor)."""
    message = eav_v1.Entity()
    message.attributes.update(attributes)
    return message


@dataclass
class Catalog:
    type: eav_v1.EntityType
    created: List[eav_v1.Entity]  # in creation order
    first_request: eav_v1.CreateEntityRequest  # sent with an explicit request_id
    resent: eav_v1.Entity  # the result of sending first_request again


@pytest.fixture(scope="module")
def catalog(client: PlatformClient, tenant: tenancy_v1.Tenant) -> Catalog:
    product_type = client.entity_types.CreateEntityType(
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
    requests = [
        eav_v1.CreateEntityRequest(parent=product_type.name, entity=entity(sku=sku, price=price, qty=qty))
        for sku, price, qty, _ in PRODUCTS
    ]
    requests[0].request_id = "req-" + random_id()
    created = [client.entities.CreateEntity(r) for r in requests]
    resent = client.entities.CreateEntity(requests[0])
    return Catalog(product_type, created, requests[0], resent)


def test_entity_type_has_the_declared_attributes(catalog: Catalog, tenant: tenancy_v1.Tenant) -> None:
    assert catalog.type.name == f"{tenant.name}/entityTypes/product"
    assert [(a.key, a.type) for a in catalog.type.attributes] == [
        ("sku", eav_v1.ATTRIBUTE_TYPE_STRING),
        ("price", eav_v1.ATTRIBUTE_TYPE_DECIMAL),
        ("qty", eav_v1.ATTRIBUTE_TYPE_INT64),
    ]


def test_entities_come_back_with_canonical_string_values(catalog: Catalog) -> None:
    assert len({e.name for e in catalog.created}) == len(PRODUCTS)
    for got, (sku, _, qty, canonical_price) in zip(catalog.created, PRODUCTS):
        assert got.name.startswith(catalog.type.name + "/entities/")
        assert got.version == 1
        assert dict(got.attributes.items()) == {"sku": sku, "price": canonical_price, "qty": qty}


def test_resending_a_create_with_its_request_id_returns_the_same_entity(catalog: Catalog) -> None:
    assert catalog.first_request.request_id.startswith("req-"), "an explicit request_id is kept"
    assert catalog.resent == catalog.created[0]


def test_paginate_lists_every_entity_in_price_order_across_pages_of_3(
    client: PlatformClient, catalog: Catalog
) -> None:
    request = eav_v1.ListEntitiesRequest(parent=catalog.type.name, order_by="attributes.price")

    listed = list(paginate(client.entities.ListEntities, request, "entities", page_size=3))

    assert [e.attributes["sku"] for e in listed] == SKUS_BY_PRICE
    assert [len(p.entities) for p in pages(client.entities.ListEntities, request, page_size=3)] == [3, 3, 1]
    assert request.page_size == 0 and request.page_token == "", "the caller's request was modified"
    # The items field ("entities") is inferred when omitted; the default order is by id.
    by_id = paginate(client.entities.ListEntities, eav_v1.ListEntitiesRequest(parent=catalog.type.name), page_size=3)
    assert [e.name for e in by_id] == sorted(e.name for e in catalog.created)
    # A filter on a filterable attribute.
    (one,) = paginate(
        client.entities.ListEntities,
        eav_v1.ListEntitiesRequest(parent=catalog.type.name, filter='attributes.sku = "P-6"'),
    )
    assert dict(one.attributes.items()) == {"sku": "P-6", "price": "7", "qty": "9007199254740993"}


def test_bad_decimal_is_a_validation_error_naming_the_attribute(client: PlatformClient, catalog: Catalog) -> None:
    with pytest.raises(PlatformError) as caught, translate_errors():
        client.entities.CreateEntity(
            eav_v1.CreateEntityRequest(parent=catalog.type.name, entity=entity(sku="P-bad", price="abc"))
        )
    err = caught.value
    assert err.code == grpc.StatusCode.INVALID_ARGUMENT
    assert err.reason == "VALIDATION_FAILED"
    assert err.domain == "platform.api"
    violation = err.field_violation("entity.attributes.price")
    assert violation is not None and "DECIMAL" in violation.description
    assert len(err.field_violations) == 1, err.field_violations
    assert err.retry_delay is None


def test_key_whose_role_lacks_entities_create_is_denied(
    client: PlatformClient, target: str, tenant: tenancy_v1.Tenant, catalog: Catalog
) -> None:
    client.access.CreateRole(
        access_v1.CreateRoleRequest(
            parent=tenant.name,
            role_id="catalog-reader",
            role=access_v1.Role(
                display_name="Catalog reader", permissions=["entityTypes.get", "entities.get", "entities.list"]
            ),
        )
    )
    secret = client.access.CreateApiKey(
        access_v1.CreateApiKeyRequest(
            parent=tenant.name, api_key=access_v1.ApiKey(display_name="reader", roles=["catalog-reader"])
        )
    ).secret

    with PlatformClient(target, api_key=secret, timeout=30) as reader:
        listed = list(paginate(reader.entities.ListEntities, eav_v1.ListEntitiesRequest(parent=catalog.type.name)))
        assert len(listed) == len(PRODUCTS)
        with pytest.raises(grpc.RpcError) as caught:
            reader.entities.CreateEntity(
                eav_v1.CreateEntityRequest(parent=catalog.type.name, entity=entity(sku="P-8", price="1"))
            )
    err = PlatformError.from_rpc_error(caught.value)
    assert err.code == grpc.StatusCode.PERMISSION_DENIED
    assert err.reason == "PERMISSION_DENIED"
    assert err.domain == "platform.api"
    assert err.metadata.get("permission") == "entities.create"
    assert err.field_violations == ()

    # An operator-only RPC is denied to the tenant's admin key the same way.
    with pytest.raises(PlatformError) as plan, translate_errors():
        client.plans.CreatePlan(quota_v1.CreatePlanRequest(plan_id=random_id(), plan=quota_v1.Plan(display_name="x")))
    assert (plan.value.code, plan.value.reason) == (grpc.StatusCode.PERMISSION_DENIED, "PERMISSION_DENIED")
    assert plan.value.metadata.get("permission") == "plans.create"

    after = paginate(client.entities.ListEntities, eav_v1.ListEntitiesRequest(parent=catalog.type.name))
    assert len(list(after)) == len(PRODUCTS), "the denied create created nothing"
