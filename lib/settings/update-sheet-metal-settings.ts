import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { sheetMetalPricingSchema } from "../pricing/sheet-metal-settings-schema";
import { confirmLargeChangeInput, reasonInput } from "./settings-input-fields";
import type { PriceMove } from "./large-price-moves";
import { savePricingVersion } from "./save-pricing-version";

const sheetMetalInput = z.object({
  sheetMetalJson: z.string(),
  reason: reasonInput,
  confirmLargeChange: confirmLargeChangeInput,
});

const sheetQuotes: Prisma.QuoteWhereInput = { process: { in: ["SHEET_METAL", "LASER_CUTTING"] } };

/** Every number of the block that changed, by its path as the JSON writes it ("cutSpeeds[3].mmPerMinute"). */
function numberMoves(before: unknown, after: unknown, path: string): PriceMove[] {
  if (typeof before === "number" && typeof after === "number")
    return before === after
      ? []
      : [{ what: `Sheet-metal ${path}`, before, after, show: String, quotes: sheetQuotes }];
  if (typeof before !== "object" || before === null || typeof after !== "object" || after === null) return [];
  return Object.entries(after).flatMap(([key, value]) =>
    numberMoves(
      (before as Record<string, unknown>)[key],
      value,
      Array.isArray(after) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
    ),
  );
}

/**
 * Changes the sheet-metal pricing (stock thicknesses, sheet formats, nesting, the laser's speed table,
 * press-brake times, deburring, K-factors, tensile strengths) as a new pricing settings version. The
 * block is edited as one JSON document: its tables have rows by material group and thickness, which a
 * field per number would spread over a hundred inputs; the schema checks every value. A number moved
 * by more than ×3 or ÷3 is saved only once confirmed (large-price-moves.ts).
 */
export async function updateSheetMetalSettings(db: Database, actor: { userId: string }, input: unknown) {
  const { sheetMetalJson, reason, confirmLargeChange } = sheetMetalInput.parse(input);
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
  return savePricingVersion(
    db,
    actor,
    reason,
    ({ document }) => ({
      summary:
        JSON.stringify(document.sheetMetal) === JSON.stringify(parsed.data)
          ? "Sheet-metal settings unchanged"
          : "Sheet-metal settings changed",
      document: { ...document, sheetMetal: parsed.data },
      moves: numberMoves(document.sheetMetal, parsed.data, ""),
    }),
    { confirmedLargeChange: confirmLargeChange },
  );
}
