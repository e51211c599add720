-- Issue 23 (i23-dxf, docs/decisions/0058): the sheet thickness a buyer chose for a DXF drawing.
ALTER TABLE "Part" ADD COLUMN "sheetThicknessMm" DOUBLE PRECISION;
