import { describe, expect, it } from "vitest";
import { formatFromFileName } from "../catalogue/catalogue";

describe("formatFromFileName", () => {
  it("knows the CAD extensions, whatever their case", () => {
    expect(formatFromFileName("bracket.STEP")).toBe("step");
    expect(formatFromFileName("plate.3mf")).toBe("3mf");
    expect(formatFromFileName("notes.txt")).toBeUndefined();
  });

  it.each(["part.constructor", "part.__proto__", "part.toString", "part.hasOwnProperty"])(
    "finds no format in %s rather than one of Object's own members",
    (fileName) => {
      expect(formatFromFileName(fileName)).toBeUndefined();
    },
  );
});
