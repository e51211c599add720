-- Issue 23 (i23-price, docs/decisions/0054): the sheet-metal processes, and partners' lasers and press brakes.
ALTER TYPE "ManufacturingProcess" ADD VALUE 'SHEET_METAL';
ALTER TYPE "ManufacturingProcess" ADD VALUE 'LASER_CUTTING';

CREATE TYPE "SheetMachineKind" AS ENUM ('LASER', 'PRESS_BRAKE');

CREATE TABLE "SheetMetalMachine" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "kind" "SheetMachineKind" NOT NULL,
    "name" TEXT NOT NULL,
    "sheetXMm" DOUBLE PRECISION,
    "sheetYMm" DOUBLE PRECISION,
    "maxSteelMm" DOUBLE PRECISION,
    "maxStainlessMm" DOUBLE PRECISION,
    "maxAluminiumMm" DOUBLE PRECISION,
    "bendLengthMm" DOUBLE PRECISION,
    "tonnage" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SheetMetalMachine_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SheetMetalMachine_companyId_idx" ON "SheetMetalMachine"("companyId");

ALTER TABLE "SheetMetalMachine" ADD CONSTRAINT "SheetMetalMachine_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TYPE "CadFormat" ADD VALUE 'DXF';
