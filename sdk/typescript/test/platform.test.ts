// End-to-end tests of the SDK against a real running Platform host, over gRPC (Node, HTTP/2) and gRPC-Web
// (binary, over fetch, through the browser entry point): auth, custom roles (create, idempotent re-send, paginated
// list), typed errors and retries. The entity flow (entity type, entities, pagination, errors) is in entities.test.ts.
//
// Needs: PLATFORM_GRPC_URL (h2c, e.g. http://127.0.0.1:5080), PLATFORM_HTTP_URL (HTTP/1.1: REST + gRPC-Web,
// e.g. http://127.0.0.1:5081), PLATFORM_OPERATOR_KEY. Missing ones fail the run; nothing is skipped.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import * as browserSdk from "../src/index.browser.js";
import {
  createPlatformClient,
  paginate,
  platformServices,
  PlatformError,
  withRetry,
  type PlatformClient,
  type PlatformClientOptions,
} from "../src/index.js";
import { RetryInfoSchema, QuotaFailureSchema } from "../src/gen/google/rpc/error_details_pb.js";
import { CreateRoleRequestSchema } from "../src/gen/platform/access/v1/access_service_pb.js";
import { Tenant_Tier } from "../src/gen/platform/tenancy/v1/tenant_pb.js";

const REQUIRED = ["PLATFORM_GRPC_URL", "PLATFORM_HTTP_URL", "PLATFORM_OPERATOR_KEY"] as const;
const missing = REQUIRED.filter((name) => !process.env[name]);
if (missing.length > 0) {
  throw new Error(
    `SDK tests need a running Platform host: set ${missing.join(", ")} ` +
      "(PLATFORM_GRPC_URL=http://127.0.0.1:5080 PLATFORM_HTTP_URL=http://127.0.0.1:5081 PLATFORM_OPERATOR_KEY=tk_...)",
  );
}
const GRPC_URL = process.env.PLATFORM_GRPC_URL!;
const HTTP_URL = process.env.PLATFORM_HTTP_URL!;
const OPERATOR_KEY = process.env.PLATFORM_OPERATOR_KEY!;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function randomId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(11));
  return "abcdefghijklmnopqrstuvwxyz"[bytes[0]! % 26]! + Array.from(bytes, (b) => alphabet[b % 36]).join("");
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

type Variant = {
  name: string;
  client: (auth: Pick<PlatformClientOptions, "apiKey" | "tokenProvider">) => PlatformClient;
};

const variants: Variant[] = [
  {
    name: "gRPC (Node, HTTP/2)",
    client: (auth) => createPlatformClient({ baseUrl: GRPC_URL, transport: "grpc", ...auth }),
  },
  {
    // The browser build: connect-web's gRPC-Web transport over fetch (Node's fetch here).
    name: "gRPC-Web (browser entry, fetch)",
    client: (auth) => browserSdk.createPlatformClient({ baseUrl: HTTP_URL, ...auth }),
  },
];

