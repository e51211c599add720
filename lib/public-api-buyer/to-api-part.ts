import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { Part } from "../db/generated/client";
import type { z } from "zod";
import type { partSchema } from "./buyer-api-schemas";

/** A part as the public API shows it: the state, and of the analysis what a buyer's system uses. */
export function toApiPart(part: Part, report: AnalysisReport | null): z.infer<typeof partSchema> {
  const status = part.status === "ANALYZED" && !report ? "ANALYZING" : part.status;
  return {
    id: part.id,
    fileName: part.originalFileName,
    format: part.format,
    sizeBytes: Number(part.sizeBytes),
    status,
    createdAt: part.createdAt.toISOString(),
    ...(part.status === "FAILED"
      ? { failure: { code: part.failureCode, message: part.failureMessage } }
      : {}),
    ...(report && status === "ANALYZED"
      ? {
          analysis: {
            volumeMm3: report.volumeMm3,
            areaMm2: report.areaMm2,
            boundingBoxMm: {
              x: report.bbox.max[0] - report.bbox.min[0],
              y: report.bbox.max[1] - report.bbox.min[1],
              z: report.bbox.max[2] - report.bbox.min[2],
            },
            sourceUnit: report.sourceUnit,
            sheetMetal: report.sheetMetal?.ok === true,
            notices: report.notices.map(({ code, severity, message }) => ({ code, severity, message })),
            dfm: report.dfm.map(({ code, process, severity, message }) => ({
              code,
              process,
              severity,
              message,
            })),
          },
        }
      : {}),
  };
}
