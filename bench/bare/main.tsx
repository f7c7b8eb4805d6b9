import { render } from "preact";
import { useState } from "preact/hooks";

// The baseline page: Preact alone showing one single-choice question, the app's first (bench/bare/build.ts).
declare const __FIRST_QUESTION__: { label: string; options: string[] };

function Question() {
  const [choice, setChoice] = useState<string>();
  return (
    <fieldset>
      <legend>{__FIRST_QUESTION__.label}</legend>
      {__FIRST_QUESTION__.options.map((label) => (
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
