import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { errorResponseFor } from "../../lib/errors/error-response";
import { formStateFromError } from "../../lib/errors/form-state-from-error";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { createTestPrisma } from "../integration/setup/test-prisma";

describe("bad bytes (issue 16, item 11)", () => {
  let db: Database;
  let directory: string;
  const sent: unknown[] = [];
  const queue = { send: async (...args: unknown[]) => (sent.push(args), "job") };

  beforeAll(async () => {
    db = await createTestPrisma();
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "bad-bytes-"));
  });
  afterAll(() => fs.rm(directory, { recursive: true, force: true }));

  it.each([
    ["a NUL byte", "bracket\u0000.stl"],
    ["a line break", "bracket\r\nx-evil: 1.stl"],
    ["an escape", "bra\u001bcket.stl"],
    ["a right-to-left override that disguises the extension", "invoice\u202eltsx.stl"],
  ])("refuses a file name with %s with 400 and a message, and stores nothing", async (_what, fileName) => {
    let pulled = 0;
    const body = Readable.from(
      (function* () {
        pulled++;
        yield Buffer.from("solid cube\nendsolid cube\n");
      })(),
    );
    const error = await storePartUpload(
      { db, storage: createLocalFileStorage(directory), queue },
      { body, fileName, owner: { visitorToken: "visitor-nul", clientAddress: "192.0.2.1" } },
    ).catch((caught: unknown) => caught);
    const { status, body: answer } = errorResponseFor(error);
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(/control character.*Rename the file/);
    expect(pulled).toBe(0);
    expect(await fs.readdir(directory, { recursive: true })).toEqual([]);
    expect(await db.part.count()).toBe(0);
    expect(await db.visitorUpload.count()).toBe(0);
    expect(sent).toEqual([]);
  });

  it("answers PostgreSQL's invalid-byte errors (NUL in text, \\u0000 in JSON) with 400, not 500 'try again'", async () => {
    const nulInText = await db.company
      .create({ data: { name: "Acme\u0000", kind: "BUYER", countryCode: "DE" } })
      .catch((caught: unknown) => caught);
    const nulInJson = await db
      .$executeRawUnsafe(`SELECT '"\\u0000"'::jsonb`)
      .catch((caught: unknown) => caught);
    for (const error of [nulInText, nulInJson]) {
      const { status, body } = errorResponseFor(error);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "bad_request", message: expect.stringContaining("NUL") });
      const formState = formStateFromError(error, "save the settings");
      expect(formState.error).toContain("NUL");
      expect(formState.error).not.toContain("try again in a moment");
    }
  });
});
