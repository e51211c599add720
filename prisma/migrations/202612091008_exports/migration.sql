-- Issue 24 (i24-exports, docs/decisions/0062): a company's personal account number in the DATEV export,
-- and every user's secret calendar feed (stored hashed; deleting the row revokes it).
ALTER TABLE "Company" ADD COLUMN "datevAccountNumber" INTEGER;
CREATE UNIQUE INDEX "Company_datevAccountNumber_key" ON "Company"("datevAccountNumber");

CREATE TABLE "CalendarFeed" (
    "id" text NOT NULL,
    "userId" text NOT NULL,
    "tokenHash" text NOT NULL,
    "createdAt" timestamp(3) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFetchedAt" timestamp(3) with time zone,
    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CalendarFeed_userId_key" ON "CalendarFeed"("userId");

CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
