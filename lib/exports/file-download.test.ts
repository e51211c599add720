import { describe, expect, it, vi } from "vitest";
import { fileDownload } from "./file-download";

vi.mock("server-only", () => ({}));

describe("fileDownload", () => {
  it("sends any file name safely: non-ASCII, quotes and line breaks cannot break or fail the header", () => {
    // A sheet-metal part named "零件.step" gave its flat pattern this name; the raw header threw (a 500).
    const response = fileDownload("0\nSECTION", "零件-flat-pattern.dxf", "application/dxf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="__-flat-pattern.dxf"; filename*=UTF-8''${encodeURIComponent("零件-flat-pattern.dxf")}`,
    );
    const hostile = fileDownload("x", 'a";\r\nSet-Cookie: x=1; filename="b.exe', "text/csv");
    const header = hostile.headers.get("content-disposition")!;
    expect(header).not.toMatch(/[\r\n]/);
    expect(
      header.startsWith('attachment; filename="a_;__Set-Cookie: x=1; filename=_b.exe"; filename*='),
    ).toBe(true);
  });
});
