// The SDK's realistic flow against a real running Platform host, over gRPC (Node, HTTP/2) and gRPC-Web (browser
// entry, fetch): with the bootstrap operator key create a tenant and an API key; as the tenant create an entity type
// and 7 entities (one with an explicit request_id, sent twice), list them with `paginate` in pages of 3 ordered by
// price, then hit a validation error and a permission error and check the details PlatformError decodes.
//
// Needs PLATFORM_GRPC_URL, PLATFORM_HTTP_URL and PLATFORM_OPERATOR_KEY (see platform.test.ts); nothing is skipped.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as browserSdk from "../src/index.browser.js";
import {
  Code,
  ConnectError,
  createPlatformClient,
  listAll,
  paginate,
  PlatformError,
  type PlatformClient,
} from "../src/index.js";
import type { Entity } from "../src/gen/platform/eav/v1/entity_pb.js";
import { AttributeType, type EntityType } from "../src/gen/platform/eav/v1/entity_type_pb.js";

const missing = ["PLATFORM_GRPC_URL", "PLATFORM_HTTP_URL", "PLATFORM_OPERATOR_KEY"].filter((name) => !process.env[name]);
if (missing.length > 0) {
  throw new Error(`SDK tests need a running Platform host: set ${missing.join(", ")}`);
}
const GRPC_URL = process.env.PLATFORM_GRPC_URL!;
const HTTP_URL = process.env.PLATFORM_HTTP_URL!;
const OPERATOR_KEY = process.env.PLATFORM_OPERATOR_KEY!;

function randomId(prefix: string): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return prefix + Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => alphabet[b % 36]).join("");
}

async function expectPlatformError(call: Promise<unknown>): Promise<PlatformError> {
  try {
    await call;
  } catch (e) {
    assert.ok(e instanceof ConnectError, `expected a ConnectError, got ${String(e)}`);
    return PlatformError.from(e);
  }
  assert.fail("the call succeeded, expected an error");
}

// What is sent, and the canonical values that come back: DECIMAL and INT64 are strings on the wire (no digit is
// lost: qty of P-6 is above 2^53), and decimals drop trailing zeros.
const PRODUCTS = [
  { sku: "P-1", price: "19.90", qty: "5", canonicalPrice: "19.9" },
  { sku: "P-2", price: "4.5", qty: "12", canonicalPrice: "4.5" },
  { sku: "P-3", price: "120", qty: "0", canonicalPrice: "120" },
  { sku: "P-4", price: "0.75", qty: "300", canonicalPrice: "0.75" },
  { sku: "P-5", price: "42.01", qty: "1", canonicalPrice: "42.01" },
  { sku: "P-6", price: "7", qty: "9007199254740993", canonicalPrice: "7" },
  { sku: "P-7", price: "1000.5", qty: "2", canonicalPrice: "1000.5" },
] as const;
const SKUS_BY_PRICE = [...PRODUCTS].sort((a, b) => Number(a.price) - Number(b.price)).map((p) => p.sku);

const variants: { name: string; client: (apiKey: string) => PlatformClient }[] = [
  { name: "gRPC (Node, HTTP/2)", client: (apiKey) => createPlatformClient({ baseUrl: GRPC_URL, apiKey }) },
  { name: "gRPC-Web (browser entry, fetch)", client: (apiKey) => browserSdk.createPlatformClient({ baseUrl: HTTP_URL, apiKey }) },
];

