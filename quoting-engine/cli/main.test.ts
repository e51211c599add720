import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function runEngine(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "quoting-engine/cli/main.ts", ...args], {
    encoding: "utf8",
  });
  return { status: result.status, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

describe("engine analyze (command line)", () => {
  it("prints the analyze contract and exits 0 for a readable file", () => {
    const { status, json } = runEngine("analyze", "tests/fixtures/cad/3mfc_box.3mf");
    expect(status).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      version: 1,
      file: { name: "3mfc_box.3mf", format: "3mf", bytes: 1176 },
      units: "mm",
      sourceUnit: "mm",
      volumeMm3: 6000,
      areaMm2: 2200,
      features: { setups: [[0, 0, 1]], undercut: false },
      dfm: expect.any(Array),
      notices: [],
    });
    // A box from a mesh file: six planes fitted to its triangles.
    expect(json.faces).toHaveLength(6);
    expect((json.faces as { type: string }[]).every((face) => face.type === "plane")).toBe(true);
    expect(json.timingsMs).toEqual({
      parse: expect.any(Number),
      analyze: expect.any(Number),
      total: expect.any(Number),
    });
  });

  it("prints { ok: false, error } and exits 2 for a broken file", () => {
    expect(runEngine("analyze", "tests/fixtures/cad/truncated_binary_plate.stl")).toMatchObject({
      status: 2,
      json: { ok: false, error: { code: "truncated" } },
    });
  });

  it("exits 2 with a code for a missing file and for bad arguments", () => {
    expect(runEngine("analyze", "no/such/file.step")).toMatchObject({
      status: 2,
      json: { error: { code: "file_not_readable" } },
    });
    expect(runEngine("measure")).toMatchObject({ status: 2, json: { error: { code: "usage" } } });
  });

  it("scales a unitless file by --unit", () => {
    const { json } = runEngine("analyze", "tests/fixtures/cad/o3dv_cube_meshlab_ascii.stl", "--unit", "inch");
    expect(json).toMatchObject({ sourceUnit: "inch", scaleToMm: 25.4 });
    expect(json.volumeMm3).toBeCloseTo(25.4 ** 3, 6);
  });
});

describe("engine quote (command line)", () => {
  it("prices a part for one process, material and quantity", () => {
    const { status, json } = runEngine(
      "quote",
      "tests/fixtures/cad/synth_plate_4thru_1blind.step",
      "--process",
      "cnc-milling",
      "--material",
      "AL-6061-T6",
      "--quantity",
      "10",
      "--today",
      "2026-11-23",
    );
    expect(status).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      needsManualQuote: false,
      process: "cnc_milling",
      quantity: 10,
      currency: "EUR",
      buyer: { unitPriceCents: expect.any(Number), totalPriceCents: expect.any(Number) },
      validUntil: "2026-12-23",
    });
  });

  it("compares every process that can make the part, cheapest first, and lists the others with reasons", () => {
    const { status, json } = runEngine(
      "quote",
      "tests/fixtures/cad/synth_cube20.step",
      "--compare",
      "--quantity",
      "5",
      "--today",
      "2026-11-23",
    );
    expect(status).toBe(0);
    const priced = json.priced as { buyer: { totalPriceCents: number } }[];
    expect(priced).toHaveLength(6);
    const totals = priced.map((quote) => quote.buyer.totalPriceCents);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(json.manual).toEqual([
      expect.objectContaining({ process: "cnc_turning", reasons: expect.any(Array) }),
    ]);
  });

  it("exits 2 for a missing option, an unknown process and a date too early", () => {
    const plate = "tests/fixtures/cad/synth_plate_4thru_1blind.step";
    expect(runEngine("quote", plate, "--process", "cnc-milling", "--quantity", "1")).toMatchObject({
      status: 2,
      json: { error: { code: "usage", message: expect.stringContaining("--material") } },
    });
    expect(
      runEngine("quote", plate, "--process", "laser", "--material", "X", "--quantity", "1"),
    ).toMatchObject({
      status: 2,
      json: { error: { code: "usage", message: expect.stringContaining("cnc-milling, cnc-turning") } },
    });
    expect(
      runEngine(
        "quote",
        plate,
        "--process",
        "cnc-milling",
        "--material",
        "AL-6061-T6",
        "--quantity",
        "1",
        "--today",
        "2026-11-23",
        "--delivery-date",
        "2026-11-24",
      ),
    ).toMatchObject({ status: 2, json: { error: { code: "delivery_too_early" } } });
  }, 30_000);
});
