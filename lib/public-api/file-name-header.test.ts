import { describe, expect, it } from "vitest";
import { fileNameFromHeader } from "./file-name-header";

/** A header value as Node and undici hand it over: each byte sent one character (Latin-1). */
const asReceived = (bytes: Buffer) => bytes.toString("latin1");

describe("the file name of an upload's X-File-Name header", () => {
  it("decodes a URL-encoded name", () => {
    expect(fileNameFromHeader("Geh%C3%A4use%20%C3%98%2080.stp")).toBe("Gehäuse Ø 80.stp");
  });

  it("reads a name sent as raw UTF-8 bytes (curl, Python) as UTF-8, not byte by byte", () => {
    expect(fileNameFromHeader(asReceived(Buffer.from("Gehäuse.stp", "utf8")))).toBe("Gehäuse.stp");
    expect(fileNameFromHeader(asReceived(Buffer.from("Flansch Ø80 – Évora.stp", "utf8")))).toBe(
      "Flansch Ø80 – Évora.stp",
    );
    // A raw name is taken as it is: its % is part of the name.
    expect(fileNameFromHeader(asReceived(Buffer.from("100% Ø.stp", "utf8")))).toBe("100% Ø.stp");
  });

  it("refuses bytes that are neither URL-encoding nor UTF-8, and broken escapes, with how to send the name", () => {
    expect(() => fileNameFromHeader(asReceived(Buffer.from([0x47, 0x65, 0x68, 0xe4, 0x2e, 0x73])))).toThrow(
      /neither URL-encoded nor UTF-8/,
    );
    expect(() => fileNameFromHeader("50%off.stp")).toThrow(/not URL-encoded/);
  });
});
