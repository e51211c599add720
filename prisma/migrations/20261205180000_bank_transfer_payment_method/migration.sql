-- Issue 18: prepayment by bank transfer, open to every company from its first order.
ALTER TYPE "PaymentMethod" ADD VALUE 'BANK_TRANSFER';
