import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// Each fixture breaks one import boundary on purpose (docs/decisions/0014-import-boundaries.md); the
// normal lint run ignores the folder, so these tests lint each file through the repository's own config.
const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(import.meta.dirname, "fixtures");

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.js"), ignore: false });
});

/**
 * Folder rules depend on where a file sits, so a fixture under fixtures/quoting-engine/… or fixtures/lib/…
 * is linted as if it sat at the same path under the repository root. Client fixtures are content rules and
 * are linted where they are, so that their relative imports of neighbouring helpers resolve.
 */
async function lintFixture(fixture: string, { asIfAtRoot }: { asIfAtRoot: boolean }) {
  const text = readFileSync(path.join(fixtures, fixture), "utf8");
  const filePath = asIfAtRoot ? path.join(root, fixture) : path.join(fixtures, fixture);
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

describe("the engine imports neither lib/ nor app/ nor the web and server packages", () => {
  const folders = /lib\/ and app\/ call it/;
  const web = /outside Next and React/;
  const server = /no database, payments/;

  it.each([
    ["quoting-engine/pricing/imports-lib-relative.ts", "import/no-restricted-paths", folders],
    ["quoting-engine/pricing/imports-app-by-alias.ts", "import/no-restricted-paths", folders],
    ["quoting-engine/pricing/loads-lib-dynamically.ts", "import/no-restricted-paths", folders],
    ["quoting-engine/pricing/imports-next.ts", "no-restricted-imports", web],
    ["quoting-engine/pricing/imports-react.ts", "no-restricted-imports", web],
    ["quoting-engine/pricing/imports-prisma.ts", "no-restricted-imports", server],
    ["quoting-engine/pricing/imports-stripe.ts", "no-restricted-imports", server],
  ])("%s fails with %s", async (fixture, ruleId, message) => {
    const messages = await lintFixture(fixture, { asIfAtRoot: true });
    expect(messages).toEqual([{ ruleId, message: expect.stringMatching(message) }]);
  });

  it("passes an engine module that imports the engine and Node", async () => {
    expect(
      await lintFixture("quoting-engine/pricing/imports-only-the-engine.ts", { asIfAtRoot: true }),
    ).toEqual([]);
  });
});

describe("lib/ never imports app/", () => {
  it.each(["lib/orders/imports-app-relative.ts", "lib/orders/imports-app-by-alias.ts"])(
    "%s fails with import/no-restricted-paths",
    async (fixture) => {
      expect(await lintFixture(fixture, { asIfAtRoot: true })).toEqual([
        { ruleId: "import/no-restricted-paths", message: expect.stringMatching(/lib\/ is called by app\//) },
      ]);
    },
  );

  it("passes a lib/ module that imports lib/, the database and the engine", async () => {
    expect(await lintFixture("lib/orders/imports-lib-and-engine.ts", { asIfAtRoot: true })).toEqual([]);
  });
});

describe("lib/ never imports the entry points in scripts/ (the worker's job wiring among them)", () => {
  it("lib/jobs/imports-worker-handlers.ts fails with import/no-restricted-paths", async () => {
    expect(await lintFixture("lib/jobs/imports-worker-handlers.ts", { asIfAtRoot: true })).toEqual([
      {
        ruleId: "import/no-restricted-paths",
        message: expect.stringMatching(/scripts\/ holds the process entry points/),
      },
    ]);
  });
});

describe('a "use client" module never reaches database or server-only code', () => {
  const ruleId = "local/no-server-code-in-client";

  it.each([
    ["client/imports-db-by-alias.tsx", "lib/db/connect-database.ts"],
    ["client/imports-db-relative.tsx", "lib/db/connect-database.ts"],
    ["client/imports-server-only.tsx", "server-only"],
    ["client/imports-node-builtin.tsx", "node:fs/promises"],
    ["client/imports-server-only-module.tsx", "server-only-helper.ts → server-only"],
    ["client/reaches-db-through-a-helper.tsx", "helper-that-uses-the-database.ts → lib/db/prisma.ts"],
    ["client/loads-db-dynamically.tsx", "lib/db/connect-database.ts"],
  ])("%s fails, naming %s", async (fixture, chainEnd) => {
    const messages = await lintFixture(fixture, { asIfAtRoot: false });
    expect(messages).toEqual([{ ruleId, message: expect.stringContaining(`${chainEnd}. Move what`) }]);
  });

  it.each(["@prisma/client", "pg", "pg-boss", "stripe", "nodemailer", "@node-rs/argon2", "fs"])(
    "fails on the server package %s",
    async (name) => {
      const [result] = await eslint.lintText(
        `"use client";\nimport server from "${name}";\nexport const used = server;\n`,
        {
          filePath: path.join(fixtures, "client/generated.tsx"),
        },
      );
      expect(result!.messages).toEqual([
        expect.objectContaining({ ruleId, message: expect.stringContaining(`server code: ${name}.`) }),
      ]);
    },
  );

  it("passes React, type-only imports, server actions and plain lib/ code", async () => {
    expect(await lintFixture("client/allowed-imports.tsx", { asIfAtRoot: false })).toEqual([]);
  });

  it('leaves modules without "use client" alone', async () => {
    expect(await lintFixture("client/server-component-imports-db.tsx", { asIfAtRoot: false })).toEqual([]);
  });
});
