import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findUnlinkedEmails } from "./find-unlinked-emails";
import { hasPageLink } from "./email-page-link";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join("lib", "db", "generated")));
}

// Issue 21: every e-mail the app queues carries an absolute link to the page it is about.
describe("every e-mail links to its page", () => {
  const files = [...sourceFiles("lib"), ...sourceFiles("app")];

  it("finds the e-mail kinds (the audit reads them all)", () => {
    const calls = files.flatMap((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      return source.match(/\b(queueEmail|queueCompanyEmail|emailCompanyAdmins)\(/g) ?? [];
    });
    // Definitions excluded, about fifty kinds today; far fewer means the scan missed the sources.
    expect(calls.length).toBeGreaterThan(50);
  });

  it("builds an absolute link into every queued e-mail's text", () => {
    const unlinked = files.flatMap((file) =>
      findUnlinkedEmails(file, readFileSync(path.join(root, file), "utf8")),
    );
    expect(unlinked).toEqual([]);
  });

  it("flags an e-mail without a link, and one whose text comes from elsewhere without appUrl()", () => {
    const source = `
      async function a(tx) { await queueEmail(tx, { to: "x", subject: "s", text: "Your order is cancelled." }); }
      async function b(tx, text) { await queueCompanyEmail(tx, "c", { subject: "s", text }); }
      async function c(tx) { await queueEmail(tx, { to: "x", subject: "s", text: \`See \${appUrl()}/orders/1\` }); }
      async function d(tx, message) { await queueEmail(tx, { to: "x", ...message }); }
      async function e(tx, ok) { await queueEmail(tx, { to: "x", subject: "s", text: ok ? \`\${appUrl()}/a\` : "No." }); }`;
    expect(findUnlinkedEmails("fixture.ts", source).map((entry) => entry.line)).toEqual([2, 3, 6]);
  });

  it("at run time, tells a text with a page link from one without", () => {
    const base = "http://localhost:3000";
    expect(hasPageLink("Follow it at http://localhost:3000/orders/abc", base)).toBe(true);
    expect(hasPageLink("Your order is cancelled.", base)).toBe(false);
    expect(hasPageLink("See https://elsewhere.example/orders/abc", base)).toBe(false);
  });
});
