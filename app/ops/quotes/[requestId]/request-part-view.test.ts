import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RequestPartView } from "./request-part-view";

const view = (unreadable: boolean) =>
  renderToStaticMarkup(
    createElement(RequestPartView, {
      meshUrl: null,
      fileName: "soup.stl",
      processName: "CNC milling",
      findings: [],
      unreadable,
    }),
  );

describe("the requested part on operations' quote request page", () => {
  it("says the engine checked nothing when it could not read the file, not that it found nothing", () => {
    // Walk6: trimesh's soup.stl (open surfaces) read "No manufacturability findings for CNC milling".
    const html = view(true);
    expect(html).toContain("the engine could not read the file, so it checked nothing for CNC milling");
    expect(html).toContain("the engine could not read its file");
    expect(html).not.toContain("No manufacturability findings");
  });

  it("keeps 'no findings' for a part the engine read", () => {
    expect(view(false)).toContain("No manufacturability findings for CNC milling.");
  });
});
