import { describe, expect, it } from "vitest";
import { findStepExchangeEnd } from "./step-exchange-end";

const bytes = (text: string) => new TextEncoder().encode(text);
const body = "ISO-10303-21;\nHEADER;\nENDSEC;\nDATA;\n#1=FOO();\nENDSEC;\nEND-ISO-10303-21;";

describe("the end of a STEP exchange structure (ISO 10303-21:2016, 5.2, 5.3, 5.6)", () => {
  it.each([
    ["nothing", ""],
    ["a line end", "\r\n"],
    ["blank lines and spaces", "\n\n   \n\t\n"],
    ["NUL padding", "\0".repeat(512)],
    ["a DOS end-of-file mark", "\x1a"],
    ["a trailing comment", "\n/* exported by ACME CAD 12, checked 2026-12-06 */\n"],
    ["a signature section", "\nSIGNATURE\nMIIBaWFiY2Rl==\nENDSEC;\n"],
  ])("accepts %s after END-ISO-10303-21;", (_, trailer) => {
    const result = findStepExchangeEnd(bytes(body + trailer));
    expect(result).toEqual({ ok: true, endOffset: body.length });
  });

  it("finds no end in a file cut off inside its data", () => {
    expect(findStepExchangeEnd(bytes(body.slice(0, 40)))).toEqual({ ok: false, reason: "missing_end" });
  });

  it("refuses entities after the end", () => {
    expect(findStepExchangeEnd(bytes(`${body}\n#2=BAR();`))).toEqual({
      ok: false,
      reason: "content_after_end",
    });
  });

  it("refuses an unclosed comment after the end", () => {
    expect(findStepExchangeEnd(bytes(`${body}\n/* half a com`))).toMatchObject({ ok: false });
  });
});
