import { ScalarType, type DescMessage } from "@bufbuild/protobuf";
import type { Interceptor } from "@connectrpc/connect";

const requestIdKeys = new WeakMap<DescMessage, string | null>();

/** The property name (`requestId`) of a message's `string request_id` field, or undefined if it has none. */
export function requestIdKey(desc: DescMessage): string | undefined {
  let key = requestIdKeys.get(desc);
  if (key === undefined) {
    const field = desc.fields.find(
      (f) => f.name === "request_id" && f.fieldKind === "scalar" && f.scalar === ScalarType.STRING,
    );
    key = field ? field.localName : null;
    requestIdKeys.set(desc, key);
  }
  return key ?? undefined;
}

/** A random UUID (v4). Uses crypto.randomUUID where available (Node, secure browser contexts). */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  // Browsers expose randomUUID only in secure contexts; getRandomValues is always there.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Sets the request_id field of `message` (a message or a plain init object of type `desc`) to a new UUID when the
 * type has one and it is empty. The object is changed in place, so sending the same object again re-uses the id
 * and the server replays the first result instead of creating a second resource. Returns the id, if any.
 */
export function fillRequestId(desc: DescMessage, message: object): string | undefined {
  const key = requestIdKey(desc);
  if (key === undefined) return undefined;
  const record = message as Record<string, unknown>;
  const current = record[key];
  if (typeof current === "string" && current !== "") return current;
  const id = newRequestId();
  record[key] = id;
  return id;
}

/**
 * Fills an empty `request_id` on every unary request whose type has one, so that retrying the same request
 * object is idempotent. The message is changed in place; connect passes messages built with `create()` through
 * unchanged, so the caller's object receives the id. (PlatformClient also fills plain init objects before connect
 * copies them; this interceptor covers clients you build yourself on the transport.)
 */
export const requestIdInterceptor: Interceptor = (next) => async (req) => {
  if (!req.stream) fillRequestId(req.method.input, req.message);
  return next(req);
};
