import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format-file-size";

describe("formatFileSize", () => {
  it("names small files in bytes or KB, not as 0.00 MB", () => {
    expect(formatFileSize(684)).toBe("684 bytes");
    expect(formatFileSize(35_000)).toBe("34.2 KB");
  });

  it("names limits and large files in MB to one decimal", () => {
    expect(formatFileSize(100 * 1024 * 1024)).toBe("100 MB");
    expect(formatFileSize(1.55 * 1024 * 1024)).toBe("1.6 MB");
  });
});
