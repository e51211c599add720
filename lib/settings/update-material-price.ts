import { z } from "zod";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatEuros } from "../money/format-euros";
import { confirmLargeChangeInput, euroCentsInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const materialPriceSchema = z.object({
  materialCode: z.string().min(1),
  priceEurosPerKg: euroCentsInput("the price per kg", 10_000),
  /** A ticked box sends "on"; an unticked one sends nothing. */
  active: z
    .union([z.boolean(), z.literal("on")])
    .optional()
    .transform((value) => value === true || value === "on"),
  reason: reasonInput,
  confirmLargeChange: confirmLargeChangeInput,
});

/**
 * Changes a material's price per kg and whether it is offered, as a new pricing settings version
 * (the Material table follows). An inactive material is not quoted; orders placed with it stand. A price
 * moved by more than ×3 or ÷3 is saved only once confirmed (large-price-moves.ts).
 */
export async function updateMaterialPrice(db: Database, actor: { userId: string }, input: unknown) {
  const {
    materialCode,
    priceEurosPerKg: priceCentsPerKg,
    active,
    reason,
    confirmLargeChange,
  } = materialPriceSchema.parse(input);
  return savePricingVersion(
    db,
    actor,
    reason,
    ({ document, materials }) => {
      const material = materials.find((candidate) => candidate.code === materialCode);
      const before = document.materialPrices[materialCode];
      if (!material || !before) throw new AppError("not_found", `There is no material ${materialCode}.`);
      const changes = [
        before.priceCentsPerKg !== priceCentsPerKg &&
          `${formatEuros(before.priceCentsPerKg)}/kg → ${formatEuros(priceCentsPerKg)}/kg`,
        before.active !== active && (active ? "offered again" : "no longer offered"),
      ].filter(Boolean);
      return {
        summary: `Material ${material.name}: ${changes.join(", ")}`,
        document: {
          ...document,
          materialPrices: { ...document.materialPrices, [materialCode]: { priceCentsPerKg, active } },
        },
        moves: [
          {
            what: `Price of ${material.name} per kg`,
            before: before.priceCentsPerKg,
            after: priceCentsPerKg,
            show: formatEuros,
            quotes: { materialId: material.id },
          },
        ],
      };
    },
    { confirmedLargeChange: confirmLargeChange },
  );
}
