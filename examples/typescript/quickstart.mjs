// Quickstart for the TypeScript SDK (examples/README.md), on Node >= 20. Needs a running host and the built SDK:
//   (cd sdk/typescript && npm ci && npm run build)
//   PLATFORM_GRPC_URL=http://127.0.0.1:5080 PLATFORM_OPERATOR_KEY=tk_... node examples/typescript/quickstart.mjs
// In your own app, `npm install` the SDK and import from "@platform/sdk" instead of the dist/ paths below.
// Prints "quickstart ok" and exits 0 on success; exits 1 on any failure.
import { randomUUID } from "node:crypto";
import { createPlatformClient, paginate, PlatformError } from "../../sdk/typescript/dist/src/index.js";
import { AttributeType } from "../../sdk/typescript/dist/src/gen/platform/eav/v1/entity_type_pb.js";

const baseUrl = process.env.PLATFORM_GRPC_URL;
const operatorKey = process.env.PLATFORM_OPERATOR_KEY;
if (!baseUrl || !operatorKey) throw new Error("set PLATFORM_GRPC_URL and PLATFORM_OPERATOR_KEY");

async function main() {
  // 1. As the operator: create a tenant and an API key for it (the secret is returned once).
  const operator = createPlatformClient({ baseUrl, apiKey: operatorKey });
  const tenantId = "qs" + randomUUID().replaceAll("-", "").slice(0, 10);
  const tenant = await operator.tenants.createTenant({ tenantId, tenant: { displayName: `Quickstart ${tenantId}` } });
  const { secret } = await operator.access.createApiKey({
    parent: tenant.name,
    apiKey: { displayName: "quickstart", roles: ["admin"] },
  });
  console.log(`created ${tenant.name} and an API key`);

  // 2. As the tenant.
  const platform = createPlatformClient({ baseUrl, apiKey: secret });
  const me = await platform.tenants.getTenant({ name: tenant.name });
  console.log(`tenant: ${me.name} (${me.displayName})`);

  const product = await platform.entityTypes.createEntityType({
    parent: tenant.name,
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
  console.log(`entity type: ${product.name}`);

  // Attributes are plain JSON objects; DECIMAL and INT64 values travel as strings so no digit is lost.
  // requestId is filled automatically, so retrying a create is safe.
  const products = [["A-100", "19.90", "5"], ["B-200", "4.50", "12"], ["C-300", "120", "1"], ["D-400", "0.99", "300"], ["E-500", "42", "7"]];
  for (const [sku, price, qty] of products) {
    await platform.entities.createEntity({ parent: product.name, entity: { attributes: { sku, price, qty } } });
  }

  // Pagination: every product, cheapest first, fetched in pages of 2.
  let listed = 0;
  const request = { parent: product.name, pageSize: 2, orderBy: "attributes.price" };
  for await (const { attributes: a } of paginate(platform.entities.listEntities, request, "entities")) {
    console.log(`product: ${a.sku} price=${a.price} qty=${a.qty}`);
    listed++;
  }
  if (listed !== products.length) throw new Error(`expected ${products.length} products, listed ${listed}`);

  // Errors: a price that is not a decimal fails validation with a typed reason and a field violation.
  let err;
  try {
    await platform.entities.createEntity({ parent: product.name, entity: { attributes: { sku: "F-600", price: "abc" } } });
  } catch (e) {
    err = PlatformError.from(e);
  }
  if (!err) throw new Error("expected INVALID_ARGUMENT");
  console.log(`error: ${err.codeName} reason=${err.reason}`);
  for (const v of err.fieldViolations) console.log(`  ${v.field}: ${v.description}`);
  if (err.reason !== "VALIDATION_FAILED" || err.violationsFor("entity.attributes.price").length === 0) {
    throw new Error(`unexpected error: ${err.message}`);
  }

  console.log("quickstart ok");
}

main().catch((e) => {
  console.error("quickstart FAILED:", e);
  process.exit(1);
});
