// Browser entry point ("browser" export condition): gRPC-Web over fetch only, no Node modules imported.
import { buildPlatformClient, type PlatformClientOptions } from "./client-core.js";
import type { PlatformClient } from "./services.js";
import { createBrowserTransport } from "./transport-browser.js";

export * from "./common.js";

/**
 * Typed clients for every Platform service over gRPC-Web (binary), against the host's HTTP/1.1 endpoint.
 *
 *   const platform = createPlatformClient({ baseUrl: "https://api.example.com", tokenProvider: getAccessToken });
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  return buildPlatformClient(options, createBrowserTransport, "grpc-web");
}
