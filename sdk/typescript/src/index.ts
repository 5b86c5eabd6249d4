// Node entry point ("default" export condition): gRPC over HTTP/2 by default, gRPC-Web on request.
import { buildPlatformClient, type PlatformClientOptions } from "./client-core.js";
import type { PlatformClient } from "./services.js";
import { createNodeTransport } from "./transport-node.js";

export * from "./common.js";

/**
 * Typed clients for every Platform service over one transport.
 *
 *   const platform = createPlatformClient({ baseUrl: "http://127.0.0.1:5080", apiKey: process.env.PLATFORM_API_KEY });
 *   const tenant = await platform.tenants.getTenant({ name: "tenants/acme" });
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  return buildPlatformClient(options, createNodeTransport, "grpc");
}
