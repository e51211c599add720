/**
 * The image type of a stored complaint photo, read from its first bytes rather than from what the
 * uploading browser claimed: the route serves it with exactly this type (and `nosniff`), so a file that
 * is not one of these images is never shown inline as one. HEIC is recognised but browsers cannot draw
 * it, so it is downloaded.
 */
export function complaintPhotoType(
  head: Uint8Array,
): { contentType: string; extension: string; inline: boolean } | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return { contentType: "image/jpeg", extension: "jpg", inline: true };
  if (head[0] === 0x89 && ascii(1, 4) === "PNG")
    return { contentType: "image/png", extension: "png", inline: true };
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP")
    return { contentType: "image/webp", extension: "webp", inline: true };
  if (ascii(4, 8) === "ftyp" && /^(heic|heix|hevc|mif1|msf1)$/.test(ascii(8, 12)))
    return { contentType: "image/heic", extension: "heic", inline: false };
  return null;
}
