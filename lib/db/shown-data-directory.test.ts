import { describe, expect, it } from "vitest";
import { shownDataDirectory } from "./shown-data-directory";

describe("shownDataDirectory", () => {
  it("prints a folder inside the project relative to it", () => {
    expect(shownDataDirectory("/work/app/.data/postgres", "/work/app")).toBe(".data/postgres");
  });

  it("prints a folder outside the project as its full path, not climbing out with ../", () => {
    expect(shownDataDirectory("/tmp/walk6db", "/work/app")).toBe("/tmp/walk6db");
  });
});
