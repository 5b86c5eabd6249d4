import type { CallOptions } from "@connectrpc/connect";

/** The keys of T whose values are arrays (the repeated fields of a List response). */
export type ArrayKeys<T> = { [K in keyof T]-?: T[K] extends readonly unknown[] ? K : never }[keyof T];

type ItemOf<A> = A extends readonly (infer I)[] ? I : never;

/**
 * Iterates over every item of a List RPC (AIP-158 pagination: request `page_token`, response `next_page_token`),
 * fetching pages lazily until the server returns an empty next_page_token. `request` is not modified: each page
 * is requested with a copy carrying the token. Breaking out of the loop stops fetching.
 *
 *   for await (const role of paginate(client.access.listRoles, { parent: "tenants/acme", pageSize: 50 }, "roles")) {}
 */
export async function* paginate<
  Req extends { pageToken?: string },
  Res extends { nextPageToken: string },
  K extends ArrayKeys<Res>,
>(
  listFn: (request: Req, options?: CallOptions) => Promise<Res>,
  request: Req,
  itemsField: K,
  options?: CallOptions,
): AsyncGenerator<ItemOf<Res[K]>, void, undefined> {
  let pageToken = request.pageToken ?? "";
  const seen = new Set<string>();
  for (;;) {
    const page = await listFn({ ...request, pageToken }, options);
    const items = page[itemsField] as readonly ItemOf<Res[K]>[] | undefined;
    if (items === undefined) throw new TypeError(`paginate: the response has no field "${String(itemsField)}"`);
    yield* items;
    pageToken = page.nextPageToken;
    if (!pageToken) return;
    if (seen.has(pageToken)) throw new Error("paginate: the server repeated a page token");
    seen.add(pageToken);
  }
}

/** Collects every item of a List RPC into an array (see paginate). */
export async function listAll<
  Req extends { pageToken?: string },
  Res extends { nextPageToken: string },
  K extends ArrayKeys<Res>,
>(
  listFn: (request: Req, options?: CallOptions) => Promise<Res>,
  request: Req,
  itemsField: K,
  options?: CallOptions,
): Promise<ItemOf<Res[K]>[]> {
  const all: ItemOf<Res[K]>[] = [];
  for await (const item of paginate(listFn, request, itemsField, options)) all.push(item);
  return all;
}
