import type { Transport } from "@connectrpc/connect";
import {
  createGrpcTransport,
  createGrpcWebTransport as createNodeGrpcWebTransport,
} from "@connectrpc/connect-node";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import type { TransportSettings } from "./client-core.js";

/** Node: gRPC over HTTP/2, or gRPC-Web (binary) over fetch or node:http/http2. */
export function createNodeTransport(s: TransportSettings): Transport {
  const common = { baseUrl: s.baseUrl, interceptors: s.interceptors, defaultTimeoutMs: s.defaultTimeoutMs };
  if (s.kind === "grpc") {
    if (s.fetch) throw new TypeError("createPlatformClient: fetch applies to transport \"grpc-web\" only");
    if (s.httpVersion !== undefined && s.httpVersion !== "2") {
      throw new TypeError("createPlatformClient: gRPC needs HTTP/2 (httpVersion \"2\")");
    }
    return createGrpcTransport(common);
  }
  if (s.kind !== "grpc-web") throw new TypeError(`createPlatformClient: unknown transport ${String(s.kind)}`);
  if (s.httpVersion !== undefined) {
    if (s.fetch) throw new TypeError("createPlatformClient: give fetch or httpVersion, not both");
    return createNodeGrpcWebTransport({ ...common, httpVersion: s.httpVersion, useBinaryFormat: true });
  }
  return createGrpcWebTransport({ ...common, useBinaryFormat: true, fetch: s.fetch });
}
