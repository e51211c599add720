-- Issue 18: prepayment by bank transfer: the payment reference on the order, bank statements and their entries.
CREATE TYPE "BankStatementFormat" AS ENUM ('CAMT053', 'CSV');

CREATE TYPE "BankEntryOutcome" AS ENUM ('PAID', 'PARTIAL', 'OVERPAID', 'UNMATCHED');

CREATE TYPE "BankCreditStatus" AS ENUM ('OPEN', 'REFUNDED', 'KEPT');

ALTER TABLE "Order" ADD COLUMN "paymentReference" text, ADD COLUMN "prepaymentRemindedAt" timestamp(3) with time zone;

CREATE UNIQUE INDEX "Order_paymentReference_key" ON "Order"("paymentReference");

CREATE TABLE "BankStatement" (
    "id" text NOT NULL,
    "format" "BankStatementFormat" NOT NULL,
    "fileName" text NOT NULL,
    "sha256" text NOT NULL,
    "accountIban" text,
    "uploadedById" text NOT NULL,
    "creditsRead" integer NOT NULL,
    "creditsNew" integer NOT NULL,
    "debitsIgnored" integer NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BankStatement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BankStatementEntry" (
    "id" text NOT NULL,
    "entryKey" text NOT NULL,
    "statementId" text NOT NULL,
    "bookingDate" date NOT NULL,
    "amountCents" integer NOT NULL,
    "currency" character(3) NOT NULL,
    "remittanceInfo" text NOT NULL,
    "counterpartyName" text,
    "counterpartyIban" text,
    "endToEndId" text,
    "bankReference" text,
    "outcome" "BankEntryOutcome" NOT NULL,
    "orderId" text,
    "appliedCents" integer NOT NULL DEFAULT 0,
    "surplusCents" integer NOT NULL DEFAULT 0,
    "creditStatus" "BankCreditStatus",
    "creditSettledById" text,
    "creditSettledAt" timestamp(3) with time zone,
    "assignedById" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BankStatementEntry_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BankStatement_createdAt_idx" ON "BankStatement"("createdAt");

CREATE UNIQUE INDEX "BankStatementEntry_entryKey_key" ON "BankStatementEntry"("entryKey");

CREATE INDEX "BankStatementEntry_statementId_idx" ON "BankStatementEntry"("statementId");

CREATE INDEX "BankStatementEntry_orderId_idx" ON "BankStatementEntry"("orderId");

CREATE INDEX "BankStatementEntry_outcome_idx" ON "BankStatementEntry"("outcome");

CREATE INDEX "BankStatementEntry_creditStatus_idx" ON "BankStatementEntry"("creditStatus");

ALTER TABLE "BankStatementEntry" ADD CONSTRAINT "BankStatementEntry_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "BankStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "BankStatementEntry" ADD CONSTRAINT "BankStatementEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
