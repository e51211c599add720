-- Issue 20 (i20-meshfix, docs/decisions/0037): the unit a buyer chose for an STL or OBJ file, which
-- carries none; null reads the file as millimetres.
CREATE TYPE "MeshUnit" AS ENUM ('MM', 'CM', 'M', 'INCH');

ALTER TABLE "Part" ADD COLUMN "assumedUnit" "MeshUnit";
