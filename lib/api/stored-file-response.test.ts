import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { contentDisposition, storedFileResponse } = await import("./stored-file-response");

describe("storedFileResponse", () => {
  it("names the file in ASCII for old clients and in UTF-8 for the rest", () => {
    expect(contentDisposition("attachment", 'Gehäuse "v2".step')).toBe(
      `attachment; filename="Geh_use _v2_.step"; filename*=UTF-8''Geh%C3%A4use%20%22v2%22.step`,
    );
  });

  it("opens an inline file without letting the browser guess its type, and never caches it", async () => {
    const response = storedFileResponse(Readable.from([Buffer.from("%PDF")]), {
      fileName: "iso-9001.pdf",
      disposition: "inline",
      contentType: "application/pdf",
    });
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="iso-9001.pdf"; filename*=UTF-8''iso-9001.pdf`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    expect(await response.text()).toBe("%PDF");
  });

  it("downloads an attachment as bytes", () => {
    const response = storedFileResponse(Readable.from([]), {
      fileName: "part.step",
      disposition: "attachment",
    });
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(response.headers.get("x-content-type-options")).toBeNull();
  });
});
