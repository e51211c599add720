import { describe, expect, it } from "vitest";
import {
  cadFormats,
  manufacturingProcesses,
  toleranceOptions,
} from "../../quoting-engine/catalogue/catalogue";
import { CadFormat, ManufacturingProcess, ToleranceClass } from "./generated/enums";
import {
  dbFormatOf,
  dbProcessOf,
  dbToleranceOf,
  engineFormatOf,
  engineProcessOf,
  engineToleranceOf,
} from "./catalogue-codes";

describe("the catalogue's codes and the database's enums", () => {
  it("pair every process one to one, both ways", () => {
    expect(manufacturingProcesses.map(dbProcessOf).sort()).toEqual(
      Object.values(ManufacturingProcess).sort(),
    );
    for (const process of manufacturingProcesses) expect(engineProcessOf(dbProcessOf(process))).toBe(process);
  });

  it("pair every tolerance option one to one, both ways", () => {
    expect(toleranceOptions.map(dbToleranceOf).sort()).toEqual(Object.values(ToleranceClass).sort());
    for (const tolerance of toleranceOptions)
      expect(engineToleranceOf(dbToleranceOf(tolerance))).toBe(tolerance);
    expect(dbToleranceOf("fine")).toBe("ISO2768_FINE");
  });

  it("pair every CAD format one to one, both ways", () => {
    expect(cadFormats.map(dbFormatOf).sort()).toEqual(Object.values(CadFormat).sort());
    for (const format of cadFormats) expect(engineFormatOf(dbFormatOf(format))).toBe(format);
  });
});
