import type { CardSupplier } from "./kept-match-cards";

/**
 * The versions of the kept cards as the card read's three array parameters (load-match-candidates.ts):
 * ids, transaction ids (xmin) and places (ctid), in one order. Written as PostgreSQL array texts here
 * rather than handed to pg as arrays (issue 22, decision 0083): pg quotes and escapes each element of an
 * array on its own, about 700 kB of short-lived strings per match at 1,000 suppliers, where one `join` per
 * array does. Every element is quoted, so an id such as "NULL" stays a text; an id holding a quote or a
 * backslash, which would need escaping, makes the ids an array again for pg to encode.
 */
export function keptVersionsOf(kept: ReadonlyMap<string, Pick<CardSupplier, "xmin" | "ctid">>): {
  ids: string | string[];
  xmins: string;
  ctids: string;
} {
  const ids: string[] = [];
  const xmins: string[] = [];
  const ctids: string[] = [];
  for (const [id, supplier] of kept) {
    ids.push(id);
    xmins.push(supplier.xmin);
    ctids.push(supplier.ctid);
  }
  if (ids.length === 0) return { ids: "{}", xmins: "{}", ctids: "{}" };
  const plainIds = ids.every((id) => !id.includes('"') && !id.includes("\\"));
  return {
    ids: plainIds ? `{"${ids.join('","')}"}` : ids,
    // A transaction id is digits and a place "(page,item)": neither needs escaping.
    xmins: `{${xmins.join(",")}}`,
    ctids: `{"${ctids.join('","')}"}`,
  };
}
