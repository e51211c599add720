import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Found walking issue 21: the partner portal's offers and jobs, operations' match decisions and the manual
// quote requests showed a material's catalogue code ("AL-6061-T6") where people read its name. Pages render
// `materialCode` only as a form's hidden value; what people read is the material's name.
const folders = ["app/supplier", "app/ops", "app/orders", "app/_components"];

function pagesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return pagesUnder(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

const shownCode = /\{[^{}]*\.materialCode\}/;
const hiddenValue = /type="hidden"[^>]*value=\{[^{}]*\.code\}|name="materialCode"/;
const pages = folders.flatMap(pagesUnder);

describe("material names, not codes", () => {
  it("reads the pages it checks", () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it.each(pages)("%s shows no material code as text", (file) => {
    const shown = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, index) =>
        shownCode.test(line) && !hiddenValue.test(line) ? [`${index + 1}: ${line.trim()}`] : [],
      );
    expect(shown).toEqual([]);
  });
});
