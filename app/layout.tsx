import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { pageGuards } from "@/lib/auth/guard-table";
import { may } from "@/lib/auth/permissions";
import { areaForRole, roleLabels, type Area } from "@/lib/auth/roles";
import { signOutAction } from "./(auth)/actions";
import { MainNavLinks, type MainNavLink } from "./_components/main-nav-links";
import "./globals.css";
import styles from "./layout.module.css";

export const metadata: Metadata = {
  title: { default: "Instant Quote — CNC and 3D-printed parts", template: "%s · Instant Quote" },
  description:
    "Upload a CAD file and get a price, a delivery date and honest manufacturability feedback in seconds.",
  icons: { icon: "/favicon.svg" },
};

const areaLinks: Record<Area, MainNavLink[]> = {
  buyer: [
    { href: "/", label: "Parts" },
    { href: "/cart", label: "Cart" },
    { href: "/orders", label: "Orders" },
    { href: "/team", label: "Team" },
  ],
  supplier: [
    { href: "/supplier", label: "Offers" },
    { href: "/supplier/jobs", label: "Jobs" },
    { href: "/supplier/capacity", label: "Capacity" },
    { href: "/supplier/scorecard", label: "Scorecard" },
    { href: "/supplier/payouts", label: "Payouts" },
    { href: "/supplier/profile", label: "Profile" },
    { href: "/supplier/team", label: "Team" },
  ],
  ops: [
    { href: "/ops/exceptions", label: "Exceptions" },
    { href: "/ops/orders", label: "Orders" },
    { href: "/ops/suppliers", label: "Partners" },
    { href: "/ops/quality", label: "Quality" },
    { href: "/ops/quotes", label: "Quotes" },
    { href: "/ops/matching", label: "Matching" },
    { href: "/ops/payments", label: "Payments" },
    { href: "/ops/exports", label: "Exports" },
    { href: "/ops/invoice-terms", label: "Credit" },
    { href: "/ops/settings", label: "Settings" },
    { href: "/ops/team", label: "Team" },
    { href: "/dev/outbox", label: "Outbox" },
  ],
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const area = user ? areaForRole(user.role) : undefined;
  return (
    <html lang="en">
      <body>
        <a href="#main" className={styles.skipLink}>
          Skip to content
        </a>
        <header className={styles.siteHeader}>
          <div className={styles.siteHeaderInner}>
            <Link href="/" className={styles.brand}>
              Instant<span>Quote</span>
            </Link>
            <nav className={styles.nav} aria-label="Main">
              {user && area && (
                <MainNavLinks
                  links={areaLinks[area].filter((link) =>
                    may(user.role, pageGuards[link.href as keyof typeof pageGuards] ?? "public"),
                  )}
                />
              )}
              {!user && (
                <>
                  <Link href="/partners/apply">For manufacturers</Link>
                  <Link href="/sign-in">Sign in</Link>
                  <Link href="/sign-up" className="button">
                    Create account
                  </Link>
                </>
              )}
            </nav>
            {user && (
              // Beside the brand on a phone, where the links below scroll sideways in one row.
              <div className={styles.account}>
                <span className={styles.who}>
                  <Link href="/account" className={styles.whoName} title="Your account">
                    {user.name}
                  </Link>
                  {/* Two lines on screen; read aloud as one phrase. */}
                  <span className="visually-hidden">, </span>
                  {/* Operations all work for the platform: its name would only push the links to a second row. */}
                  <span>
                    {roleLabels[user.role]}
                    {area !== "ops" && ` · ${user.company.name}`}
                  </span>
                </span>
                <form action={signOutAction}>
                  <button type="submit" className="secondary">
                    Sign out
                  </button>
                </form>
              </div>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className={styles.siteFooter}>
          <div>
            <p className={styles.footerNote}>
              Instant Quote · parts made by audited manufacturing partners · your CAD files are seen only by
              you, the partner making them and our operations team, and every access is logged
            </p>
            <nav className={styles.footerLinks} aria-label="Legal">
              <Link href="/imprint">Imprint</Link>
              <Link href="/terms">Terms of business</Link>
              <Link href="/privacy">Privacy notice</Link>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
