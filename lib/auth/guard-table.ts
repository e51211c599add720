import type { Permission } from "./permissions";

/**
 * Which permission (lib/auth/permissions.ts) guards each page, route handler and server action. The code
 * enforces it where the page, handler or action starts (requirePermission, requireApiPermission,
 * formAction and plainFormAction in lib/forms); tests/security/permissions.spec.ts calls every entry as every role, and fails when a
 * page or route file on disk, or an action in the build, is missing here.
 */

/** Page paths as in app/ (route groups left out), each the permission its page checks first. */
export const pageGuards = {
  "/": "public",
  "/sign-in": "public",
  "/sign-up": "public",
  // The sign-up e-mail's link: opening it changes nothing, its button finishes the sign-up.
  "/sign-up/confirm/[token]": "public",
  "/partners/apply": "public",
  // Issue 18, account basics. The e-mailed links' pages change nothing; their forms do.
  "/forgot-password": "public",
  "/reset-password/[token]": "public",
  "/verify-email/[token]": "public",
  "/terms": "public",
  "/privacy": "public",
  "/imprint": "public",
  "/invitations/[token]": "public",
  "/parts/[partId]": "public",
  "/after-sign-in": "account.signedIn",
  "/account": "account.signedIn",
  "/cart": "shop.view",
  // Issue 18: a quote of the company as a document; the share link opens one quote to anyone holding it
  // (its token is the check, and an expired or wrong one shows nothing of the quote).
  "/quotes/[quoteId]": "shop.view",
  "/shared-quotes/[token]": "public",
  // Shown to engineers too: it tells them a purchaser or admin places the order.
  "/checkout": "shop.view",
  "/orders": "shop.view",
  "/orders/[orderId]": "shop.view",
  // Everyone in the company sees the team; only admins change it.
  "/team": "shop.view",
  // Operations in production (the e-mails hold invitation links); anyone with `npm run dev`.
  "/dev/outbox": "ops.console",
  "/supplier": "supplier.portal",
  "/supplier/capacity": "supplier.portal",
  "/supplier/jobs": "supplier.portal",
  "/supplier/jobs/[orderLineId]": "supplier.portal",
  "/supplier/offers/[offerId]": "supplier.portal",
  // Staff see the profile read-only; admins change it.
  "/supplier/profile": "supplier.portal",
  "/supplier/scorecard": "supplier.portal",
  "/supplier/payouts": "supplier.payouts.view",
  // Issue 21 (decision 0041): the whole team sees who is on it; only the admin changes it.
  "/supplier/team": "supplier.portal",
  "/ops": "ops.console",
  "/ops/exceptions": "ops.console",
  // Issue 24 (i24-exports): DATEV, SEPA and orders downloads; the financial ones check ops.payments.manage.
  "/ops/exports": "ops.console",
  "/ops/invoice-terms": "ops.console",
  "/ops/invoice-terms/[companyId]": "ops.console",
  "/ops/legal": "ops.console",
  "/ops/matching": "ops.console",
  // Walk 10 (decision 0127): a buyer on the phone names an order; operations find it here.
  "/ops/orders": "ops.console",
  "/ops/orders/[orderId]": "ops.console",
  "/ops/payments": "ops.console",
  "/ops/payments/bank-statements": "ops.console",
  "/ops/quality": "ops.console",
  "/ops/quality/[companyId]": "ops.console",
  "/ops/quotes": "ops.console",
  "/ops/quotes/[requestId]": "ops.console",
  "/ops/settings": "ops.console",
  "/ops/storage": "ops.console",
  "/ops/suppliers": "ops.console",
  "/ops/suppliers/[companyId]": "ops.console",
  "/ops/team": "ops.console",
  // Issue 24 (decision 0059): the public API's reference, like its OpenAPI document.
  "/api-reference": "public",
} as const satisfies Record<string, Permission>;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Route handler paths as in app/, each method it exports and the permission that method checks first. */
export const routeGuards = {
  // next-auth's own endpoints (sign-in, sign-out, session), protected by its CSRF token.
  "/api/auth/[...nextauth]": { GET: "public", POST: "public" },
  "/api/v1/health": { GET: "public" },
  // Which part is down (database, job workers, storage), for process managers (docs/decisions/0046).
  "/api/health": { GET: "public" },
  "/api/v1/me": { GET: "account.signedIn" },
  // A visitor's parts are found by the visitor cookie, a buyer's by the company.
  "/api/v1/parts": { POST: "public" },
  "/api/v1/parts/changes": { POST: "public" },
  "/api/v1/parts/[partId]": { GET: "public" },
  "/api/v1/parts/[partId]/display-mesh": { GET: "public" },
  "/api/v1/parts/[partId]/quote": { POST: "public" },
  "/api/v1/visitor-session": { POST: "public" },
  // Stripe's signature is the check.
  "/api/webhooks/stripe": { POST: "public" },
  // Issue 19 (i19-connect): partners' account events, on Stripe's Connect endpoint with its own secret.
  "/api/webhooks/stripe-connect": { POST: "public" },
  // Checkout's net, VAT and gross for a shipping country and VAT ID (asks VIES like placing the order).
  "/api/v1/checkout/totals": { POST: "order.place" },
  "/api/v1/orders/[orderId]/documents/[document]": { GET: "shop.view" },
  "/api/v1/quotes/[quoteId]/pdf": { GET: "shop.view" },
  // The share link's token is the check (see /shared-quotes/[token]).
  "/api/v1/shared-quotes/[token]/pdf": { GET: "public" },
  "/api/v1/orders/[orderId]/credit-notes/[invoiceId]": { GET: "order.documents.view" },
  "/api/v1/orders/[orderId]/quality-documents/[documentId]": { GET: "order.documents.view" },
  "/api/v1/supplier/certificates/[certificateId]/file": { GET: "supplier.certificates.view" },
  "/api/v1/supplier/invoices/[invoiceId]/pdf": { GET: "supplier.invoices.view" },
  "/api/v1/supplier/jobs/[orderLineId]/files/[file]": { GET: "supplier.cad.download" },
  "/api/v1/supplier/jobs/[orderLineId]/quality-documents/[documentId]": { GET: "supplier.portal" },
  "/api/v1/supplier/offers/[offerId]/display-mesh": { GET: "supplier.portal" },
  "/api/v1/ops/audit-evidence/[evidenceId]": { GET: "ops.console" },
  "/api/v1/ops/manual-quotes/[requestId]/[file]": { GET: "ops.console" },
  "/api/v1/ops/suppliers": { GET: "ops.console" },
  // Issue 21 (i21-talk): a complaint's photos for operations, the complaining buyer's company and the
  // line's partner; openComplaintPhoto checks which, and answers "not found" to anyone else.
  "/api/v1/complaints/[complaintId]/photos/[photo]": { GET: "account.signedIn" },
  // Issue 24 (decision 0059): the public API. Its document is public; its operations take an API key
  // (api.key: 401 without one). POST /api/v1/parts, GET /api/v1/parts/[partId] and the order documents
  // above serve the public API too when a request carries a key, and the session as before otherwise.
  "/api/v1/openapi.json": { GET: "public" },
  "/api/v1/parts/[partId]/prices": { GET: "api.key" },
  "/api/v1/quotes": { POST: "api.key" },
  "/api/v1/orders": { GET: "api.key", POST: "api.key" },
  "/api/v1/orders/[orderId]": { GET: "api.key" },
  // Issue 24 (i24-partner, decision 0060): the partner operations of the public API, by API key only.
  "/api/v1/offers": { GET: "api.key" },
  "/api/v1/offers/[offerId]": { GET: "api.key" },
  "/api/v1/offers/[offerId]/accept": { POST: "api.key" },
  "/api/v1/offers/[offerId]/reject": { POST: "api.key" },
  "/api/v1/offers/[offerId]/counteroffer": { POST: "api.key" },
  "/api/v1/jobs": { GET: "api.key" },
  "/api/v1/jobs/[jobId]": { GET: "api.key" },
  "/api/v1/jobs/[jobId]/status": { POST: "api.key" },
  "/api/v1/jobs/[jobId]/shipments": { POST: "api.key" },
  "/api/v1/jobs/[jobId]/quality-documents": { POST: "api.key" },
  "/api/v1/payouts": { GET: "api.key" },
  // Issue 24 (i24-exports, decision 0062): calendar apps cannot sign in; the feed's secret token is the
  // check, and an unknown, revoked or replaced one is "not found".
  "/api/v1/calendar-feeds/[token]": { GET: "public" },
  "/api/v1/exports/orders": { GET: "shop.view" },
  "/api/v1/supplier/exports/jobs": { GET: "supplier.portal" },
  "/api/v1/ops/exports/orders": { GET: "ops.console" },
  "/api/v1/ops/exports/datev": { GET: "ops.payments.manage" },
  "/api/v1/ops/exports/sepa-payouts": { GET: "ops.payments.manage" },
} as const satisfies Record<string, Partial<Record<Method, Permission>>>;

