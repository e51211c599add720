-- Initial data model (v1). Drafted with `npm run db:draft-migration`, then reviewed by hand.
-- CHECK constraints at the end guard invariants that schema.prisma cannot express.

CREATE TYPE "CompanyKind" AS ENUM ('BUYER', 'SUPPLIER', 'PLATFORM');

CREATE TYPE "CompanyStatus" AS ENUM ('ACTIVE', 'PENDING_AUDIT', 'SUSPENDED', 'REJECTED');

CREATE TYPE "UserRole" AS ENUM ('BUYER_ADMIN', 'BUYER_PURCHASER', 'BUYER_ENGINEER', 'SUPPLIER_ADMIN', 'SUPPLIER_MEMBER', 'OPERATIONS');

CREATE TYPE "ManufacturingProcess" AS ENUM ('CNC_MILLING', 'CNC_TURNING', 'FDM', 'SLA', 'SLS', 'MJF', 'METAL_PBF');

CREATE TYPE "CadFormat" AS ENUM ('STEP', 'IGES', 'BREP', 'STL', 'OBJ', 'THREE_MF');

CREATE TYPE "PartStatus" AS ENUM ('UPLOADED', 'ANALYZING', 'ANALYZED', 'FAILED');

CREATE TYPE "QuoteStatus" AS ENUM ('ACTIVE', 'ORDERED', 'EXPIRED', 'SUPERSEDED');

CREATE TYPE "ToleranceClass" AS ENUM ('ISO2768_FINE', 'ISO2768_MEDIUM', 'ISO2768_COARSE', 'TIGHTER_ON_REQUEST');

CREATE TYPE "ManualQuoteStatus" AS ENUM ('OPEN', 'ANSWERED', 'DECLINED');

