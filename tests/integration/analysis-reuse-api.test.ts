import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { createAnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { seededDatabaseWithStorage } from "./setup/seeded-database-with-storage";

vi.mock("server-only", () => ({}));
// Visitors only: the session lookup needs a Next request scope, and no one here is signed in.
vi.mock("../../lib/auth/current-user", () => ({ getCurrentUser: async () => null }));

type PartBody = { part: { id: string; status: string } };

/**
 * Issue 22, through the upload and quote APIs with no analysis worker running at all: the job queue only
 * receives jobs, nothing takes them. A file the platform analysed before is priced at once; a new file
 * waits for the worker that is not there.
 */
describe("the same file uploaded again, priced with the worker stopped", () => {
  let db: Database;
  let sql: pg.Client;
  let directory: string;
  let routes: {
    upload: typeof import("../../app/api/v1/parts/route").POST;
    quote: typeof import("../../app/api/v1/parts/[partId]/quote/route").POST;
  };

  const upload = async (fixture: string, fileName: string, cookie?: string) => {
    const response = await routes.upload(
      new Request("http://app.test/api/v1/parts", {
        method: "POST",
        body: readFileSync(`tests/fixtures/cad/${fixture}`),
        headers: { "x-file-name": encodeURIComponent(fileName), ...(cookie ? { cookie } : {}) },
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(201);
    const setCookie = response.headers.get("set-cookie");
    return {
      part: ((await response.json()) as PartBody).part,
      cookie: cookie ?? setCookie!.split(";")[0]!,
    };
  };
  const quote = (partId: string, cookie: string) =>
    routes.quote(
      new Request(`http://app.test/api/v1/parts/${partId}/quote`, {
        method: "POST",
        body: JSON.stringify({ process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10 }),
        headers: { "content-type": "application/json", cookie },
      }),
      { params: Promise.resolve({ partId }) },
    );
  const analysisJobsOf = async (partId: string) =>
    (
      await sql.query<{ state: string }>(
        `SELECT "state"::text FROM pgboss.job WHERE "name" = 'parts.analyze' AND "data"->>'partId' = $1`,
        [partId],
      )
    ).rows.map((row) => row.state);

  beforeAll(async () => {
    const seeded = await seededDatabaseWithStorage("reuse-api-");
    ({ directory, db } = seeded);
    sql = new pg.Client({ connectionString: seeded.url });
    await sql.connect();
    routes = {
      upload: (await import("../../app/api/v1/parts/route")).POST,
      quote: (await import("../../app/api/v1/parts/[partId]/quote/route")).POST,
    };
  });
  afterAll(async () => {
    await sql?.end();
    await db?.$disconnect();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("prices a file analysed before at once, while a new file waits for the worker", async () => {
    // Another visitor's upload of the plate, analysed earlier (as the worker did before it stopped).
    const earlier = await upload("synth_plate_4thru_1blind.step", "theirs.step");
    expect(earlier.part.status).toBe("UPLOADED");
    const pool = createAnalysisPool({ size: 1 });
    try {
      await analyzeStoredPart({ db, storage: createLocalFileStorage(directory), pool }, earlier.part.id);
    } finally {
      await pool.close();
    }
    expect((await db.part.findUniqueOrThrow({ where: { id: earlier.part.id } })).status).toBe("ANALYZED");

    // A new visitor drops the same file: the answer to the upload is the analysed part.
    const startedAt = performance.now();
    const again = await upload("synth_plate_4thru_1blind.step", "mine.step");
    expect(again.cookie).not.toBe(earlier.cookie);
    expect(again.part.status).toBe("ANALYZED");
    const priced = await quote(again.part.id, again.cookie);
    const firstPriceMs = performance.now() - startedAt;
    expect(priced.status).toBe(200);
    const body = (await priced.json()) as { quote: { ok: boolean; buyer?: { unitPriceCents: number } } };
    expect(body.quote.ok).toBe(true);
    expect(body.quote.buyer?.unitPriceCents).toBeGreaterThan(0);
    expect(await analysisJobsOf(again.part.id)).toEqual([]);
    expect(firstPriceMs).toBeLessThan(10_000);

    // A file never analysed: queued, and with no worker it stays so.
    const fresh = await upload("synth_cube20.step", "cube.step", again.cookie);
    expect(fresh.part.status).toBe("UPLOADED");
    expect(await analysisJobsOf(fresh.part.id)).toEqual(["created"]);
    expect((await quote(fresh.part.id, again.cookie)).status).not.toBe(200);
  }, 120_000);
});
