-- The storefront: manual quote requests carry who asked and for what; team invitations; the e-mail
-- outbox; gapless document numbers. (No ManualQuoteRequest rows exist before this migration.)
ALTER TABLE "ManualQuoteRequest" ADD COLUMN "requestedById" text, ADD COLUMN "contactEmail" text NOT NULL, ADD COLUMN "options" jsonb NOT NULL, ADD COLUMN "drawingFileName" text;

ALTER TABLE "ManualQuoteRequest" ADD CONSTRAINT "ManualQuoteRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "TeamInvitation" (
    "id" text NOT NULL,
    "companyId" text NOT NULL,
    "email" text NOT NULL,
    "role" "UserRole" NOT NULL,
    "tokenSha256" character(64) NOT NULL,
    "invitedById" text NOT NULL,
    "acceptedAt" timestamp(3) with time zone,
    "revokedAt" timestamp(3) with time zone,
    "expiresAt" timestamp(3) with time zone NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeamInvitation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OutboxEmail" (
    "id" text NOT NULL,
    "toAddress" text NOT NULL,
    "subject" text NOT NULL,
    "text" text NOT NULL,
    "transport" text NOT NULL,
    "sentAt" timestamp(3) with time zone,
    "error" text,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DocumentCounter" (
    "series" text NOT NULL,
    "year" integer NOT NULL,
    "last" integer NOT NULL DEFAULT 0,
    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("series", "year")
);

CREATE UNIQUE INDEX "TeamInvitation_tokenSha256_key" ON "TeamInvitation"("tokenSha256");

CREATE INDEX "TeamInvitation_companyId_createdAt_idx" ON "TeamInvitation"("companyId", "createdAt");

CREATE INDEX "OutboxEmail_toAddress_createdAt_idx" ON "OutboxEmail"("toAddress", "createdAt");

CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

ALTER TABLE "TeamInvitation" ADD CONSTRAINT "TeamInvitation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "TeamInvitation" ADD CONSTRAINT "TeamInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
