import { engineFailure } from "./cad-model";

/**
 * Where a STEP (ISO 10303-21) exchange structure ends, and whether what follows may follow.
 *
 * ISO 10303-21:2016 (3rd edition), clause 5.2: octets outside 0x20–0x7E and 0x80–0xF4 "shall be ignored
 * when processing the exchange structure" (line ends, NUL or SUB padding that some transfers add);
 * clause 5.5/5.6: comments (`/* … *\/`) are separators and may stand wherever a space may; clause 5.3
 * (WSN): `exchange_file = "ISO-10303-21;" header_section [anchor_section] [reference_section]
 * {data_section} "END-ISO-10303-21;" {signature_section}`, with `signature_section = "SIGNATURE"
 * signature_content "ENDSEC;"`. So after `END-ISO-10303-21;` may come spaces, ignored octets, comments and
 * signature sections; anything else does not belong to the file (and a file without the keyword was cut).
 */
export type StepExchangeEnd =
  | { ok: true; /** Bytes up to and including the end keyword's semicolon. */ endOffset: number }
  | { ok: false; reason: "missing_end" | "content_after_end" };

/** The tail examined: a signature or comment longer than this after the end is not accepted. */
const tailBytes = 1024 * 1024;

export function findStepExchangeEnd(bytes: Uint8Array): StepExchangeEnd {
  const tailStart = Math.max(0, bytes.length - tailBytes);
  const text = new TextDecoder("latin1").decode(bytes.subarray(tailStart));
  // The last keyword, then optional separators before its semicolon (spaces are separators too).
  const pattern = /END-ISO-10303-21[\s\x00-\x1f]*;/g;
  let match: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  while ((match = pattern.exec(text))) last = match;
  if (!last) return { ok: false, reason: "missing_end" };
  const endInText = last.index + last[0].length;
  const rest = text
    .slice(endInText)
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/SIGNATURE[\s\S]*?ENDSEC[\s\x00-\x1f]*;/g, " ")
    .replace(/[^\x21-\x7e]/g, "");
  if (rest.length > 0) return { ok: false, reason: "content_after_end" };
  // Latin-1 decodes one character per byte, so text offsets are byte offsets.
  return { ok: true, endOffset: tailStart + endInText };
}

/** The buyer's message for a STEP file whose end is missing (cut off) or followed by data. */
export function stepEndFailure(reason: "missing_end" | "content_after_end") {
  return reason === "missing_end"
    ? engineFailure(
        "truncated",
        "The STEP file is cut off before its end (no END-ISO-10303-21). The upload or export was interrupted; export and upload it again.",
      )
    : engineFailure(
        "malformed",
        "The STEP file has data after its end (END-ISO-10303-21;). Export it again from your CAD system, as AP214 or AP242.",
      );
}
