-- Issue 23 (i23-price, docs/decisions/0054): the sheet-metal processes, and partners' lasers and press brakes.
ALTER TYPE "ManufacturingProcess" ADD VALUE 'SHEET_METAL';
ALTER TYPE "ManufacturingProcess" ADD VALUE 'LASER_CUTTING';
