-- Issue 18, the basics of an account: e-mail verification, password reset links, versioned legal texts.

-- Every account that exists was created from a link e-mailed to its address (sign-up, invitation) or is
-- demo data; operations accounts, made by a colleague, prove their address at their first password
-- reset. Existing accounts count as verified from their creation, so nobody who could order is blocked.
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" timestamp(3) with time zone;
UPDATE "User" SET "emailVerifiedAt" = "createdAt";

ALTER TABLE "Order" ADD COLUMN "acceptedTermsVersion" integer;
ALTER TABLE "Order" ADD COLUMN "acceptedPrivacyVersion" integer;

CREATE TYPE "EmailTokenPurpose" AS ENUM ('PASSWORD_RESET', 'EMAIL_VERIFICATION');
CREATE TYPE "LegalDocumentKind" AS ENUM ('TERMS', 'PRIVACY');

CREATE TABLE "UserEmailToken" (
    "id" text NOT NULL,
    "userId" text NOT NULL,
    "purpose" "EmailTokenPurpose" NOT NULL,
    "tokenSha256" character(64) NOT NULL,
    "expiresAt" timestamp(3) with time zone NOT NULL,
    "usedAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UserEmailToken_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PasswordResetAttempt" (
    "id" BIGSERIAL NOT NULL,
    "ipAddress" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordResetAttempt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LegalDocument" (
    "id" text NOT NULL,
    "kind" "LegalDocumentKind" NOT NULL,
    "version" integer NOT NULL,
    "title" text NOT NULL,
    "body" text NOT NULL,
    "publishedAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" text,
    CONSTRAINT "LegalDocument_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "UserEmailToken_tokenSha256_key" ON "UserEmailToken"("tokenSha256");

CREATE INDEX "UserEmailToken_userId_purpose_createdAt_idx" ON "UserEmailToken"("userId", "purpose", "createdAt");

CREATE INDEX "PasswordResetAttempt_ipAddress_createdAt_idx" ON "PasswordResetAttempt"("ipAddress", "createdAt");

CREATE UNIQUE INDEX "LegalDocument_kind_version_key" ON "LegalDocument"("kind", "version");

ALTER TABLE "UserEmailToken" ADD CONSTRAINT "UserEmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "LegalDocument" ADD CONSTRAINT "LegalDocument_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
