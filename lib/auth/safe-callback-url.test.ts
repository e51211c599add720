import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site with their query and fragment", () => {
    for (const path of ["/", "/orders", "/parts/abc?process=fdm#price", "/orders/%2F%2Fx", "/a//b"])
      expect(safeCallbackUrl(path)).toBe(path);
  });

  // Walk 7: Chromium went from sign-in to http://evil.example/x for `/\evil.example/x` and `/\t/evil.example`,
  // because browsers read a backslash as a slash and drop tabs and line breaks from URLs.
  it("refuses whatever a browser would read as another site", () => {
    for (const url of [
      "/\\evil.example/x",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "//evil.example",
      "///evil.example",
      "https://evil.example",
      "http:/evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /\\evil.example",
      "",
      undefined,
    ])
      expect(safeCallbackUrl(url), JSON.stringify(url)).toBeUndefined();
  });
});
