import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";

// The parts API end to end on the running app: upload, background analysis in the job worker's thread,
// the 3D mesh, prices, and who may see what.
const fixture = (name: string) => readFileSync(`tests/fixtures/cad/${name}`);

async function upload(request: APIRequestContext, name: string, fileName = name) {
  return request.post("/api/v1/parts", {
    headers: { "x-file-name": encodeURIComponent(fileName), "content-type": "application/octet-stream" },
    data: fixture(name),
  });
}

async function waitForAnalysis(request: APIRequestContext, partId: string) {
  let part: { status: string } & Record<string, unknown> = { status: "UPLOADED" };
  await expect
    .poll(
      async () => {
        part = (await (await request.get(`/api/v1/parts/${partId}`)).json()).part;
        return part.status;
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toMatch(/ANALYZED|FAILED/);
  return part;
}

test("a visitor uploads the plate, it is analysed in the background and priced from the stored analysis", async ({
  playwright,
  baseURL,
}) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const response = await upload(visitor, "synth_plate_4thru_1blind.step", "bracket plate.step");
  expect(response.status()).toBe(201);
  expect(response.headers()["set-cookie"]).toMatch(
    /iq_visitor=[\w-]{43}; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax/,
  );
  const { part } = await response.json();
  // Queued, or analysed at once when an earlier journey uploaded the plate already (decision 0051).
  expect(part).toMatchObject({
    fileName: "bracket plate.step",
    format: "STEP",
    status: expect.stringMatching(/^(UPLOADED|ANALYZED)$/),
  });

  const analysed = await waitForAnalysis(visitor, part.id);
  expect(analysed).toMatchObject({
    status: "ANALYZED",
    displayMeshUrl: `/api/v1/parts/${part.id}/display-mesh`,
  });
  expect((analysed.analysis as { features: { holes: unknown[] } }).features.holes).toHaveLength(5);

  const mesh = await visitor.get(`/api/v1/parts/${part.id}/display-mesh`);
  expect(mesh.headers()["content-type"]).toBe("application/octet-stream");
  const bytes = await mesh.body();
  expect(bytes.readUInt32LE(0)).toBe(0x314d5149); // "IQM1"

  const quote = await visitor.post(`/api/v1/parts/${part.id}/quote`, {
    data: { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10 },
  });
  expect(await quote.json()).toMatchObject({
    settingsVersion: 1,
    quote: { ok: true, needsManualQuote: false, quantity: 10, buyer: { unitPriceCents: expect.any(Number) } },
  });
  const comparison = await (
    await visitor.post(`/api/v1/parts/${part.id}/quote`, { data: { compare: true, quantity: 10 } })
  ).json();
  expect(comparison.priced.length).toBe(6);
  expect(comparison.manual.map((entry: { process: string }) => entry.process)).toEqual(["cnc_turning"]);

  // Another browser does not see it, and learns nothing from the id.
  const stranger = await playwright.request.newContext({ baseURL });
  const hidden = await stranger.get(`/api/v1/parts/${part.id}`);
  expect(hidden.status()).toBe(404);
  expect(await hidden.json()).toMatchObject({ error: { code: "not_found" } });

  // The stranger drops the same file: analysed in the upload's answer, under its own name, and priced
  // at once without waiting for the worker (issue 22, decision 0051).
  const again = await upload(stranger, "synth_plate_4thru_1blind.step", "my plate.step");
  expect(again.status()).toBe(201);
  const copy = (await again.json()).part;
  expect(copy).toMatchObject({ fileName: "my plate.step", status: "ANALYZED" });
  expect(copy.id).not.toBe(part.id);
  expect(JSON.stringify(copy.analysis)).not.toContain("bracket plate");
  const firstPrice = await stranger.post(`/api/v1/parts/${copy.id}/quote`, {
    data: { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10 },
  });
  expect((await firstPrice.json()).quote.buyer.unitPriceCents).toBe(
    (await quote.json()).quote.buyer.unitPriceCents,
  );
  await visitor.dispose();
  await stranger.dispose();
});

test("a broken file ends with the engine's message, and a file that is not CAD is refused at once", async ({
  request,
}) => {
  const broken = await (await upload(request, "truncated_binary_plate.stl")).json();
  const failed = await waitForAnalysis(request, broken.part.id);
  expect(failed).toMatchObject({
    status: "FAILED",
    failure: { code: "truncated", message: expect.stringMatching(/.{20,}/) },
  });
  const price = await request.post(`/api/v1/parts/${broken.part.id}/quote`, {
    data: { compare: true, quantity: 1 },
  });
  expect(price.status()).toBe(409);

  const text = await request.post("/api/v1/parts", {
    headers: { "x-file-name": "notes.txt" },
    data: Buffer.from("not a part"),
  });
  expect(text.status()).toBe(415);
  expect(await text.json()).toMatchObject({
    error: { code: "unsupported_media_type", message: expect.stringContaining("STEP") },
  });
});

test("bad quote options get a 422 that names the field", async ({ request }) => {
  const { part } = await (await upload(request, "synth_cube20_ascii.stl")).json();
  await waitForAnalysis(request, part.id);
  const response = await request.post(`/api/v1/parts/${part.id}/quote`, {
    data: { process: "laser", materialCode: "X", quantity: 0 },
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).error.message).toMatch(/quantity|process/);
});
