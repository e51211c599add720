-- Decision 0122: an analysis stopped at its time limit while it had the processor for less than half of it
-- (the machine was busy with other files, not the file hard) goes back to the queue once; this counts how
-- often, so a second busy stop fails the part with a message that says the service was busy.
ALTER TABLE "Part" ADD COLUMN "analysisBusyRetries" INTEGER NOT NULL DEFAULT 0;
