// Everything that is the same on Node and in browsers (both entry points re-export this).
export { authInterceptor, type TokenProvider } from "./auth.js";
export type { PlatformClientOptions, TransportKind } from "./client-core.js";
export { PlatformError } from "./errors.js";
export { listAll, paginate, type ArrayKeys } from "./pagination.js";
export { fillRequestId, newRequestId, requestIdInterceptor } from "./request-id.js";
export { withRetry, type RetryOptions } from "./retry.js";
export { platformServices, type PlatformClient, type PlatformServices } from "./services.js";
export { AccessService } from "./gen/platform/access/v1/access_service_pb.js";
export { AuditService } from "./gen/platform/audit/v1/audit_service_pb.js";
export { TenantService } from "./gen/platform/tenancy/v1/tenant_service_pb.js";
export { ErrorReason } from "./gen/platform/api/v1/error_reason_pb.js";
export { PROTO_CONTENT_SHA256 } from "./gen/version.js";
export { Code, ConnectError, type CallOptions, type Client, type Interceptor, type Transport } from "@connectrpc/connect";

/** The SDK version; it follows the API version (v1). */
export const SDK_VERSION = "0.1.0";
