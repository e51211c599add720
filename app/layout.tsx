import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { areaForRole, roleLabels } from "@/lib/auth/roles";
import { signOutAction } from "./(auth)/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Instant Quote — CNC and 3D-printed parts", template: "%s · Instant Quote" },
  description:
    "Upload a CAD file and get a price, a delivery date and honest manufacturability feedback in seconds.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const area = user ? areaForRole(user.role) : undefined;
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link href="/" className="brand">
              Instant<span>Quote</span>
            </Link>
            <nav className="nav" aria-label="Main">
              {area === "buyer" && (
                <>
                  <Link href="/">Parts</Link>
                  <Link href="/cart">Cart</Link>
                  <Link href="/orders">Orders</Link>
                  <Link href="/team">Team</Link>
                </>
              )}
              {area === "supplier" && (
                <>
                  <Link href="/supplier">Offers</Link>
                  <Link href="/supplier/jobs">Jobs</Link>
                  <Link href="/supplier/capacity">Capacity</Link>
                  <Link href="/supplier/scorecard">Scorecard</Link>
                  <Link href="/supplier/payouts">Payouts</Link>
                  <Link href="/supplier/profile">Profile</Link>
                </>
              )}
              {area === "ops" && (
                <>
                  <Link href="/ops/exceptions">Exceptions</Link>
                  <Link href="/ops/suppliers">Partners</Link>
                  <Link href="/ops/quality">Quality</Link>
                  <Link href="/ops/quotes">Quotes</Link>
                  <Link href="/ops/matching">Matching</Link>
                  <Link href="/ops/payments">Payments</Link>
                  <Link href="/ops/settings">Settings</Link>
                  <Link href="/ops/team">Team</Link>
                  <Link href="/dev/outbox">Outbox</Link>
                </>
              )}
              {user ? (
                <>
                  <span className="who">
                    {user.name} · {roleLabels[user.role]} · {user.company.name}
                  </span>
                  <form action={signOutAction}>
                    <button type="submit" className="secondary">
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <>
                  <Link href="/partners/apply">For manufacturers</Link>
                  <Link href="/sign-in">Sign in</Link>
                  <Link href="/sign-up" className="button">
                    Create account
                  </Link>
                </>
              )}
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div>
            Instant Quote · parts made by audited manufacturing partners · your CAD files are seen only by
            you, the partner making them and our operations team, and every access is logged
          </div>
        </footer>
      </body>
    </html>
  );
}