/** Server actions as `<file>#<export>` (the build's server-reference-manifest names them so). */
export const actionGuards = {
  "app/(auth)/actions.ts#signInAction": "public",
  "app/(auth)/actions.ts#signOutAction": "public",
  "app/(auth)/actions.ts#signUpAction": "public",
  "app/(auth)/actions.ts#applyAsSupplierAction": "public",
  "app/(auth)/actions.ts#confirmSignUpAction": "public",
  // Answers the same for every address; rate limited per client address (lib/account/).
  "app/(auth)/account-link-actions.ts#requestPasswordResetAction": "public",
  "app/(auth)/account-link-actions.ts#resetPasswordAction": "public",
  "app/(auth)/account-link-actions.ts#verifyEmailAction": "public",
  "app/account/security-actions.ts#changePasswordAction": "account.signedIn",
  "app/account/security-actions.ts#sendVerificationLinkAction": "account.signedIn",
  "app/invitations/[token]/actions.ts#acceptInvitationAction": "public",
  // A visitor asks for a manual quote with an e-mail address; a buyer's request is the company's.
  "app/parts/[partId]/actions.ts#requestManualQuoteAction": "public",
  "app/parts/[partId]/actions.ts#addToCartAction": "cart.edit",
  "app/parts/[partId]/actions.ts#addManualQuoteToCartAction": "cart.edit",
  "app/cart/actions.ts#removeCartItemAction": "cart.edit",
  "app/parts/[partId]/actions.ts#saveQuoteDocumentAction": "cart.edit",
  // Issue 20: the unit of an STL or OBJ part; its owner only (the visitor's browser or the company),
  // checked by findViewablePart like the part page itself.
  "app/parts/[partId]/actions.ts#switchPartUnitAction": "public",
  "app/parts/[partId]/actions.ts#chooseSheetThicknessAction": "public",
  "app/quotes/[quoteId]/actions.ts#createShareLinkAction": "cart.edit",
  "app/account/address-book-actions.ts#saveAddressAction": "order.place",
  "app/account/address-book-actions.ts#deleteAddressAction": "order.place",
  "app/orders/[orderId]/actions.ts#orderAgainAction": "cart.edit",
  "app/checkout/actions.ts#placeOrderAction": "order.place",
  "app/orders/[orderId]/actions.ts#payByCardAction": "order.pay",
  "app/orders/[orderId]/actions.ts#cancelOrderAction": "order.cancel",
  "app/orders/[orderId]/actions.ts#confirmDeliveryAction": "order.confirmDelivery",
  "app/orders/[orderId]/actions.ts#confirmNoComplaintAction": "order.confirmDelivery",
  "app/orders/[orderId]/actions.ts#complainAction": "order.complain",
  "app/orders/[orderId]/actions.ts#rateLineAction": "order.rate",
  "app/orders/[orderId]/actions.ts#decideApprovalAction": "order.approve",
  // Issue 21: the buyer accepts or declines a partner's later delivery date (docs/decisions/0039).
  "app/orders/[orderId]/counteroffer-actions.ts#decideCounterofferAction": "order.place",
  "app/orders/[orderId]/counteroffer-actions.ts#payCounterofferDifferenceAction": "order.place",
  "app/account/invoice-terms-actions.ts#applyForInvoiceTermsAction": "company.invoiceTerms.apply",
  "app/team/actions.ts#inviteAction": "team.manage",
  "app/team/actions.ts#approvalLimitAction": "team.manage",
  "app/team/actions.ts#changeMemberRoleAction": "team.manage",
  "app/team/actions.ts#removeMemberAction": "team.manage",
  "app/team/actions.ts#withdrawInvitationAction": "team.manage",
  "app/supplier/team/actions.ts#inviteAction": "supplier.team.manage",
  "app/supplier/team/actions.ts#changeMemberRoleAction": "supplier.team.manage",
  "app/supplier/team/actions.ts#removeMemberAction": "supplier.team.manage",
  "app/supplier/team/actions.ts#withdrawInvitationAction": "supplier.team.manage",
  // Issue 24 (decision 0061): the webhook card of both team pages.
  "app/team/webhook-actions.ts#createWebhookEndpointAction": "webhooks.manage",
  "app/team/webhook-actions.ts#revokeWebhookEndpointAction": "webhooks.manage",
  "app/team/webhook-actions.ts#replayWebhookDeliveryAction": "webhooks.manage",
  "app/supplier/actions.ts#acceptOfferAction": "supplier.offers.respond",
  "app/supplier/actions.ts#rejectOfferAction": "supplier.offers.respond",
  "app/supplier/offers/[offerId]/counteroffer-actions.ts#counterofferAction": "supplier.offers.respond",
  "app/supplier/actions.ts#updateJobStatusAction": "supplier.jobs.update",
  "app/supplier/jobs/[orderLineId]/quality-actions.ts#uploadQualityDocumentAction": "supplier.jobs.update",
  "app/supplier/jobs/[orderLineId]/quality-actions.ts#recordShipmentAction": "supplier.jobs.update",
  "app/supplier/payouts/actions.ts#connectStripeAction": "supplier.payouts.edit",
  "app/supplier/payouts/actions.ts#saveBankDetailsAction": "supplier.payouts.edit",
  "app/supplier/profile/actions.ts#saveLocationAction": "supplier.profile.edit",
  "app/supplier/profile/tax-details-actions.ts#saveTaxDetailsAction": "supplier.taxDetails.edit",
  "app/supplier/profile/actions.ts#saveProcessesAction": "supplier.profile.edit",
  "app/supplier/profile/actions.ts#saveMaterialsAction": "supplier.profile.edit",
  "app/supplier/profile/actions.ts#addMachineAction": "supplier.profile.edit",
  "app/supplier/profile/actions.ts#removeMachineAction": "supplier.profile.edit",
  "app/supplier/profile/sheet-machine-actions.ts#addSheetMachineAction": "supplier.profile.edit",
  "app/supplier/profile/sheet-machine-actions.ts#removeSheetMachineAction": "supplier.profile.edit",
  "app/supplier/profile/actions.ts#addCertificateAction": "supplier.profile.edit",
  "app/supplier/profile/actions.ts#removeCertificateAction": "supplier.profile.edit",
  "app/supplier/profile/actions.ts#blockDaysAction": "supplier.capacity.edit",
  "app/supplier/profile/actions.ts#unblockDayAction": "supplier.capacity.edit",
  "app/ops/orders/[orderId]/actions.ts#decideComplaintAction": "ops.orders.manage",
  "app/ops/exceptions/actions.ts#saveExceptionFollowUpAction": "ops.orders.manage",
  "app/ops/orders/[orderId]/actions.ts#refundAction": "ops.orders.manage",
  "app/ops/orders/[orderId]/actions.ts#cancelOrderAction": "ops.orders.manage",
  "app/ops/orders/[orderId]/actions.ts#reofferAction": "ops.orders.manage",
  "app/ops/orders/[orderId]/actions.ts#recordRemakeAction": "ops.orders.manage",
  "app/ops/payments/actions.ts#runLedgerCheckAction": "ops.payments.manage",
  "app/ops/payments/actions.ts#markInvoicePaidAction": "ops.payments.manage",
  "app/ops/payments/actions.ts#retryPayoutAction": "ops.payments.manage",
  "app/ops/payments/actions.ts#markPayoutTransferredAction": "ops.payments.manage",
  "app/ops/payments/refund-actions.ts#retryRefundAction": "ops.payments.manage",
  "app/ops/payments/refund-actions.ts#recordBankRefundAction": "ops.payments.manage",
  "app/ops/payments/bank-statements/actions.ts#uploadBankStatementAction": "ops.payments.manage",
  "app/ops/payments/bank-statements/actions.ts#assignBankEntryAction": "ops.payments.manage",
  "app/ops/payments/bank-statements/actions.ts#settleBankCreditAction": "ops.payments.manage",
  "app/ops/invoice-terms/[companyId]/actions.ts#approveInvoiceTermsAction": "ops.payments.manage",
  "app/ops/invoice-terms/[companyId]/actions.ts#declineInvoiceTermsAction": "ops.payments.manage",
  "app/ops/invoice-terms/[companyId]/actions.ts#changeInvoiceTermsAction": "ops.payments.manage",
  "app/ops/invoice-terms/[companyId]/actions.ts#withdrawInvoiceTermsAction": "ops.payments.manage",
  "app/ops/quotes/[requestId]/actions.ts#answerManualQuoteAction": "ops.quotes.answer",
  "app/ops/quotes/[requestId]/actions.ts#declineManualQuoteAction": "ops.quotes.answer",
  "app/ops/settings/actions.ts#updateMaterialPriceAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updateMachineRateAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#setMarginAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#removeMarginAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updateMatchingSettingsAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#addClosureDayAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#removeClosureDayAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updateInvoiceTermsAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updatePrepaymentTermsAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updateVatCheckSettingsAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updatePayoutRetrySettingsAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updateComplaintWindowAction": "ops.settings.edit",
  "app/ops/settings/actions.ts#updateOrderRulesAction": "ops.settings.edit",
  "app/ops/settings/sheet-metal-settings-action.ts#updateSheetMetalSettingsAction": "ops.settings.edit",
  "app/ops/legal/actions.ts#publishLegalDocumentAction": "ops.settings.edit",
  "app/ops/suppliers/[companyId]/actions.ts#saveChecklistAction": "ops.suppliers.audit",
  "app/ops/suppliers/[companyId]/actions.ts#addEvidenceAction": "ops.suppliers.audit",
  "app/ops/suppliers/[companyId]/actions.ts#decideAuditAction": "ops.suppliers.audit",
  "app/ops/suppliers/[companyId]/actions.ts#openAuditAction": "ops.suppliers.audit",
  "app/ops/suppliers/[companyId]/actions.ts#suspendSupplierAction": "ops.suppliers.audit",
  "app/ops/suppliers/[companyId]/actions.ts#reinstateSupplierAction": "ops.suppliers.audit",
  "app/ops/suppliers/[companyId]/probation-actions.ts#liftProbationAction": "ops.suppliers.audit",
  "app/ops/team/actions.ts#createOperationsUserAction": "ops.team.manage",
  "app/ops/team/actions.ts#removeOperationsUserAction": "ops.team.manage",
  // Issue 21 (i21-talk): complaint answers and messages per job (docs/decisions/0042).
  "app/supplier/jobs/[orderLineId]/talk-actions.ts#answerComplaintAction": "supplier.jobs.update",
  "app/supplier/jobs/[orderLineId]/talk-actions.ts#postSupplierMessageAction": "supplier.jobs.update",
  "app/ops/orders/[orderId]/message-actions.ts#postOpsSupplierMessageAction": "ops.orders.manage",
  "app/ops/orders/[orderId]/message-actions.ts#postOpsBuyerMessageAction": "ops.orders.manage",
  "app/orders/[orderId]/message-actions.ts#postBuyerMessageAction": "shop.view",
  // Issue 24 (decision 0059): API keys on the team pages, created and revoked by the admin.
  "app/team/api-key-actions.ts#createApiKeyAction": "team.manage",
  "app/team/api-key-actions.ts#revokeApiKeyAction": "team.manage",
  "app/supplier/team/api-key-actions.ts#createApiKeyAction": "supplier.team.manage",
  "app/supplier/team/api-key-actions.ts#revokeApiKeyAction": "supplier.team.manage",
  // Issue 24 (i24-exports): a buyer's or partner's own calendar feed address (operations have none).
  "app/_components/team/calendar-feed-actions.ts#createCalendarFeedAction": "account.signedIn",
  "app/_components/team/calendar-feed-actions.ts#revokeCalendarFeedAction": "account.signedIn",
} as const satisfies Record<string, Permission>;
