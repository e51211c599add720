import { sheetMetalAnalysisSchema } from "./sheet-metal-analysis-schema";

/**
 * The analysis report's sheet-metal block as stored (i23-engine's schema, lib/parts/sheet-metal-analysis-schema.ts),
 * for readers outside the stored report: the matcher's sheet check and the partner's flat-pattern download.
 */
export const storedSheetMetalSchema = sheetMetalAnalysisSchema;
