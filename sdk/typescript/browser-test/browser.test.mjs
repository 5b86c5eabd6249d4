// Browser test (node:test): headless Chromium loads a page that imports the SDK's browser entry, calls
// TenantService.GetTenant over gRPC-Web (binary) and writes the result into the DOM; the test reads it.
//   PLATFORM_HTTP_URL      the host's HTTP/1.1 URL (gRPC-Web)          required
//   PLATFORM_OPERATOR_KEY  a bootstrap operator key                   required
//   PLATFORM_BROWSER_PORT  optional: serve the page on this fixed port and let it call PLATFORM_HTTP_URL
//                          directly (cross-origin, so the host must allow http://127.0.0.1:<port> in
//                          Platform:Cors:Origins). Unset: a free port, and the page server proxies the
//                          gRPC-Web calls to the host (same-origin, works with any host configuration).
//   CHROMIUM_PATH          default /usr/bin/chromium
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { createPlatformClient } from "../dist/src/index.js";
import { Tenant_Tier } from "../dist/src/gen/platform/tenancy/v1/tenant_pb.js";
import { startServer } from "./server.mjs";

const HTTP_URL = process.env.PLATFORM_HTTP_URL;
const OPERATOR_KEY = process.env.PLATFORM_OPERATOR_KEY;
const FIXED_PORT = process.env.PLATFORM_BROWSER_PORT ? Number(process.env.PLATFORM_BROWSER_PORT) : undefined;
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
assert.ok(HTTP_URL && OPERATOR_KEY, "PLATFORM_HTTP_URL and PLATFORM_OPERATOR_KEY must be set");

const direct = FIXED_PORT !== undefined;
const tenantId = `b${randomBytes(6).toString("hex")}`;
const displayName = `Browser test ${tenantId}`;
let server, browser, tenantKey;

before(async () => {
  // Setup from Node with the SDK itself: the operator creates a tenant and an admin API key for it.
  const operator = createPlatformClient({ baseUrl: HTTP_URL, transport: "grpc-web", httpVersion: "1.1", apiKey: OPERATOR_KEY });
  await operator.tenants.createTenant({ tenantId, tenant: { displayName, tier: Tenant_Tier.STANDARD } });
  const key = await operator.access.createApiKey({
    parent: `tenants/${tenantId}`,
    apiKey: { displayName: "browser test", roles: ["admin"] },
  });
  tenantKey = key.secret;

  server = await startServer(direct ? { port: FIXED_PORT } : { proxyTo: HTTP_URL });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page with the given key and returns the result element's text and data attributes. */
async function runPage(apiKey) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  const grpcWebRequests = [];
  page.on("request", (r) => r.url().includes("/platform.") && grpcWebRequests.push(r));
  try {
    const query = new URLSearchParams({ key: apiKey, tenant: tenantId });
    if (direct) query.set("base", HTTP_URL);
    await page.goto(`${server.url}/?${query}`);
    const result = page.locator("#result[data-status]");
    await result.waitFor({ timeout: 20000 }).catch((e) => {
      throw new Error(`the page wrote no result: ${e.message}\n${problems.join("\n")}`);
    });
    const out = await result.evaluate((el) => ({ text: el.textContent, ...el.dataset }));
    // The call went out from the browser as gRPC-Web (binary) to the expected origin.
    assert.equal(grpcWebRequests.length, 1, `gRPC-Web requests: ${grpcWebRequests.map((r) => r.url())}`);
    const req = grpcWebRequests[0];
    assert.equal(req.url(), `${direct ? HTTP_URL : server.url}/platform.tenancy.v1.TenantService/GetTenant`);
    assert.match((await req.allHeaders())["content-type"] ?? "", /^application\/grpc-web\+proto/);
    return { ...out, problems };
  } finally {
    await page.close();
  }
}

test(`the page reads its tenant over gRPC-Web (${direct ? "cross-origin, CORS" : "same-origin proxy"})`, async () => {
  const out = await runPage(tenantKey);
  assert.equal(out.status, "ok", `${out.text} ${out.message ?? ""}\n${out.problems.join("\n")}`);
  assert.equal(out.text, displayName);
});

test("a wrong key shows UNAUTHENTICATED with the ErrorInfo reason from the SDK's error helper", async () => {
  const out = await runPage(`tk_${"x".repeat(64)}`);
  assert.equal(out.status, "error", out.text);
  assert.equal(out.code, "UNAUTHENTICATED", `${out.text} ${out.message}\n${out.problems.join("\n")}`);
  assert.equal(out.reason, "CREDENTIALS_INVALID");
  assert.equal(out.text, "UNAUTHENTICATED CREDENTIALS_INVALID");
});
