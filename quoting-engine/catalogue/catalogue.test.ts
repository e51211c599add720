import { describe, expect, it } from "vitest";
import {
  cadFileExtensions,
  cadFormatsInWords,
  finishCodes,
  finishName,
  finishNames,
  formatFromFileName,
  isQuantityInRange,
  processNameInSentence,
  processNames,
  quantityLimits,
  toleranceNames,
  toleranceOptions,
} from "./catalogue";

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

describe("the catalogue", () => {
  it("takes STEP from .step, .stp and .p21, and lists every extension for the upload", () => {
    expect(formatFromFileName("housing.p21")).toBe("step");
    expect(formatFromFileName("housing.STP")).toBe("step");
    expect(cadFileExtensions).toEqual([
      ".step",
      ".stp",
      ".p21",
      ".iges",
      ".igs",
      ".brep",
      ".brp",
      ".stl",
      ".obj",
      ".3mf",
      ".dxf",
    ]);
    // Issue 23: drawings of flat parts are uploaded like models.
    expect(formatFromFileName("flange.DXF")).toBe("dxf");
    expect(cadFormatsInWords).toContain("STEP (.step, .stp, .p21)");
  });

  it("names each process once, and lower-cases a name inside a sentence but not an acronym", () => {
    expect(processNames.metal_pbf).toBe("Metal powder-bed fusion");
    expect(processNameInSentence("metal_pbf")).toBe("metal powder-bed fusion");
    expect(processNameInSentence("cnc_milling")).toBe("CNC milling");
    expect(processNameInSentence("fdm")).toBe("FDM");
  });

  it("accepts whole quantities from 1 to 100,000 only", () => {
    expect([1, 100_000].map(isQuantityInRange)).toEqual([true, true]);
    expect([0, 100_001, 2.5, Number.NaN].map(isQuantityInRange)).toEqual([false, false, false, false]);
    expect(quantityLimits).toEqual({ min: 1, max: 100_000 });
  });

  it("names every finish, and shows an unknown stored finish code as words", () => {
    expect(finishName("anodized-clear")).toBe("Anodised, clear (type II)");
    expect(finishName("hard-anodized")).toBe("Hard anodized");
    for (const code of finishCodes) expect(finishNames[code]).not.toContain("-");
  });

  it("lists the tolerance options coarse to fine, then tighter, each with a name", () => {
    expect(toleranceOptions).toEqual(["coarse", "medium", "fine", "tighter"]);
    expect(toleranceNames.fine).toBe("ISO 2768-f (fine)");
  });
});
