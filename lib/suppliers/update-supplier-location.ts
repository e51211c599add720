import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { countryCodeSchema } from "../companies/account-fields";
import { refinePostalCode } from "../addresses/postal-code-refusal";
import { formatEuros } from "../money/format-euros";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";
import { optionalEurosField, optionalNumberField, optionalTextField } from "./profile-fields";
import { whenFieldsParsed } from "../forms/when-fields-parsed";

const locationSchema = z
  .object({
    countryCode: countryCodeSchema,
    region: optionalTextField(120, "Keep the region under 120 characters."),
    city: z
      .string({ error: "Enter the city you produce in." })
      .trim()
      .min(1, "Enter the city you produce in.")
      .max(120, "Keep the city under 120 characters."),
    postalCode: optionalTextField(16, "Keep the postal code under 16 characters.").transform(
      (code) => code?.toUpperCase() ?? null,
    ),
    addressLine: optionalTextField(200, "Keep the street and number under 200 characters."),
    latitude: optionalNumberField(
      "Enter the latitude in degrees from -90 to 90, e.g. 48.78, or leave it empty.",
      { min: -90, max: 90 },
    ),
    longitude: optionalNumberField(
      "Enter the longitude in degrees from -180 to 180, e.g. 9.18, or leave it empty.",
      { min: -180, max: 180 },
    ),
    // Typed in euros, parsed to cents.
    minOrderValueEuros: optionalEurosField(
      "Enter the smallest order value you take in euros, e.g. 50, or leave it empty for none.",
    ),
    maxOrderValueEuros: optionalEurosField(
      "Enter the largest order value you take in euros, e.g. 50000, or leave it empty for none.",
    ),
  })
  .superRefine(refinePostalCode, whenFieldsParsed("postalCode", "countryCode"))
  .superRefine(
    (location, ctx) => {
      if ((location.latitude === null) !== (location.longitude === null))
        ctx.addIssue({
          code: "custom",
          path: [location.latitude === null ? "latitude" : "longitude"],
          message: "Enter both latitude and longitude, or leave both empty.",
        });
    },
    whenFieldsParsed("latitude", "longitude"),
  )
  .superRefine(
    (location, ctx) => {
      if (
        location.minOrderValueEuros !== null &&
        location.maxOrderValueEuros !== null &&
        location.maxOrderValueEuros < location.minOrderValueEuros
      )
        ctx.addIssue({
          code: "custom",
          path: ["maxOrderValueEuros"],
          message: `The largest order value must be at least the smallest (${formatEuros(location.minOrderValueEuros)}).`,
        });
    },
    whenFieldsParsed("minOrderValueEuros", "maxOrderValueEuros"),
  )
  .transform(({ minOrderValueEuros, maxOrderValueEuros, ...place }) => ({
    ...place,
    minOrderValueCents: minOrderValueEuros,
    maxOrderValueCents: maxOrderValueEuros,
  }));

export type SupplierLocationInput = z.input<typeof locationSchema>;

/**
 * Where a supplier produces and which order values it takes (in euros on the form, cents stored). The
 * matcher measures distance from the coordinates, or from the country's centre when they are empty,
 * and skips lines outside the order-value range. Admins only; logged with the values before and after.
 */
export async function updateSupplierLocation(db: Database, editor: SupplierEditor, input: unknown) {
  assertSupplierAdmin(editor, "change the location and order values");
  const location = locationSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.company.findUniqueOrThrow({
      where: { id: editor.companyId },
      select: {
        countryCode: true,
        region: true,
        city: true,
        postalCode: true,
        addressLine: true,
        latitude: true,
        longitude: true,
        minOrderValueCents: true,
        maxOrderValueCents: true,
      },
    });
    const company = await tx.company.update({ where: { id: editor.companyId }, data: location });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId: editor.companyId,
      action: "supplier.location",
      entityType: "Company",
      entityId: editor.companyId,
      data: { from: before, to: location },
    });
    return company;
  });
}
