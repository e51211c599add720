import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-limited-body";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { countryCodeSchema } from "@/lib/companies/account-fields";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { previewCheckoutTotals } from "@/lib/vat/preview-checkout-totals";

const totalsBody = z.object({
  shippingCountryCode: countryCodeSchema,
  vatNumber: z.string().max(200).default(""),
});

/**
 * Checkout's net, VAT and gross for the chosen shipping country and VAT ID (the summary beside the
 * form asks whenever either changes): `{ netCents, vatPercent, vatCents, grossCents, treatment, label,
 * reason, vatId }`, or 422 with the VAT ID's refusal (details.field "vatNumber").
 */
export const POST = apiRoute(async ({ request }) => {
  const user = await requireApiPermission("order.place");
  const parsed = totalsBody.safeParse(await readJsonBody(request));
  if (!parsed.success)
    throw new AppError(
      "validation_failed",
      "Send the shipping country (shippingCountryCode) and the VAT ID.",
    );
  const totals = await previewCheckoutTotals(
    getPrisma(),
    { userId: user.id, companyId: user.companyId },
    parsed.data,
  );
  return Response.json(totals, { headers: { "cache-control": "no-store" } });
});
