import "server-only";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { isoDateOf } from "../db/iso-date-of";
import { engineProcessOf, engineToleranceOf } from "../db/catalogue-codes";
import { placeOrder } from "../orders/place-order";
import { afterCursorWhere, decodeCursor, pageOf, pageOrderBy } from "../public-api/paginate";
import type { PublicApiContext } from "../public-api/public-api-route";
import { saveQuote } from "../quotes/save-quote";
import type {
  createQuoteOperation,
  getOrderOperation,
  listOrdersOperation,
  placeOrderOperation,
} from "./buyer-operations";
import { apiOrderInclude, toApiOrder, toApiOrderSummary } from "./to-api-order";

/** The user a key acts as where the domain needs one: its creator, while still on the company's team. */
async function keyUser(key: { companyId: string; createdByUserId: string }) {
  const user = await getPrisma().user.findFirst({
    where: { id: key.createdByUserId, companyId: key.companyId, disabledAt: null },
    select: { id: true, role: true, email: true },
  });
  if (!user)
    throw new AppError(
      "forbidden",
      "The person who created this API key is no longer on your team: an admin creates a new key on the team page.",
    );
  return user;
}

/** createQuote: prices the part again on the server and stores the quote (lib/quotes/save-quote.ts). */
export async function createQuoteViaApi({ key, body }: PublicApiContext<typeof createQuoteOperation>) {
  const user = await keyUser(key);
  const { partId, ...options } = body;
  const quote = await saveQuote(getPrisma(), { companyId: key.companyId, userId: user.id }, partId, options);
  const material = await getPrisma().material.findUniqueOrThrow({
    where: { id: quote.materialId },
    select: { code: true },
  });
  return {
    status: 201,
    body: {
      quote: {
        id: quote.id,
        partId: quote.partId,
        status: quote.status,
        process: engineProcessOf(quote.process),
        materialCode: material.code,
        finishCode: quote.finish,
        tolerance: engineToleranceOf(quote.toleranceClass),
        quantity: quote.quantity,
        currency: quote.currency,
        unitPriceCents: quote.unitPriceCents,
        totalPriceCents: quote.totalPriceCents,
        smallOrderSurchargeCents: quote.smallOrderSurchargeCents,
        deliveryDate: isoDateOf(quote.deliveryDate),
        validUntil: quote.validUntil.toISOString(),
        createdAt: quote.createdAt.toISOString(),
      },
    },
  };
}

/** placeOrder: the quotes as one order, through checkout's own placeOrder (same rules, same e-mails). */
export async function placeOrderViaApi({ key, body }: PublicApiContext<typeof placeOrderOperation>) {
  const user = await keyUser(key);
  const db = getPrisma();
  const { quoteIds, ...checkout } = body;
  const placed = await placeOrder(
    db,
    { userId: user.id, companyId: key.companyId, role: user.role, email: user.email },
    // Checkout's form sends an empty VAT ID field; the API may leave it out.
    { ...checkout, vatNumber: checkout.vatNumber ?? "" },
    new Date(),
    { quoteIds },
  );
  const order = await db.order.findUniqueOrThrow({ where: { id: placed.id }, include: apiOrderInclude });
  return { status: 201, body: { order: toApiOrder(order) } };
}

/** listOrders: the company's orders, newest first, a page at a time. */
export async function listOrdersViaApi({ key, query }: PublicApiContext<typeof listOrdersOperation>) {
  const rows = await getPrisma().order.findMany({
    where: { buyerCompanyId: key.companyId, ...afterCursorWhere(decodeCursor(query.cursor)) },
    orderBy: pageOrderBy,
    take: query.limit + 1,
    include: apiOrderInclude,
  });
  return { status: 200, body: pageOf(rows, query.limit, toApiOrderSummary) };
}

/** getOrder: one of the company's orders. */
export async function getOrderViaApi({ key, params }: PublicApiContext<typeof getOrderOperation>) {
  const order = await getPrisma().order.findFirst({
    where: { id: params.orderId, buyerCompanyId: key.companyId },
    include: apiOrderInclude,
  });
  if (!order) throw new AppError("not_found", "There is no such order in your company.");
  return { status: 200, body: { order: toApiOrder(order) } };
}
