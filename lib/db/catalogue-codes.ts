import {
  cadFormats,
  manufacturingProcesses,
  toleranceOptions,
  type CadFormat as EngineFormat,
  type ManufacturingProcess as EngineProcess,
  type ToleranceOption,
} from "../../quoting-engine/catalogue/catalogue";
import type {
  CadFormat as DbFormat,
  ManufacturingProcess as DbProcess,
  ToleranceClass as DbTolerance,
} from "./generated/enums";

/*
 * The one place where the catalogue's codes (quoting-engine/catalogue) meet the database's enum
 * spellings (docs/decisions/0016). Each table is total in both directions: the compiler checks every
 * engine code has a database value, and `catalogue-codes.test.ts` checks every database value has
 * exactly one engine code. Nowhere else converts between the two, and nothing casts.
 */

const dbProcesses: Record<EngineProcess, DbProcess> = {
  cnc_milling: "CNC_MILLING",
  cnc_turning: "CNC_TURNING",
  fdm: "FDM",
  sla: "SLA",
  sls: "SLS",
  mjf: "MJF",
  metal_pbf: "METAL_PBF",
  sheet_metal: "SHEET_METAL",
  laser_cutting: "LASER_CUTTING",
};

const dbTolerances: Record<ToleranceOption, DbTolerance> = {
  coarse: "ISO2768_COARSE",
  medium: "ISO2768_MEDIUM",
  fine: "ISO2768_FINE",
  tighter: "TIGHTER_ON_REQUEST",
};

const dbFormats: Record<EngineFormat, DbFormat> = {
  step: "STEP",
  iges: "IGES",
  brep: "BREP",
  stl: "STL",
  obj: "OBJ",
  "3mf": "THREE_MF",
  dxf: "DXF",
};

export const dbProcessOf = (process: EngineProcess): DbProcess => dbProcesses[process];

export const engineProcessOf = (process: DbProcess): EngineProcess =>
  manufacturingProcesses.find((candidate) => dbProcesses[candidate] === process)!;

export const dbToleranceOf = (tolerance: ToleranceOption): DbTolerance => dbTolerances[tolerance];

export const engineToleranceOf = (tolerance: DbTolerance): ToleranceOption =>
  toleranceOptions.find((candidate) => dbTolerances[candidate] === tolerance)!;

export const dbFormatOf = (format: EngineFormat): DbFormat => dbFormats[format];

export const engineFormatOf = (format: DbFormat): EngineFormat =>
  cadFormats.find((candidate) => dbFormats[candidate] === format)!;
