import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { settingsFormSchemas, type SettingsForm } from "../../lib/settings/settings-form-schemas";
import { updateMatchingSettings } from "../../lib/settings/update-matching-settings";
import { updateMaterialPrice } from "../../lib/settings/update-material-price";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "../integration/setup/test-prisma";

const olga = { userId: "seed_user_olga" };

/** A settings form's fields as its action reads them: the form layer's parse with the form's schema. */
function settingsFormInput(data: FormData, form: SettingsForm): Record<string, unknown> {
  const submission = parseWithZod(data, { schema: settingsFormSchemas[form] });
  if (submission.status !== "success")
    throw new Error(`The ${form} form was refused: ${JSON.stringify(submission.error)}`);
  return submission.value;
}

/** The fields the browser posts, in order; names chosen by whoever sends the request. */
function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const pollutingFields: [string, string][] = [
  ["__proto__.companyId", "seed_company_acme"],
  ["constructor.prototype.x", "polluted"],
  ["__proto__", "polluted"],
  ["prototype.isAdmin", "true"],
];

/** Whether anything reached Object.prototype (every object of the process would see it). */
function prototypeIsClean() {
  const probe: Record<string, unknown> = {};
  return probe.companyId === undefined && probe.x === undefined && probe.isAdmin === undefined;
}

describe("input never becomes a prototype (issue 16, item 8)", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });
  afterEach(() => {
    // A failing run must not poison the tests after it.
    for (const key of ["companyId", "x", "isAdmin"])
      delete (Object.prototype as Record<string, unknown>)[key];
  });

  it("reads the matcher's form by its own field names: `__proto__.companyId` reaches nothing, and the save works", async () => {
    const current = (await db.matchingSettings.findFirstOrThrow({ orderBy: { version: "desc" } }))
      .settings as { weights: Record<string, number>; qualityThresholds: Record<string, number> };
    const fields: [string, string][] = [
      ...pollutingFields,
      ...Object.entries({ ...current.weights, cost: current.weights.cost! + 1 }).map(
        ([key, value]): [string, string] => [`weights.${key}`, String(value)],
      ),
      ...Object.entries(current.qualityThresholds).map(([key, value]): [string, string] => [
        `qualityThresholds.${key}`,
        String(value),
      ]),
      ["offerDeadlineWorkingHours", "24"],
      ["flaggedScoreFactor", "0.5"],
      ["counteroffers.maxRaisePercent", "25"],
      ["counteroffers.minMarginPercent", "10"],
      ["counteroffers.buyerDecisionWorkingHours", "16"],
      ["reason", "cost matters more"],
    ];

    const input = settingsFormInput(formData(fields), "matching");

    expect(prototypeIsClean()).toBe(true);
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(Object.keys(input).sort()).toEqual(
      [
        "counteroffers",
        "flaggedScoreFactor",
        "offerDeadlineWorkingHours",
        "qualityThresholds",
        "reason",
        "weights",
      ].sort(),
    );
    const saved = await updateMatchingSettings(db, olga, input);
    expect(saved.summary).toContain("weight cost");
    const stored = await db.matchingSettings.findFirstOrThrow({ where: { version: saved.version } });
    expect(JSON.stringify(stored.settings)).not.toContain("polluted");
    expect(JSON.stringify(stored.settings)).not.toContain("seed_company_acme");
    expect(prototypeIsClean()).toBe(true);
  });

  it("reads the pricing forms the same way, and the next request still works", async () => {
    const input = settingsFormInput(
      formData([
        ...pollutingFields,
        ["materialCode", "AL-6061-T6"],
        ["priceEurosPerKg", "9.90"],
        ["active", "on"],
        ["reason", "supplier price list"],
      ]),
      "material-price",
    );
    expect(prototypeIsClean()).toBe(true);
    expect(input).toEqual({
      materialCode: "AL-6061-T6",
      priceEurosPerKg: "9.90",
      active: true,
      reason: "supplier price list",
      confirmLargeChange: "",
    });
    const saved = await updateMaterialPrice(db, olga, input);
    expect(saved.summary).toContain("€9.90/kg");
    // The next, ordinary change goes through as before.
    const next = await updateMaterialPrice(
      db,
      olga,
      settingsFormInput(
        formData([
          ["materialCode", "AL-6061-T6"],
          ["priceEurosPerKg", "10.10"],
          ["reason", "back again"],
        ]),
        "material-price",
      ),
    );
    expect(next.version).toBe(saved.version + 1);
  });

  it("hands back what was typed (Conform's reply) without `__proto__`, `constructor` or `prototype` fields", () => {
    const submission = parseWithZod(
      formData([...pollutingFields, ["constructor", "typed"], ["prototype", "typed"], ["note", "kept"]]),
      { schema: z.object({ note: z.string().min(10) }) },
    );
    const reply = submission.reply();
    expect(prototypeIsClean()).toBe(true);
    expect(reply.initialValue?.note).toBe("kept");
    expect(Object.hasOwn(reply.initialValue ?? {}, "constructor")).toBe(false);
    expect(Object.hasOwn(reply.initialValue ?? {}, "__proto__")).toBe(false);
  });

  describe("a file whose extension names one of Object's members", () => {
    let directory: string;
    beforeAll(async () => {
      directory = await fs.mkdtemp(path.join(os.tmpdir(), "pollution-"));
    });
    afterAll(() => fs.rm(directory, { recursive: true, force: true }));

    it("is read by its content, never as the member of that name (decision 0110)", async () => {
      const storage = createLocalFileStorage(directory);
      const part = await storePartUpload(
        { db, storage, queue: { send: async () => null } as never },
        {
          body: Readable.from([Buffer.from("solid x\nendsolid x\n")]),
          fileName: "bracket.constructor",
          owner: { visitorToken: "visitor-pollution", clientAddress: "203.0.113.9" },
        },
      );
      expect(part).toMatchObject({ format: "STL", originalFileName: "bracket.constructor" });
    });

    it("is refused (415) with nothing stored when its content is no CAD format either", async () => {
      const own = await fs.mkdtemp(path.join(directory, "refused-"));
      const storage = createLocalFileStorage(own);
      const partsBefore = await db.part.count();
      await expect(
        storePartUpload(
          { db, storage, queue: { send: async () => null } as never },
          {
            body: Readable.from([Buffer.from("Meeting notes\n".repeat(50))]),
            fileName: "notes.__proto__",
            owner: { visitorToken: "visitor-pollution", clientAddress: "203.0.113.9" },
          },
        ),
      ).rejects.toMatchObject({ code: "unsupported_media_type" });
      expect(await db.part.count()).toBe(partsBefore);
      const stored = await fs.readdir(own, { recursive: true, withFileTypes: true });
      expect(stored.filter((entry) => entry.isFile())).toEqual([]);
    });
  });
});
