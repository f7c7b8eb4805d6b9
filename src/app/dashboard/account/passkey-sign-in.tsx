import { useState } from "preact/hooks";
import { t } from "../../../i18n";
import { signInWithPasskey } from "../../collector/account-api";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";

/**
 * "Sign in with a passkey": the browser offers this device's passkeys for the collector (no login
 * typed: they are discoverable). A cancelled prompt or a passkey no account has says so.
 */
export function PasskeySignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [busy, once] = useOneAtATime();
  const [failed, setFailed] = useState(false);
  if (typeof window.PublicKeyCredential !== "function") return null;
  return (
    <div class="passkey-sign-in">
      {failed && (
        <p class="notice notice--error" role="alert">
          {t("account.passkeyFailed")}
        </p>
      )}
      <button
        type="button"
        class="button"
        aria-disabled={busy}
        onClick={() =>
          once(async () => {
            try {
              await signInWithPasskey();
              onSignedIn();
            } catch {
              setFailed(true);
            }
          })
        }
      >
        {t("account.signInWithPasskey")}
      </button>
    </div>
  );
}
