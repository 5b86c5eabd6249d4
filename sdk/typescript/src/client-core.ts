import type { DescService } from "@bufbuild/protobuf";
import { createClient, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { authInterceptor, type TokenProvider } from "./auth.js";
import { fillRequestId, requestIdInterceptor } from "./request-id.js";
import { platformServices, type PlatformClient } from "./services.js";

export type TransportKind = "grpc" | "grpc-web";

export interface PlatformClientOptions {
  /**
   * Where the host listens. gRPC needs the HTTP/2 (h2c or TLS) endpoint, e.g. `http://127.0.0.1:5080`;
   * gRPC-Web the HTTP/1.1 endpoint, e.g. `http://127.0.0.1:5081`.
   */
  baseUrl: string;
  /** A Platform API key (`tk_…`), sent as `authorization: Bearer <key>`. */
  apiKey?: string;
  /** Called before every call for the bearer credential (e.g. a refreshed access token). Excludes apiKey. */
  tokenProvider?: TokenProvider;
  /** "grpc" (Node only, HTTP/2) or "grpc-web" (binary). Default: "grpc" on Node, "grpc-web" in browsers. */
  transport?: TransportKind;
  /** gRPC-Web over fetch: the fetch to use (e.g. to set `credentials`). Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  /**
   * Node only. For "grpc-web": send with node:http ("1.1") or node:http2 ("2") instead of fetch.
   * For "grpc": must be "2" if given.
   */
  httpVersion?: "1.1" | "2";
  /** Default deadline of every call in milliseconds (CallOptions.timeoutMs overrides it). */
  defaultTimeoutMs?: number;
  /** Fill an empty `request_id` with a UUID (default true). */
  autoRequestId?: boolean;
  /** Extra interceptors, run after the SDK's own (request id, then authorization). */
  interceptors?: Interceptor[];
}

/** What a platform-specific entry point (Node or browser) needs to build the transport. */
export interface TransportSettings {
  kind: TransportKind;
  baseUrl: string;
  interceptors: Interceptor[];
  fetch: typeof globalThis.fetch | undefined;
  httpVersion: "1.1" | "2" | undefined;
  defaultTimeoutMs: number | undefined;
}

export type TransportFactory = (settings: TransportSettings) => Transport;

export function buildPlatformClient(
  options: PlatformClientOptions,
  createTransport: TransportFactory,
  defaultKind: TransportKind,
): PlatformClient {
  if (!options.baseUrl) throw new TypeError("createPlatformClient: baseUrl is required");
  if (options.apiKey !== undefined && options.tokenProvider !== undefined) {
    throw new TypeError("createPlatformClient: give apiKey or tokenProvider, not both");
  }
  const autoRequestId = options.autoRequestId ?? true;
  const interceptors: Interceptor[] = [];
  if (autoRequestId) interceptors.push(requestIdInterceptor);
  const apiKey = options.apiKey;
  const getToken = options.tokenProvider ?? (apiKey !== undefined ? () => apiKey : undefined);
  if (getToken) interceptors.push(authInterceptor(getToken));
  interceptors.push(...(options.interceptors ?? []));

  const transport = createTransport({
    kind: options.transport ?? defaultKind,
    baseUrl: options.baseUrl,
    interceptors,
    fetch: options.fetch,
    httpVersion: options.httpVersion,
    defaultTimeoutMs: options.defaultTimeoutMs,
  });

  const clients: Record<string, unknown> = { transport };
  for (const [property, service] of Object.entries(platformServices)) {
    const client = createClient(service, transport);
    clients[property] = autoRequestId ? fillingRequestIds(service, client) : client;
  }
  return clients as PlatformClient;
}

/**
 * connect copies a plain init object into a new message, so the interceptor's id would not reach the caller's
 * object. Filling it here, before the copy, makes "send the same object again" idempotent for plain objects too.
 */
function fillingRequestIds<S extends DescService>(service: S, client: Client<S>): Client<S> {
  const calls = client as unknown as Record<string, (input: unknown, options?: unknown) => unknown>;
  for (const method of service.methods) {
    if (method.methodKind !== "unary") continue;
    const call = calls[method.localName];
    if (!call) continue;
    calls[method.localName] = (input, callOptions) => {
      if (typeof input === "object" && input !== null) fillRequestId(method.input, input);
      return call(input, callOptions);
    };
  }
  return client;
}