for (const variant of variants) {
  describe(`entities flow, ${variant.name}`, () => {
    const operator = variant.client(OPERATOR_KEY);
    let parent = "";
    let tenant: PlatformClient;
    let productType: EntityType;
    const created: Entity[] = [];

    test("the operator key creates a tenant and an admin API key", async () => {
      const tenantId = randomId("e");
      const t = await operator.tenants.createTenant({ tenantId, tenant: { displayName: `SDK entities ${tenantId}` } });
      parent = t.name;
      const key = await operator.access.createApiKey({ parent, apiKey: { displayName: "sdk entities", roles: ["admin"] } });
      assert.match(key.secret, /^tk_/);
      tenant = variant.client(key.secret);
    });

    test("the tenant creates an entity type", async () => {
      productType = await tenant.entityTypes.createEntityType({
        parent,
        entityTypeId: "product",
        entityType: {
          displayName: "Product",
          attributes: [
            { key: "sku", type: AttributeType.STRING, required: true, unique: true, filterable: true },
            { key: "price", type: AttributeType.DECIMAL, sortable: true },
            { key: "qty", type: AttributeType.INT64 },
          ],
        },
      });
      assert.equal(productType.name, `${parent}/entityTypes/product`);
      assert.deepEqual(
        productType.attributes.map((a) => [a.key, a.type]),
        [["sku", AttributeType.STRING], ["price", AttributeType.DECIMAL], ["qty", AttributeType.INT64]],
      );
    });

    test("creates 7 entities; a create re-sent with its request_id returns the same entity", async () => {
      for (const [i, p] of PRODUCTS.entries()) {
        const request = {
          parent: productType.name,
          entity: { attributes: { sku: p.sku, price: p.price, qty: p.qty } },
          ...(i === 0 ? { requestId: randomId("req-") } : {}),
        };
        const entity = await tenant.entities.createEntity(request);
        assert.ok(entity.name.startsWith(`${productType.name}/entities/`), entity.name);
        assert.equal(entity.version, 1n);
        assert.deepEqual(entity.attributes, { sku: p.sku, price: p.canonicalPrice, qty: p.qty });
        created.push(entity);

        if (i === 0) {
          const again = await tenant.entities.createEntity(request);
          assert.equal(again.name, entity.name);
          assert.equal(again.etag, entity.etag);
          assert.deepEqual(again.createTime, entity.createTime);
        }
      }
      assert.equal(new Set(created.map((e) => e.name)).size, PRODUCTS.length);
    });

    test("paginate walks ListEntities in pages of 3, ordered by price", async () => {
      const pageSizes: number[] = [];
      const listEntities: typeof tenant.entities.listEntities = async (req, options) => {
        const page = await tenant.entities.listEntities(req, options);
        pageSizes.push(page.entities.length);
        return page;
      };
      const request = { parent: productType.name, pageSize: 3, orderBy: "attributes.price" };
      const skus: unknown[] = [];
      for await (const entity of paginate(listEntities, request, "entities")) skus.push(entity.attributes?.["sku"]);

      assert.deepEqual(skus, SKUS_BY_PRICE);
      assert.deepEqual(pageSizes, [3, 3, 1]);
      assert.deepEqual(request, { parent: productType.name, pageSize: 3, orderBy: "attributes.price" }, "request not modified");

      // By id (the default order), every entity once; a filter on a filterable attribute.
      const byId = await listAll(tenant.entities.listEntities, { parent: productType.name, pageSize: 3 }, "entities");
      assert.deepEqual(byId.map((e) => e.name), created.map((e) => e.name).sort());
      const one = await listAll(tenant.entities.listEntities, { parent: productType.name, filter: 'attributes.sku = "P-6"' }, "entities");
      assert.deepEqual(one.map((e) => e.attributes), [{ sku: "P-6", price: "7", qty: "9007199254740993" }]);
    });

    test("a bad DECIMAL is INVALID_ARGUMENT / VALIDATION_FAILED naming entity.attributes.price", async () => {
      const err = await expectPlatformError(
        tenant.entities.createEntity({ parent: productType.name, entity: { attributes: { sku: "P-bad", price: "abc" } } }),
      );
      assert.equal(err.code, Code.InvalidArgument);
      assert.equal(err.codeName, "INVALID_ARGUMENT");
      assert.equal(err.reason, "VALIDATION_FAILED");
      assert.equal(err.domain, "platform.api");
      const violations = err.violationsFor("entity.attributes.price");
      assert.equal(violations.length, 1, JSON.stringify(err.fieldViolations));
      assert.match(violations[0]!.description, /DECIMAL/);
      assert.equal(err.fieldViolations.length, 1, "only the bad attribute is reported");
      assert.equal(err.retryable, false);
    });

    test("a key whose role lacks entities.create reads entities but is PERMISSION_DENIED on create", async () => {
      await tenant.access.createRole({
        parent,
        roleId: "catalog-reader",
        role: { displayName: "Catalog reader", permissions: ["entityTypes.get", "entities.get", "entities.list"] },
      });
      const key = await tenant.access.createApiKey({ parent, apiKey: { displayName: "reader", roles: ["catalog-reader"] } });
      const reader = variant.client(key.secret);

      const listed = await listAll(reader.entities.listEntities, { parent: productType.name, pageSize: 3 }, "entities");
      assert.equal(listed.length, PRODUCTS.length);

      const err = await expectPlatformError(
        reader.entities.createEntity({ parent: productType.name, entity: { attributes: { sku: "P-8", price: "1" } } }),
      );
      assert.equal(err.code, Code.PermissionDenied);
      assert.equal(err.codeName, "PERMISSION_DENIED");
      assert.equal(err.reason, "PERMISSION_DENIED");
      assert.equal(err.domain, "platform.api");
      assert.equal(err.metadata.permission, "entities.create");
      assert.deepEqual(err.fieldViolations, []);

      // An operator-only RPC is denied to the tenant's admin key the same way.
      const plan = await expectPlatformError(tenant.plans.createPlan({ planId: randomId("p"), plan: { displayName: "x" } }));
      assert.equal(plan.reason, "PERMISSION_DENIED");
      assert.equal(plan.metadata.permission, "plans.create");

      const after = await listAll(tenant.entities.listEntities, { parent: productType.name }, "entities");
      assert.equal(after.length, PRODUCTS.length, "the denied create created nothing");
    });
  });
}
