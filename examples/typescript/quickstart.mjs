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

  const entityType = await platform.entityTypes.createEntityType({
    parent: tenant.name,
    entityTypeId: "customer",
    entityType: { displayName: "Customer", attributes: [{ key: "email", type: AttributeType.STRING, required: true }] },
  });
  console.log(`entity type: ${entityType.name}`);

  // requestId is filled automatically, so retrying a create is safe.
  const customIds = ["reader", "writer", "auditor"];
  for (const roleId of customIds) {
    await platform.access.createRole({ parent: tenant.name, roleId, role: { displayName: roleId, permissions: ["tenants.get"] } });
  }

  // Pagination: every role across pages of 2 (built-in roles included).
  let custom = 0;
  for await (const role of paginate(platform.access.listRoles, { parent: tenant.name, pageSize: 2 }, "roles")) {
    console.log(`role: ${role.name}`);
    if (customIds.some((id) => role.name.endsWith(`/roles/${id}`))) custom++;
  }
  if (custom !== customIds.length) throw new Error(`expected ${customIds.length} custom roles, listed ${custom}`);

  // Errors: an invalid role id fails validation with a typed reason and field violations.
  let err;
  try {
    await platform.access.createRole({ parent: tenant.name, roleId: "Bad Id", role: { permissions: ["tenants.get"] } });
  } catch (e) {
    err = PlatformError.from(e);
  }
  if (!err) throw new Error("expected INVALID_ARGUMENT");
  console.log(`error: ${err.codeName} reason=${err.reason}`);
  for (const v of err.fieldViolations) console.log(`  ${v.field}: ${v.description}`);
  if (err.reason !== "VALIDATION_FAILED" || err.fieldViolations.length === 0) throw new Error(`unexpected error: ${err.message}`);

  console.log("quickstart ok");
}

main().catch((e) => {
  console.error("quickstart FAILED:", e);
  process.exit(1);
});
