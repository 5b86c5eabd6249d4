// The page's module: the SDK's browser entry (gRPC-Web, binary, over fetch) reads one tenant.
// URL query: key = API key, tenant = tenant id, base = host URL (default: this page's origin,
// which server.mjs proxies to the host).
import { createPlatformClient, PlatformError } from "@platform/sdk";

const out = document.getElementById("result");
const query = new URLSearchParams(location.search);

try {
  const platform = createPlatformClient({
    baseUrl: query.get("base") || location.origin,
    apiKey: query.get("key") ?? "",
    defaultTimeoutMs: 15000,
  });
  const tenant = await platform.tenants.getTenant({ name: `tenants/${query.get("tenant") ?? ""}` });
  out.textContent = tenant.displayName;
  out.dataset.status = "ok";
} catch (e) {
  const err = PlatformError.from(e);
  out.textContent = `${err.codeName} ${err.reason}`.trim();
  out.dataset.code = err.codeName;
  out.dataset.reason = err.reason;
  out.dataset.message = err.message;
  out.dataset.status = "error";
}
