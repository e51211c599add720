-- Issue 21 (i21-teams, docs/decisions/0041): a partner's finance staff. SUPPLIER_MEMBER stays the
-- production role, so existing staff keep what they could do; nothing to move.
ALTER TYPE "UserRole" ADD VALUE 'SUPPLIER_FINANCE';
