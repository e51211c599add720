"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface MainNavLink {
  href: string;
  label: string;
}

/** Whether `pathname` is `href` or a page below it, segment by segment ("/ops/quotes" is not below "/ops/quote"). */
function isAtOrBelow(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(href === "/" ? "/" : `${href}/`);
}

/**
 * The signed-in user's links, the one for the current page marked (aria-current and underlined): the
 * link with the longest href the path is at or below, so /supplier/jobs marks Jobs, not Offers at /supplier.
 */
export function MainNavLinks({ links }: { links: MainNavLink[] }) {
  const pathname = usePathname();
  const current = links
    .filter((link) => isAtOrBelow(pathname, link.href))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return links.map((link) => (
    <Link key={link.href} href={link.href} aria-current={link === current ? "page" : undefined}>
      {link.label}
    </Link>
  ));
}