CREATE TYPE "OrderStatus" AS ENUM ('AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

CREATE TYPE "OrderLineStatus" AS ENUM ('AWAITING_MATCH', 'OFFERED', 'UNMATCHED', 'ACCEPTED', 'IN_PRODUCTION', 'QUALITY_CHECK', 'SHIPPED', 'DELIVERED', 'CANCELLED');

CREATE TYPE "PaymentMethod" AS ENUM ('CARD', 'INVOICE');

CREATE TYPE "CertificateKind" AS ENUM ('ISO_9001', 'ISO_13485', 'ISO_14001', 'AS9100', 'IATF_16949', 'OTHER');

CREATE TYPE "OfferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN');

CREATE TYPE "AuditStatus" AS ENUM ('PENDING', 'IN_PROGRESS', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED');

CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED');

CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

CREATE TYPE "InvoiceKind" AS ENUM ('BUYER_INVOICE', 'CREDIT_NOTE', 'SELF_BILLING');

CREATE TYPE "InvoiceStatus" AS ENUM ('ISSUED', 'PAID', 'VOID');

CREATE TYPE "PayoutStatus" AS ENUM ('PENDING', 'HELD', 'PAID', 'FAILED');

CREATE TYPE "PayoutMethod" AS ENUM ('STRIPE_TRANSFER', 'MANUAL_TRANSFER');

CREATE TYPE "ComplaintStatus" AS ENUM ('OPEN', 'UPHELD', 'REJECTED');

CREATE TABLE "Company" (
    "id" text NOT NULL,
    "kind" "CompanyKind" NOT NULL,
    "status" "CompanyStatus" NOT NULL DEFAULT 'ACTIVE'::"CompanyStatus",
    "name" text NOT NULL,
    "vatNumber" text,
    "countryCode" character(2) NOT NULL,
    "region" text,
    "city" text,
    "postalCode" text,
    "addressLine" text,
    "latitude" double precision,
    "longitude" double precision,
    "currency" character(3) NOT NULL DEFAULT 'EUR'::bpchar,
    "invoicePaymentApproved" boolean NOT NULL DEFAULT false,
    "creditLimitCents" integer NOT NULL DEFAULT 0,
    "paymentTermsDays" integer NOT NULL DEFAULT 30,
    "orderApprovalLimitCents" integer,
    "minOrderValueCents" integer,
    "maxOrderValueCents" integer,
    "stripeConnectAccountId" text,
    "suspendedReason" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "User" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "email" text NOT NULL,
    "name" text NOT NULL,
    "passwordHash" text NOT NULL,
    "role" "UserRole" NOT NULL,
    "disabledAt" timestamp(3) with time zone,
    "lastSignInAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" text NOT NULL,
    "ipAddress" text NOT NULL,
    "succeeded" boolean NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Material" (
    "id" text NOT NULL,
    "code" text NOT NULL,
    "name" text NOT NULL,
    "family" text NOT NULL,
    "processes" "ManufacturingProcess"[] NOT NULL,
    "densityGPerCm3" double precision NOT NULL,
    "priceCentsPerKg" integer NOT NULL,
    "currency" character(3) NOT NULL DEFAULT 'EUR'::bpchar,
    "machinabilityIndex" double precision,
    "buildRateCm3PerHour" double precision,
    "source" text NOT NULL,
    "active" boolean NOT NULL DEFAULT true,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MachineRate" (
    "id" text NOT NULL,
    "process" "ManufacturingProcess" NOT NULL,
    "hourlyRateCents" integer NOT NULL,
    "setupMinutes" integer NOT NULL,
    "currency" character(3) NOT NULL DEFAULT 'EUR'::bpchar,
    "source" text NOT NULL,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "MachineRate_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Part" (
    "id" text NOT NULL,
    "companyId" text,
    "uploadedById" text,
    "visitorToken" text,
    "originalFileName" text NOT NULL,
    "storageKey" text NOT NULL,
    "contentSha256" character(64) NOT NULL,
    "sizeBytes" bigint NOT NULL,
    "format" "CadFormat" NOT NULL,
    "status" "PartStatus" NOT NULL DEFAULT 'UPLOADED'::"PartStatus",
    "analysis" jsonb,
    "analysisVersion" integer,
    "displayMeshKey" text,
    "failureCode" text,
    "failureMessage" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "Part_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Quote" (
    "id" text NOT NULL,
    "partId" text NOT NULL,
    "companyId" text,
    "createdById" text,
    "status" "QuoteStatus" NOT NULL DEFAULT 'ACTIVE'::"QuoteStatus",
    "process" "ManufacturingProcess" NOT NULL,
    "materialId" text NOT NULL,
    "finish" text NOT NULL,
    "toleranceClass" "ToleranceClass" NOT NULL,
    "quantity" integer NOT NULL,
    "deliveryDate" date NOT NULL,
    "currency" character(3) NOT NULL,
    "unitPriceCents" integer NOT NULL,
    "totalPriceCents" integer NOT NULL,
    "supplierUnitCostCents" integer NOT NULL,
    "supplierTotalCostCents" integer NOT NULL,
    "estimatedMachineHours" double precision NOT NULL,
    "breakdown" jsonb NOT NULL,
    "priceBreaks" jsonb NOT NULL,
    "warnings" jsonb NOT NULL DEFAULT '[]'::jsonb,
    "needsManualQuote" boolean NOT NULL DEFAULT false,
    "settingsVersion" integer NOT NULL,
    "validUntil" timestamp(3) with time zone NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ManualQuoteRequest" (
    "id" text NOT NULL,
    "partId" text NOT NULL,
    "notes" text NOT NULL,
    "drawingStorageKey" text,
    "status" "ManualQuoteStatus" NOT NULL DEFAULT 'OPEN'::"ManualQuoteStatus",
    "answeredQuoteId" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "ManualQuoteRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Cart" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "userId" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "Cart_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CartItem" (
    "id" text NOT NULL,
    "cartId" text NOT NULL,
    "quoteId" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CartItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Order" (
    "id" text NOT NULL,
    "number" text NOT NULL,
    "buyerCompanyId" text NOT NULL,
    "placedById" text NOT NULL,
    "approvedById" text,
    "status" "OrderStatus" NOT NULL,
    "paymentMethod" "PaymentMethod" NOT NULL,
    "currency" character(3) NOT NULL,
    "subtotalCents" integer NOT NULL,
    "vatCents" integer NOT NULL,
    "totalCents" integer NOT NULL,
    "vatNumber" text,
    "billingAddress" jsonb NOT NULL,
    "shippingAddress" jsonb NOT NULL,
    "confirmedAt" timestamp(3) with time zone,
    "cancelledAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OrderLine" (
    "id" text NOT NULL,
    "orderId" text NOT NULL,
    "partId" text NOT NULL,
    "quoteId" text NOT NULL,
    "supplierCompanyId" text,
    "status" "OrderLineStatus" NOT NULL DEFAULT 'AWAITING_MATCH'::"OrderLineStatus",
    "process" "ManufacturingProcess" NOT NULL,
    "materialCode" text NOT NULL,
    "finish" text NOT NULL,
    "toleranceClass" "ToleranceClass" NOT NULL,
    "quantity" integer NOT NULL,
    "unitPriceCents" integer NOT NULL,
    "totalPriceCents" integer NOT NULL,
    "supplierTotalCents" integer NOT NULL,
    "currency" character(3) NOT NULL,
    "estimatedMachineHours" double precision NOT NULL,
    "deliveryDate" date NOT NULL,
    "carrier" text,
    "trackingNumber" text,
    "shippedAt" timestamp(3) with time zone,
    "deliveredAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OrderStatusChange" (
    "id" BIGSERIAL NOT NULL,
    "orderId" text NOT NULL,
    "orderLineId" text,
    "fromStatus" text,
    "toStatus" text NOT NULL,
    "actorUserId" text,
    "note" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderStatusChange_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SupplierProcess" (
    "companyId" text NOT NULL,
    "process" "ManufacturingProcess" NOT NULL,
    CONSTRAINT "SupplierProcess_pkey" PRIMARY KEY ("companyId", "process")
);

CREATE TABLE "SupplierMaterial" (
    "companyId" text NOT NULL,
    "materialId" text NOT NULL,
    CONSTRAINT "SupplierMaterial_pkey" PRIMARY KEY ("companyId", "materialId")
);

CREATE TABLE "Machine" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "process" "ManufacturingProcess" NOT NULL,
    "name" text NOT NULL,
    "count" integer NOT NULL DEFAULT 1,
    "envelopeXMm" double precision NOT NULL,
    "envelopeYMm" double precision NOT NULL,
    "envelopeZMm" double precision NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Machine_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Certificate" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "number" text NOT NULL,
    "issuer" text NOT NULL,
    "validFrom" date NOT NULL,
    "validUntil" date NOT NULL,
    "storageKey" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WeeklyCapacity" (
    "companyId" text NOT NULL,
    "process" "ManufacturingProcess" NOT NULL,
    "machineHoursPerWeek" double precision NOT NULL,
    CONSTRAINT "WeeklyCapacity_pkey" PRIMARY KEY ("companyId", "process")
);

CREATE TABLE "BlockedDay" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "day" date NOT NULL,
    "reason" text NOT NULL,
    CONSTRAINT "BlockedDay_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CapacityReservation" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "process" "ManufacturingProcess" NOT NULL,
    "weekStart" date NOT NULL,
    "machineHours" double precision NOT NULL,
    "orderLineId" text NOT NULL,
    "offerId" text,
    "releasedAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CapacityReservation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Offer" (
    "id" text NOT NULL,
    "orderLineId" text NOT NULL,
    "supplierCompanyId" text NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'PENDING'::"OfferStatus",
    "supplierPriceCents" integer NOT NULL,
    "currency" character(3) NOT NULL,
    "rank" integer NOT NULL,
    "score" double precision NOT NULL,
    "expiresAt" timestamp(3) with time zone NOT NULL,
    "respondedAt" timestamp(3) with time zone,
    "rejectReason" text,
    "rejectNote" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MatchDecision" (
    "id" text NOT NULL,
    "orderLineId" text NOT NULL,
    "candidates" jsonb NOT NULL,
    "chosenSupplierCompanyId" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchDecision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SupplierAudit" (
    "id" text NOT NULL,
    "supplierCompanyId" text NOT NULL,
    "auditorId" text,
    "status" "AuditStatus" NOT NULL DEFAULT 'PENDING'::"AuditStatus",
    "checklist" jsonb NOT NULL DEFAULT '{}'::jsonb,
    "evidence" jsonb NOT NULL DEFAULT '[]'::jsonb,
    "conditions" text,
    "decidedAt" timestamp(3) with time zone,
    "expiresAt" date,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "SupplierAudit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Payment" (
    "id" text NOT NULL,
    "orderId" text NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING'::"PaymentStatus",
    "amountCents" integer NOT NULL,
    "refundedCents" integer NOT NULL DEFAULT 0,
    "currency" character(3) NOT NULL,
    "idempotencyKey" text NOT NULL,
    "stripeCheckoutSessionId" text,
    "stripePaymentIntentId" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Refund" (
    "id" text NOT NULL,
    "paymentId" text NOT NULL,
    "amountCents" integer NOT NULL,
    "currency" character(3) NOT NULL,
    "reason" text NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING'::"RefundStatus",
    "idempotencyKey" text NOT NULL,
    "stripeRefundId" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Invoice" (
    "id" text NOT NULL,
    "number" text NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED'::"InvoiceStatus",
    "companyId" text NOT NULL,
    "orderId" text,
    "netCents" integer NOT NULL,
    "vatCents" integer NOT NULL,
    "totalCents" integer NOT NULL,
    "currency" character(3) NOT NULL,
    "issuedAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" date NOT NULL,
    "paidAt" timestamp(3) with time zone,
    "storageKey" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Payout" (
    "id" text NOT NULL,
    "supplierCompanyId" text NOT NULL,
    "orderId" text NOT NULL,
    "orderLineId" text NOT NULL,
    "invoiceId" text,
    "status" "PayoutStatus" NOT NULL DEFAULT 'PENDING'::"PayoutStatus",
    "method" "PayoutMethod" NOT NULL,
    "amountCents" integer NOT NULL,
    "currency" character(3) NOT NULL,
    "transferGroup" text NOT NULL,
    "idempotencyKey" text NOT NULL,
    "stripeTransferId" text,
    "heldReason" text,
    "paidAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) with time zone NOT NULL,
    CONSTRAINT "Payout_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "StripeEvent" (
    "id" text NOT NULL,
    "type" text NOT NULL,
    "processedAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Rating" (
    "id" text NOT NULL,
    "orderLineId" text NOT NULL,
    "buyerCompanyId" text NOT NULL,
    "supplierCompanyId" text NOT NULL,
    "stars" integer NOT NULL,
    "comment" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Complaint" (
    "id" text NOT NULL,
    "orderLineId" text NOT NULL,
    "buyerCompanyId" text NOT NULL,
    "createdById" text NOT NULL,
    "text" text NOT NULL,
    "photoStorageKeys" text[] NOT NULL DEFAULT ARRAY[]::text[],
    "status" "ComplaintStatus" NOT NULL DEFAULT 'OPEN'::"ComplaintStatus",
    "resolution" text,
    "decidedAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditLogEntry" (
    "id" BIGSERIAL NOT NULL,
    "actorUserId" text,
    "companyId" text,
    "action" text NOT NULL,
    "entityType" text NOT NULL,
    "entityId" text NOT NULL,
    "data" jsonb NOT NULL DEFAULT '{}'::jsonb,
    "ipAddress" text,
    "requestId" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLogEntry_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Company_stripeConnectAccountId_key" ON "Company"("stripeConnectAccountId");

CREATE INDEX "Company_kind_status_idx" ON "Company"("kind", "status");

CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

CREATE INDEX "User_companyId_idx" ON "User"("companyId");

CREATE INDEX "SignInAttempt_email_createdAt_idx" ON "SignInAttempt"("email", "createdAt");

CREATE INDEX "SignInAttempt_ipAddress_createdAt_idx" ON "SignInAttempt"("ipAddress", "createdAt");

CREATE UNIQUE INDEX "Material_code_key" ON "Material"("code");

CREATE UNIQUE INDEX "MachineRate_process_key" ON "MachineRate"("process");

CREATE INDEX "Part_companyId_createdAt_idx" ON "Part"("companyId", "createdAt");

CREATE INDEX "Part_visitorToken_idx" ON "Part"("visitorToken");

CREATE INDEX "Part_contentSha256_idx" ON "Part"("contentSha256");

CREATE INDEX "Quote_partId_createdAt_idx" ON "Quote"("partId", "createdAt");

CREATE INDEX "Quote_companyId_createdAt_idx" ON "Quote"("companyId", "createdAt");

CREATE UNIQUE INDEX "ManualQuoteRequest_answeredQuoteId_key" ON "ManualQuoteRequest"("answeredQuoteId");

CREATE INDEX "ManualQuoteRequest_status_createdAt_idx" ON "ManualQuoteRequest"("status", "createdAt");

CREATE UNIQUE INDEX "Cart_userId_key" ON "Cart"("userId");

CREATE UNIQUE INDEX "CartItem_cartId_quoteId_key" ON "CartItem"("cartId", "quoteId");

CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

CREATE INDEX "Order_buyerCompanyId_createdAt_idx" ON "Order"("buyerCompanyId", "createdAt");

CREATE INDEX "Order_status_idx" ON "Order"("status");

CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

CREATE INDEX "OrderLine_supplierCompanyId_status_idx" ON "OrderLine"("supplierCompanyId", "status");

CREATE INDEX "OrderLine_status_deliveryDate_idx" ON "OrderLine"("status", "deliveryDate");

CREATE INDEX "OrderStatusChange_orderId_createdAt_idx" ON "OrderStatusChange"("orderId", "createdAt");

CREATE INDEX "Machine_companyId_process_idx" ON "Machine"("companyId", "process");

CREATE INDEX "Certificate_companyId_kind_idx" ON "Certificate"("companyId", "kind");

CREATE INDEX "Certificate_validUntil_idx" ON "Certificate"("validUntil");

CREATE UNIQUE INDEX "BlockedDay_companyId_day_key" ON "BlockedDay"("companyId", "day");

CREATE INDEX "CapacityReservation_companyId_process_weekStart_idx" ON "CapacityReservation"("companyId", "process", "weekStart");

CREATE INDEX "CapacityReservation_orderLineId_idx" ON "CapacityReservation"("orderLineId");

CREATE UNIQUE INDEX "Offer_orderLineId_supplierCompanyId_key" ON "Offer"("orderLineId", "supplierCompanyId");

CREATE INDEX "Offer_supplierCompanyId_status_idx" ON "Offer"("supplierCompanyId", "status");

CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");

CREATE INDEX "MatchDecision_orderLineId_createdAt_idx" ON "MatchDecision"("orderLineId", "createdAt");

CREATE INDEX "SupplierAudit_supplierCompanyId_createdAt_idx" ON "SupplierAudit"("supplierCompanyId", "createdAt");

CREATE INDEX "SupplierAudit_status_expiresAt_idx" ON "SupplierAudit"("status", "expiresAt");

CREATE UNIQUE INDEX "Payment_idempotencyKey_key" ON "Payment"("idempotencyKey");

CREATE UNIQUE INDEX "Payment_stripeCheckoutSessionId_key" ON "Payment"("stripeCheckoutSessionId");

CREATE UNIQUE INDEX "Payment_stripePaymentIntentId_key" ON "Payment"("stripePaymentIntentId");

CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

CREATE UNIQUE INDEX "Refund_idempotencyKey_key" ON "Refund"("idempotencyKey");

CREATE UNIQUE INDEX "Refund_stripeRefundId_key" ON "Refund"("stripeRefundId");

CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

CREATE INDEX "Invoice_companyId_issuedAt_idx" ON "Invoice"("companyId", "issuedAt");

CREATE INDEX "Invoice_status_dueAt_idx" ON "Invoice"("status", "dueAt");

CREATE UNIQUE INDEX "Payout_orderLineId_key" ON "Payout"("orderLineId");

CREATE UNIQUE INDEX "Payout_idempotencyKey_key" ON "Payout"("idempotencyKey");

CREATE UNIQUE INDEX "Payout_stripeTransferId_key" ON "Payout"("stripeTransferId");

CREATE INDEX "Payout_status_idx" ON "Payout"("status");

CREATE UNIQUE INDEX "Rating_orderLineId_key" ON "Rating"("orderLineId");

CREATE INDEX "Rating_supplierCompanyId_createdAt_idx" ON "Rating"("supplierCompanyId", "createdAt");

CREATE INDEX "Complaint_status_createdAt_idx" ON "Complaint"("status", "createdAt");

CREATE INDEX "Complaint_orderLineId_idx" ON "Complaint"("orderLineId");

CREATE INDEX "AuditLogEntry_entityType_entityId_createdAt_idx" ON "AuditLogEntry"("entityType", "entityId", "createdAt");

CREATE INDEX "AuditLogEntry_actorUserId_createdAt_idx" ON "AuditLogEntry"("actorUserId", "createdAt");

CREATE INDEX "AuditLogEntry_action_createdAt_idx" ON "AuditLogEntry"("action", "createdAt");

ALTER TABLE "User" ADD CONSTRAINT "User_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Part" ADD CONSTRAINT "Part_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Part" ADD CONSTRAINT "Part_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Quote" ADD CONSTRAINT "Quote_partId_fkey" FOREIGN KEY ("partId") REFERENCES "Part"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Quote" ADD CONSTRAINT "Quote_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Quote" ADD CONSTRAINT "Quote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Quote" ADD CONSTRAINT "Quote_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ManualQuoteRequest" ADD CONSTRAINT "ManualQuoteRequest_partId_fkey" FOREIGN KEY ("partId") REFERENCES "Part"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Cart" ADD CONSTRAINT "Cart_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Cart" ADD CONSTRAINT "Cart_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Order" ADD CONSTRAINT "Order_buyerCompanyId_fkey" FOREIGN KEY ("buyerCompanyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Order" ADD CONSTRAINT "Order_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Order" ADD CONSTRAINT "Order_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_partId_fkey" FOREIGN KEY ("partId") REFERENCES "Part"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_supplierCompanyId_fkey" FOREIGN KEY ("supplierCompanyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "OrderStatusChange" ADD CONSTRAINT "OrderStatusChange_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OrderStatusChange" ADD CONSTRAINT "OrderStatusChange_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OrderStatusChange" ADD CONSTRAINT "OrderStatusChange_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "SupplierProcess" ADD CONSTRAINT "SupplierProcess_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SupplierMaterial" ADD CONSTRAINT "SupplierMaterial_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SupplierMaterial" ADD CONSTRAINT "SupplierMaterial_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Machine" ADD CONSTRAINT "Machine_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "WeeklyCapacity" ADD CONSTRAINT "WeeklyCapacity_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "BlockedDay" ADD CONSTRAINT "BlockedDay_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CapacityReservation" ADD CONSTRAINT "CapacityReservation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CapacityReservation" ADD CONSTRAINT "CapacityReservation_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CapacityReservation" ADD CONSTRAINT "CapacityReservation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Offer" ADD CONSTRAINT "Offer_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Offer" ADD CONSTRAINT "Offer_supplierCompanyId_fkey" FOREIGN KEY ("supplierCompanyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SupplierAudit" ADD CONSTRAINT "SupplierAudit_supplierCompanyId_fkey" FOREIGN KEY ("supplierCompanyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SupplierAudit" ADD CONSTRAINT "SupplierAudit_auditorId_fkey" FOREIGN KEY ("auditorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Payout" ADD CONSTRAINT "Payout_supplierCompanyId_fkey" FOREIGN KEY ("supplierCompanyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Payout" ADD CONSTRAINT "Payout_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Payout" ADD CONSTRAINT "Payout_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Payout" ADD CONSTRAINT "Payout_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Rating" ADD CONSTRAINT "Rating_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Rating" ADD CONSTRAINT "Rating_buyerCompanyId_fkey" FOREIGN KEY ("buyerCompanyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Rating" ADD CONSTRAINT "Rating_supplierCompanyId_fkey" FOREIGN KEY ("supplierCompanyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_buyerCompanyId_fkey" FOREIGN KEY ("buyerCompanyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "AuditLogEntry" ADD CONSTRAINT "AuditLogEntry_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "AuditLogEntry" ADD CONSTRAINT "AuditLogEntry_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invariants the application relies on.
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_stars_check" CHECK ("stars" BETWEEN 1 AND 5);
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_prices_check" CHECK ("unitPriceCents" >= 0 AND "totalPriceCents" >= 0 AND "supplierUnitCostCents" >= 0 AND "supplierTotalCostCents" >= 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_prices_check" CHECK ("unitPriceCents" >= 0 AND "totalPriceCents" >= 0 AND "supplierTotalCents" >= 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_amounts_check" CHECK ("subtotalCents" >= 0 AND "vatCents" >= 0 AND "totalCents" = "subtotalCents" + "vatCents");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amounts_check" CHECK ("amountCents" >= 0 AND "refundedCents" BETWEEN 0 AND "amountCents");
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_check" CHECK ("amountCents" > 0);
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_amount_check" CHECK ("amountCents" >= 0);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_amounts_check" CHECK ("totalCents" = "netCents" + "vatCents");
ALTER TABLE "CapacityReservation" ADD CONSTRAINT "CapacityReservation_hours_check" CHECK ("machineHours" > 0);
ALTER TABLE "WeeklyCapacity" ADD CONSTRAINT "WeeklyCapacity_hours_check" CHECK ("machineHoursPerWeek" >= 0);
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_envelope_check" CHECK ("count" > 0 AND "envelopeXMm" > 0 AND "envelopeYMm" > 0 AND "envelopeZMm" > 0);
