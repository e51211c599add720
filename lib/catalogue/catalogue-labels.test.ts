import { describe, expect, it } from "vitest";
import { finishCodes } from "../../quoting-engine/catalogue/catalogue";
import { ManufacturingProcess, ToleranceClass } from "../db/generated/enums";
import { finishLabel, processLabel, processOptions, toleranceLabel } from "./catalogue-labels";
import { catalogueCodeIn } from "./catalogue-code-in";

describe("the names users see for stored catalogue values", () => {
  it("are never a code, of either vocabulary", () => {
    const labels = [
      ...Object.values(ManufacturingProcess).map(processLabel),
      ...Object.values(ToleranceClass).map(toleranceLabel),
      ...finishCodes.map(finishLabel),
      ...processOptions.map((option) => option.label),
    ];
    for (const label of labels) expect(catalogueCodeIn(label), label).toBeUndefined();
    expect(processLabel("METAL_PBF")).toBe("Metal powder-bed fusion");
    expect(toleranceLabel("TIGHTER_ON_REQUEST")).toBe("Tighter than ISO 2768-f (quoted by an engineer)");
    expect(finishLabel("anodized-clear")).toBe("Anodised, clear (type II)");
  });

  it("offer every process in a form, valued in the database's spelling", () => {
    expect(processOptions.map((option) => option.value)).toEqual(Object.values(ManufacturingProcess));
  });

  it("find a code that slipped into a text", () => {
    expect(catalogueCodeIn("Bracket · anodized-clear · 10 pcs")).toBe("anodized-clear");
    expect(catalogueCodeIn("CNC_MILLING in AL-6061-T6")).toBe("CNC_MILLING");
    expect(catalogueCodeIn("ISO2768_FINE")).toBe("ISO2768_FINE");
    expect(catalogueCodeIn("cnc_milling")).toBe("cnc_milling");
    expect(catalogueCodeIn("CNC milling · As machined (Ra 3.2 µm) · ISO 2768-m (medium)")).toBeUndefined();
  });
});
