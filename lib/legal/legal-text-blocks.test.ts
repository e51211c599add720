import { describe, expect, it } from "vitest";
import { demoLegalTexts } from "./demo-legal-texts";
import { legalTextBlocks } from "./legal-text-blocks";

describe("legalTextBlocks", () => {
  it("splits paragraphs at blank lines and takes a '## ' line as a heading over its paragraph", () => {
    expect(
      legalTextBlocks("Intro line.\r\n\r\n## 1. Scope\nThese terms apply.\n\n## 2. Empty\n\n<b>not html</b>"),
    ).toEqual([
      { heading: false, text: "Intro line." },
      { heading: true, text: "1. Scope" },
      { heading: false, text: "These terms apply." },
      { heading: true, text: "2. Empty" },
      { heading: false, text: "<b>not html</b>" },
    ]);
  });

  it("gives the demo terms eight numbered headings after the demo notice", () => {
    const blocks = legalTextBlocks(demoLegalTexts.TERMS.body);
    expect(blocks[0]).toMatchObject({ heading: false, text: expect.stringMatching(/^DEMO TEXT/) });
    expect(blocks.filter((block) => block.heading).map((block) => block.text.split(".")[0])).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
    ]);
  });
});
