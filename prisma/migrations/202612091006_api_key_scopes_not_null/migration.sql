-- Issue 24 (i24-partner): schema.prisma declares ApiKey.scopes as a required list (String[]), which every
-- other list column stores NOT NULL; 202612091005_public_api_keys created it nullable. Every key is created
-- with its scopes, so no row holds NULL. Harmless where the column is NOT NULL already.
ALTER TABLE "ApiKey" ALTER COLUMN "scopes" SET NOT NULL;
