import { z } from "zod";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { sheetMetalPricingSchema } from "../pricing/sheet-metal-settings-schema";
import { reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const sheetMetalInput = z.object({ sheetMetalJson: z.string(), reason: reasonInput });

/**
 * Changes the sheet-metal pricing (stock thicknesses, sheet formats, nesting, the laser's speed table,
 * press-brake times, deburring, K-factors, tensile strengths) as a new pricing settings version. The
 * block is edited as one JSON document: its tables have rows by material group and thickness, which a
 * field per number would spread over a hundred inputs; the schema checks every value.
 */
export async function updateSheetMetalSettings(db: Database, actor: { userId: string }, input: unknown) {
  const { sheetMetalJson, reason } = sheetMetalInput.parse(input);
  let json: unknown;
  try {
    json = JSON.parse(sheetMetalJson);
  } catch (error) {
    throw new AppError(
      "validation_failed",
      `The sheet-metal settings are not valid JSON: ${(error as Error).message}.`,
      {
        field: "sheetMetalJson",
      },
    );
  }
  const parsed = sheetMetalPricingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      "validation_failed",
      `Sheet-metal settings, ${issue.path.join(".") || "the document"}: ${issue.message}`,
      { field: "sheetMetalJson" },
    );
  }
  return savePricingVersion(db, actor, reason, ({ document }) => ({
    summary:
      JSON.stringify(document.sheetMetal) === JSON.stringify(parsed.data)
        ? "Sheet-metal settings unchanged"
        : "Sheet-metal settings changed",
    document: { ...document, sheetMetal: parsed.data },
  }));
}
