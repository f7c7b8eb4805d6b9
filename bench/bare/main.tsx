import { render } from "preact";
import { useState } from "preact/hooks";

// The baseline page: Preact alone showing one single-choice question, built the same way as the app.
function Question() {
  const [choice, setChoice] = useState<string>();
  return (
    <fieldset>
      <legend>水や食料などの備蓄、家具の固定など、ご家庭や地域で防災対策をしていますか。</legend>
      {["している", "していない", "わからない"].map((label) => (
        <label key={label}>
          <input type="radio" name="q" checked={choice === label} onChange={() => setChoice(label)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

const root = document.getElementById("app");
if (root) render(<Question />, root);
