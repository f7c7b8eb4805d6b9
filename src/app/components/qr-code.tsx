import { useResource } from "../hooks/use-resource";
import { qrSvg } from "./qr-svg";
import "./qr-code.css";

/** A QR code of `text`, drawn when the encoder has loaded; `label` says what it opens. */
export function QrCode({ text, label, class: className }: { text: string; label: string; class?: string }) {
  const [svg] = useResource(() => qrSvg(text), text);
  return (
    <div
      class={`qr-code ${className ?? ""}`}
      role="img"
      aria-label={label}
      data-qr-text={text}
      // The markup is uqr's own output for our text: rects and paths, no user-supplied markup.
      dangerouslySetInnerHTML={{ __html: svg.status === "ready" ? svg.value : "" }}
    />
  );
}
