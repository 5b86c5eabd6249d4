import { Code, ConnectError } from "@connectrpc/connect";
import {
  BadRequestSchema,
  ErrorInfoSchema,
  QuotaFailureSchema,
  RetryInfoSchema,
  type BadRequest_FieldViolation,
  type QuotaFailure_Violation,
} from "./gen/google/rpc/error_details_pb.js";
import { Code as RpcCode } from "./gen/google/rpc/code_pb.js";

/**
 * A failed call with the server's google.rpc error details decoded: ErrorInfo (reason, domain, metadata),
 * BadRequest (field violations), QuotaFailure (quota violations) and RetryInfo (retry delay).
 *
 *   try { await client.access.createRole(req); }
 *   catch (e) { const err = PlatformError.from(e); if (err.reason === "VALIDATION_FAILED") … }
 */
export class PlatformError extends Error {
  override readonly name = "PlatformError";
  /** The status code (connect's Code, numerically equal to google.rpc.Code). */
  readonly code: Code;
  /** The canonical status name, e.g. "INVALID_ARGUMENT". */
  readonly codeName: string;
  /** google.rpc.ErrorInfo.reason, e.g. "VALIDATION_FAILED"; "" when the server sent no ErrorInfo. */
  readonly reason: string;
  /** google.rpc.ErrorInfo.domain; "" when absent. */
  readonly domain: string;
  /** google.rpc.ErrorInfo.metadata, e.g. { permission: "tenants.list" }. */
  readonly metadata: Readonly<Record<string, string>>;
  /** google.rpc.BadRequest field violations (field path, description, reason). */
  readonly fieldViolations: readonly BadRequest_FieldViolation[];
  /** google.rpc.QuotaFailure violations. */
  readonly quotaViolations: readonly QuotaFailure_Violation[];
  /** google.rpc.RetryInfo.retry_delay in milliseconds; undefined when the server gave none. */
  readonly retryDelayMs: number | undefined;
  /** The underlying ConnectError (its `metadata` holds the response headers and trailers). */
  override readonly cause: ConnectError;

  private constructor(err: ConnectError) {
    super(err.rawMessage, { cause: err });
    this.cause = err;
    this.code = err.code;
    this.codeName = RpcCode[err.code] ?? "UNKNOWN";

    const info = err.findDetails(ErrorInfoSchema)[0];
    this.reason = info?.reason ?? "";
    this.domain = info?.domain ?? "";
    this.metadata = Object.freeze({ ...(info?.metadata ?? {}) });
    this.fieldViolations = err.findDetails(BadRequestSchema).flatMap((d) => d.fieldViolations);
    this.quotaViolations = err.findDetails(QuotaFailureSchema).flatMap((d) => d.violations);
    const delay = err.findDetails(RetryInfoSchema)[0]?.retryDelay;
    this.retryDelayMs = delay ? Number(delay.seconds) * 1000 + Math.round(delay.nanos / 1e6) : undefined;
  }

  /** Wraps any thrown value (a ConnectError, a PlatformError, or anything else: then code UNKNOWN/INTERNAL). */
  static from(err: unknown): PlatformError {
    if (err instanceof PlatformError) return err;
    return new PlatformError(ConnectError.from(err));
  }

  /** True for the codes withRetry retries: UNAVAILABLE and RESOURCE_EXHAUSTED. */
  get retryable(): boolean {
    return this.code === Code.Unavailable || this.code === Code.ResourceExhausted;
  }

  /** The violations of one field path, e.g. "role_id". */
  violationsFor(field: string): BadRequest_FieldViolation[] {
    return this.fieldViolations.filter((v) => v.field === field);
  }
}
