import { PlatformError } from "./errors.js";

export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  maxAttempts?: number;
  /** Backoff before the first retry when the server sent no RetryInfo (default 200 ms), doubled per attempt. */
  initialBackoffMs?: number;
  /** Upper bound of that backoff (default 5000 ms). Jitter picks a delay in [backoff/2, backoff]. */
  maxBackoffMs?: number;
  /** Give up (rethrow) rather than wait when the server's RetryInfo asks for longer than this (default 60 s). */
  maxRetryDelayMs?: number;
  /** Stops waiting and rethrows the last error when aborted. */
  signal?: AbortSignal;
  /** Called before each wait. */
  onRetry?: (error: PlatformError, attempt: number, delayMs: number) => void;
}

/**
 * Calls `fn` and retries it when it fails with UNAVAILABLE or RESOURCE_EXHAUSTED, waiting the server's
 * google.rpc.RetryInfo delay when there is one and an exponential backoff with jitter otherwise. Other errors,
 * and the last one, are rethrown unchanged. Opt-in: only wrap calls that are safe to repeat -- reads, and creates
 * whose request object carries a request_id (PlatformClient fills it on the first attempt, so every retry sends
 * the same id).
 *
 *   const req = { parent, roleId: "auditor", role: { permissions: ["audit.list"] } };
 *   const role = await withRetry(() => client.access.createRole(req), { maxAttempts: 5 });
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const initial = options.initialBackoffMs ?? 200;
  const maxBackoff = options.maxBackoffMs ?? 5000;
  const maxRetryDelay = options.maxRetryDelayMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt >= maxAttempts || options.signal?.aborted) throw e;
      const err = PlatformError.from(e);
      if (!err.retryable) throw e;
      let delay: number;
      if (err.retryDelayMs !== undefined) {
        if (err.retryDelayMs > maxRetryDelay) throw e;
        delay = err.retryDelayMs;
      } else {
        const backoff = Math.min(maxBackoff, initial * 2 ** (attempt - 1));
        delay = backoff / 2 + Math.random() * (backoff / 2);
      }
      options.onRetry?.(err, attempt, delay);
      if (!(await sleep(delay, options.signal))) throw e;
    }
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
