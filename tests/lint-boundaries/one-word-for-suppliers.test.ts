import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The code calls the manufacturing side supplier; visible text and URL paths may say partner
// (docs/decisions/0018-one-word-supplier.md). The fixtures break the rule on purpose; the normal lint
// run ignores their folder. /work/vocab-codemod leaves this file and the fixtures alone.
const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(import.meta.dirname, "fixtures/vocabulary");
const ruleId = "local/one-word-for-suppliers";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.js"), ignore: false });
});

async function lintFixture(fixture: string) {
  const filePath = path.join(fixtures, fixture);
  const [result] = await eslint.lintText(readFileSync(filePath, "utf8"), { filePath });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

describe("the code says supplier, never partner", () => {
  it("fails on a function, a parameter's property and its use that say partner", async () => {
    expect(await lintFixture("identifiers.ts")).toEqual([
      { ruleId, message: expect.stringContaining('"suspendPartner" says partner') },
      { ruleId, message: expect.stringContaining('"partnerId" says partner') },
      { ruleId, message: expect.stringContaining('"partnerId" says partner') },
    ]);
  });

  it("fails on a file name that says partner, naming the supplier one", async () => {
    expect(await lintFixture("partner-forms.tsx")).toEqual([
      { ruleId, message: expect.stringContaining('"partner-forms.tsx" says partner') },
    ]);
    expect(await lintFixture("partner-forms.tsx")).toEqual([
      { ruleId, message: expect.stringContaining('("supplier-forms.tsx")') },
    ]);
  });

  it("passes visible text, a title and a URL path that say partner", async () => {
    expect(await lintFixture("visible-text-only.tsx")).toEqual([]);
  });

  it("fails on a JSX tag and prop that say partner", async () => {
    const filePath = path.join(fixtures, "generated.tsx");
    const [result] = await eslint.lintText(
      `export const page = <PartnerCard partnerName="Müller" />;\nfunction PartnerCard(p: { partnerName: string }) {\n  return <p>{p.partnerName}</p>;\n}\n`,
      { filePath },
    );
    expect(result!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message)).toEqual([
      expect.stringContaining('"PartnerCard"'),
      expect.stringContaining('"partnerName"'),
      expect.stringContaining('"PartnerCard"'),
      expect.stringContaining('"partnerName"'),
      expect.stringContaining('"partnerName"'),
    ]);
  });
});
