-- Sign-in attempts are written before the password check (succeeded is null until known) and remember
-- the browser's device cookie; sessions are rows that sign-out, suspension and role changes revoke;
-- sign-up waits for its e-mail link and is rate limited per client address.
ALTER TABLE "SignInAttempt" ALTER COLUMN "succeeded" DROP NOT NULL, ADD COLUMN "deviceId" text;
ALTER TABLE "User" ADD COLUMN "signInThrottleNoticeAt" timestamp(3) with time zone;

CREATE TABLE "UserSession" (
    "id" text NOT NULL,
    "userId" text NOT NULL,
    "ipAddress" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" timestamp(3) with time zone,
    "revokeReason" text,
    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SignUpAttempt" (
    "id" BIGSERIAL NOT NULL,
    "ipAddress" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignUpAttempt_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PendingRegistration" (
    "id" text NOT NULL,
    "tokenSha256" character(64) NOT NULL,
    "email" text NOT NULL,
    "kind" "CompanyKind" NOT NULL,
    "data" jsonb NOT NULL,
    "passwordHash" text NOT NULL,
    "returnTo" text NOT NULL DEFAULT '/'::text,
    "expiresAt" timestamp(3) with time zone NOT NULL,
    "usedAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingRegistration_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UserSession_userId_revokedAt_idx" ON "UserSession"("userId", "revokedAt");

CREATE INDEX "SignUpAttempt_ipAddress_createdAt_idx" ON "SignUpAttempt"("ipAddress", "createdAt");

CREATE UNIQUE INDEX "PendingRegistration_tokenSha256_key" ON "PendingRegistration"("tokenSha256");

CREATE INDEX "PendingRegistration_email_createdAt_idx" ON "PendingRegistration"("email", "createdAt");

ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
