import type { QrModules } from "@/lib/bank-transfers/epc-payment-code";

/**
 * A QR code as one SVG path (a square per dark module) with the four-module quiet zone scanners need,
 * drawn on the server: no image request, nothing for the CSP to allow.
 */
export function QrCodeSvg({
  modules,
  label,
  className,
}: {
  modules: QrModules;
  label: string;
  className?: string;
}) {
  const quiet = 4;
  let path = "";
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.dark[row * modules.size + column]) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
  const extent = modules.size + 2 * quiet;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${extent} ${extent}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
