import type { Transport } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import type { TransportSettings } from "./client-core.js";

/** Browsers: gRPC-Web (binary) over fetch. Browsers cannot speak gRPC's HTTP/2 trailers. */
export function createBrowserTransport(s: TransportSettings): Transport {
  if (s.kind !== "grpc-web") {
    throw new TypeError(
      "createPlatformClient: browsers support transport \"grpc-web\" only (use the host's HTTP/1.1 endpoint)",
    );
  }
  if (s.httpVersion !== undefined) throw new TypeError("createPlatformClient: httpVersion is Node only");
  return createGrpcWebTransport({
    baseUrl: s.baseUrl,
    interceptors: s.interceptors,
    defaultTimeoutMs: s.defaultTimeoutMs,
    useBinaryFormat: true,
    fetch: s.fetch,
  });
}
