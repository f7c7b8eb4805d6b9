/**
 * A QR code as SVG markup. The encoder (uqr) is its own chunk, fetched only by the staff and
 * organizer screens that draw codes: a resident's first load never carries it.
 */
export async function qrSvg(text: string): Promise<string> {
  const { renderSVG } = await import("uqr");
  // ecc "M" survives a crease or a smudge on a printed flyer; border 4 is the quiet zone the spec asks.
  return renderSVG(text, { ecc: "M", border: 4 });
}
