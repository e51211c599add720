const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Germany" for "DE": documents print the country's name, never its ISO code (unknown codes stay as given). */
export function countryName(countryCode: string | null | undefined): string {
  if (!countryCode) return "";
  try {
    return regionNames.of(countryCode.toUpperCase()) ?? countryCode;
  } catch {
    return countryCode;
  }
}
