-- One word for the manufacturing side in code (docs/decisions/0018-one-word-supplier.md): the ledger's
-- account for money owed to the maker of the parts is SUPPLIER, like the SUPPLIER company kind and role.
-- Renaming an enum value keeps every existing row (they read SUPPLIER afterwards) and takes no table lock.
ALTER TYPE "LedgerAccount" RENAME VALUE 'PARTNER' TO 'SUPPLIER';
