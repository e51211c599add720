// A simulated buyer for the benches that drive the app over its API: a visitor with a cookie of its own,
// uploading files, following each until it is analysed as the home page's upload row does, and pricing parts.
import { partChangeTag } from "../lib/parts/part-change-tag";

/**
 * How long one long poll waits on the server for a change: the upload row's (next-part-change.ts). The
 * buyers used to ask GET /api/v1/parts/{id} every 200 ms, as the row did before decision 0070: 150 files
 * waiting in line sent 750 requests a second that no page sends (decision 0122).
 */
const waitForChangeMs = 8_000;

/** What a buyer may choose for a part, by file kind: the process and its materials (the first is priced first). */
export function partOptionsFor(fileName: string) {
  return fileName.toLowerCase().endsWith(".stl")
    ? { process: "fdm", materials: ["FDM-PLA", "FDM-PETG", "FDM-ABS"] }
    : { process: "cnc_milling", materials: ["AL-6061-T6", "AL-7075-T6", "STEEL-C45", "SS-316L", "POM-C"] };
}

export type BenchBuyer = ReturnType<typeof newBuyer>;

/** A buyer at `baseUrl` whose polls give up at `giveUpAt` (epoch ms). */
export function newBuyer(baseUrl: string, giveUpAt: number) {
  let cookie = "";
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${url}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    const setCookie = response.headers.getSetCookie?.() ?? [];
    if (setCookie.length > 0) cookie = setCookie.map((entry) => entry.split(";")[0]).join("; ");
    return response;
  };
  const status = async (partId: string): Promise<string> => {
    const polled = await request(`/api/v1/parts/${partId}`);
    if (!polled.ok) throw new Error(`poll HTTP ${polled.status}`);
    return ((await polled.json()) as { part: { status: string } }).part.status;
  };
  return {
    /** The visitor's cookie first, as the storefront does (ensureVisitorSession). */
    async open(): Promise<void> {
      const session = await request("/api/v1/visitor-session", { method: "POST" });
      if (!session.ok) throw new Error(`visitor session HTTP ${session.status}`);
    },
    /** Prices a part with the given choice (process, material, quantity…); throws unless it is priced. */
    async price(partId: string, choice: object): Promise<void> {
      const response = await request(`/api/v1/parts/${partId}/quote`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(choice),
      });
      const body = (await response.json().catch(() => null)) as { quote?: { ok?: boolean } } | null;
      if (!response.ok) throw new Error(`quote HTTP ${response.status}`);
      if (!body?.quote?.ok) throw new Error("quote not ok");
    },
    /** Sends the bytes under the name: the new part's id and status, and when the upload was sent. */
    async send(name: string, bytes: Uint8Array<ArrayBuffer>) {
      const startedAt = performance.now();
      const uploaded = await request("/api/v1/parts", {
        method: "POST",
        headers: { "x-file-name": encodeURIComponent(name) },
        body: bytes,
      });
      if (uploaded.status !== 201) throw new Error(`upload HTTP ${uploaded.status}`);
      const { part } = (await uploaded.json()) as { part: { id: string; status: string } };
      return { id: part.id, status: part.status, startedAt };
    },
    /** The part's status as its page's poll reads it. */
    status,
    /**
     * Uploads the bytes under the name and polls until the part is analysed: its id, when the upload was
     * sent (performance.now()) and the ms from then to analysed.
     */
    async upload(name: string, bytes: Uint8Array<ArrayBuffer>) {
      const part = await this.send(name, bytes);
      let current = part.status;
      // The page's long poll (POST /api/v1/parts/changes): answered at each change of the part.
      let tag = "";
      while (current !== "ANALYZED") {
        if (current === "FAILED") throw new Error("analysis failed");
        if (Date.now() > giveUpAt) throw new Error("not analysed in time");
        const polled = await request("/api/v1/parts/changes", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ parts: [{ id: part.id, tag }], waitForChangeMs }),
        });
        if (!polled.ok) throw new Error(`long poll HTTP ${polled.status}`);
        const { changes } = (await polled.json()) as {
          changes: { part?: Parameters<typeof partChangeTag>[0] & { status: string }; gone?: true }[];
        };
        if (changes[0]?.gone) throw new Error("part gone");
        const changed = changes[0]?.part;
        if (!changed) continue;
        tag = partChangeTag(changed);
        current = changed.status;
      }
      return { id: part.id, startedAt: part.startedAt, analysedMs: performance.now() - part.startedAt };
    },
  };
}
