import type { ManufacturingProcess } from "../db/generated/enums";

export const processLabels: Record<ManufacturingProcess, string> = {
  CNC_MILLING: "CNC milling",
  CNC_TURNING: "CNC turning",
  FDM: "FDM",
  SLA: "SLA",
  SLS: "SLS",
  MJF: "MJF",
  METAL_PBF: "Metal powder-bed fusion",
};
