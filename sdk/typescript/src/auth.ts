import type { Interceptor } from "@connectrpc/connect";

/** Returns the credential to send: an API key (`tk_…`) or an access token. */
export type TokenProvider = () => Promise<string> | string;

/**
 * Sets `authorization: Bearer <token>` on every call, asking `getToken` each time (so a provider can refresh
 * tokens). A call that already carries an authorization header (CallOptions.headers) keeps it.
 */
export function authInterceptor(getToken: TokenProvider): Interceptor {
  return (next) => async (req) => {
    if (!req.header.has("authorization")) {
      const token = await getToken();
      if (token) req.header.set("authorization", `Bearer ${token}`);
    }
    return next(req);
  };
}