for (const variant of variants) {
  describe(variant.name, () => {
    const tenantId = randomId();
    const parent = `tenants/${tenantId}`;
    const operator = variant.client({ apiKey: OPERATOR_KEY });
    let tenantKey = "";
    let tenant: PlatformClient;
    const tokenCalls: number[] = [];

    test("operator creates a tenant and an admin API key for it", async () => {
      const created = await operator.tenants.createTenant({
        tenantId,
        tenant: { displayName: `SDK test ${tenantId}`, tier: Tenant_Tier.STANDARD },
      });
      assert.equal(created.name, parent);
      assert.equal(created.tenantId, tenantId);

      const key = await operator.access.createApiKey({ parent, apiKey: { displayName: "sdk test", roles: ["admin"] } });
      assert.match(key.secret, /^tk_/);
      assert.equal(key.apiKey?.roles.join(), "admin");
      tenantKey = key.secret;
      // The tenant client asks a token provider before every call.
      tenant = variant.client({
        tokenProvider: async () => {
          tokenCalls.push(Date.now());
          return tenantKey;
        },
      });
    });

    test("the tenant key reads its tenant", async () => {
      const before = tokenCalls.length;
      const got = await tenant.tenants.getTenant({ name: parent });
      assert.equal(got.name, parent);
      assert.equal(got.displayName, `SDK test ${tenantId}`);
      assert.equal(tokenCalls.length, before + 1);
    });

    const roleNames: string[] = [];

    test("creates roles, filling request_id; re-sending the same request returns the same role", async () => {
      for (let i = 0; i < 5; i++) {
        const request = { parent, roleId: `r${randomId()}`, role: { displayName: `role ${i}`, permissions: ["tenants.get"] } };
        const role = await tenant.access.createRole(request);
        const filled = (request as { requestId?: string }).requestId;
        assert.match(filled ?? "", UUID, "requestId was filled on the caller's object");
        assert.equal(role.name, `${parent}/roles/${request.roleId}`);
        assert.deepEqual(role.permissions, ["tenants.get"]);
        roleNames.push(role.name);

        if (i === 0) {
          const again = await tenant.access.createRole(request);
          assert.equal((request as { requestId?: string }).requestId, filled, "the id is kept on re-send");
          assert.equal(again.name, role.name);
          assert.equal(again.etag, role.etag);
          assert.deepEqual(again.createTime, role.createTime);
        }
      }

      // A message built with create() is filled in place by the interceptor path as well.
      const message = create(CreateRoleRequestSchema, {
        parent,
        roleId: `m${randomId()}`,
        role: { permissions: ["tenants.get"] },
      });
      assert.equal(message.requestId, "");
      const first = await tenant.access.createRole(message);
      assert.match(message.requestId, UUID);
      const second = await tenant.access.createRole(message);
      assert.equal(second.name, first.name);
      assert.deepEqual(second.createTime, first.createTime);
      roleNames.push(first.name);
    });

    test("paginate lists every role exactly once across pages of 2", async () => {
      let pages = 0;
      const listRoles: typeof tenant.access.listRoles = (req, options) => {
        pages++;
        return tenant.access.listRoles(req, options);
      };
      const request = { parent, pageSize: 2 };
      const counts = new Map<string, number>();
      for await (const role of paginate(listRoles, request, "roles")) {
        counts.set(role.name, (counts.get(role.name) ?? 0) + 1);
      }
      for (const name of roleNames) assert.equal(counts.get(name), 1, `${name} listed once`);
      for (const [name, n] of counts) assert.equal(n, 1, `${name} listed once`);
      assert.ok(pages >= Math.ceil(roleNames.length / 2), `fetched ${pages} pages`);
      assert.deepEqual(request, { parent, pageSize: 2 }, "the caller's request is not modified");
    });

    test("a validation error carries ErrorInfo and BadRequest details", async () => {
      const err = await expectPlatformError(
        tenant.access.createRole({ parent, roleId: "Bad Id", role: { permissions: ["tenants.get"] } }),
      );
      assert.equal(err.code, Code.InvalidArgument);
      assert.equal(err.codeName, "INVALID_ARGUMENT");
      assert.equal(err.reason, "VALIDATION_FAILED");
      assert.ok(err.domain.length > 0, "ErrorInfo.domain is set");
      const violations = err.violationsFor("role_id");
      assert.equal(violations.length, 1, JSON.stringify(err.fieldViolations));
      assert.ok(violations[0]!.description.length > 0);
      assert.equal(err.retryable, false);
    });

    test("a permission error carries the missing permission", async () => {
      const err = await expectPlatformError(tenant.tenants.listTenants({ pageSize: 1 }));
      assert.equal(err.code, Code.PermissionDenied);
      assert.equal(err.codeName, "PERMISSION_DENIED");
      assert.equal(err.reason, "PERMISSION_DENIED");
      assert.equal(err.metadata.permission, "tenants.list");
    });

    test("an unknown key is UNAUTHENTICATED", async () => {
      const stranger = variant.client({ apiKey: `tk_${"x".repeat(64)}` });
      const err = await expectPlatformError(stranger.tenants.getTenant({ name: parent }));
      assert.equal(err.code, Code.Unauthenticated);
      assert.ok(err.reason.startsWith("CREDENTIALS_"), err.reason);
    });
  });
}

test("gRPC-Web from Node over node:http (httpVersion 1.1)", async () => {
  const platform = createPlatformClient({ baseUrl: HTTP_URL, transport: "grpc-web", httpVersion: "1.1", apiKey: OPERATOR_KEY });
  const page = await platform.tenants.listTenants({ pageSize: 1 });
  assert.ok(page.tenants.length <= 1);
});

test("the browser entry refuses gRPC (browsers cannot do HTTP/2 trailers)", () => {
  assert.throws(() => browserSdk.createPlatformClient({ baseUrl: GRPC_URL, transport: "grpc" }), /grpc-web/);
});

test("withRetry retries UNAVAILABLE, honouring RetryInfo, and stops at maxAttempts", async () => {
  const retryInfo = { desc: RetryInfoSchema, value: { retryDelay: { seconds: 0n, nanos: 30_000_000 } } };
  let calls = 0;
  const delays: number[] = [];
  const result = await withRetry(
    async () => {
      calls++;
      if (calls < 3) throw new ConnectError("try later", Code.Unavailable, undefined, [retryInfo]);
      return "ok";
    },
    { maxAttempts: 3, onRetry: (_e, _a, delay) => delays.push(delay) },
  );
  assert.equal(result, "ok");
  assert.equal(calls, 3);
  assert.deepEqual(delays, [30, 30]);

  calls = 0;
  const quota = { desc: QuotaFailureSchema, value: { violations: [{ subject: "tenants/x", description: "too many" }] } };
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw new ConnectError("slow down", Code.ResourceExhausted, undefined, [quota]);
      },
      { maxAttempts: 2, initialBackoffMs: 1 },
    ),
    (e: unknown) => {
      const err = PlatformError.from(e);
      assert.equal(err.quotaViolations[0]?.subject, "tenants/x");
      return err.code === Code.ResourceExhausted;
    },
  );
  assert.equal(calls, 2);

  calls = 0;
  await assert.rejects(
    withRetry(async () => {
      calls++;
      throw new ConnectError("no", Code.InvalidArgument);
    }),
  );
  assert.equal(calls, 1, "INVALID_ARGUMENT is not retried");
});

test("every generated service is on PlatformClient", () => {
  const genDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "gen", "platform");
  const declared: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith("_pb.ts")) {
        const source = readFileSync(path, "utf8");
        const pkg = /^platform\/.+\/v\d+/.exec(path.slice(path.indexOf("platform/")))?.[0].replaceAll("/", ".");
        for (const m of source.matchAll(/^export const (\w+): GenService</gm)) declared.push(`${pkg}.${m[1]}`);
      }
    }
  };
  walk(genDir);
  const registered = Object.values(platformServices).map((s) => s.typeName).sort();
  assert.ok(declared.length > 0);
  assert.deepEqual(registered, declared.sort());
});
