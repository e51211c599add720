-- Issue 19 (decision 0029): a Checkout payment by a delayed method (SEPA Direct Debit) waits for the bank.
ALTER TYPE "PaymentStatus" ADD VALUE 'PROCESSING' AFTER 'PENDING';
