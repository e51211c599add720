-- Issue 21 (i21-ops, docs/decisions/0044): an owner and a note per exception on the operations board.
CREATE TABLE "ExceptionFollowUp" (
    "key" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedByUserId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExceptionFollowUp_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "ExceptionFollowUp_ownerUserId_idx" ON "ExceptionFollowUp"("ownerUserId");

ALTER TABLE "ExceptionFollowUp" ADD CONSTRAINT "ExceptionFollowUp_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ExceptionFollowUp" ADD CONSTRAINT "ExceptionFollowUp_updatedByUserId_fkey" FOREIGN KEY ("updatedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
