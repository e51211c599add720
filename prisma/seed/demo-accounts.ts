import type { UserRole } from "../../lib/db/generated/enums";

export const demoPassword = "quote-demo-2026";

export const demoAccounts = [
  { email: "anna.buyer@acme.example", role: "BUYER_ADMIN", who: "Buyer (admin of Acme Robotics)" },
  { email: "ben.engineer@acme.example", role: "BUYER_ENGINEER", who: "Buyer (engineer at Acme Robotics)" },
  {
    email: "paula.purchaser@acme.example",
    role: "BUYER_PURCHASER",
    who: "Buyer (purchaser at Acme Robotics)",
  },
  {
    email: "partner@mueller-cnc.example",
    role: "SUPPLIER_ADMIN",
    who: "Supplier (Präzisionsteile Müller, CNC)",
  },
  {
    email: "stefan.staff@mueller-cnc.example",
    role: "SUPPLIER_MEMBER",
    who: "Production staff (Präzisionsteile Müller)",
  },
  {
    email: "fiona.finance@mueller-cnc.example",
    role: "SUPPLIER_FINANCE",
    who: "Finance staff (Präzisionsteile Müller)",
  },
  { email: "olga.ops@instant-quote.example", role: "OPERATIONS", who: "Operations" },
] as const satisfies readonly { email: string; role: UserRole; who: string }[];
