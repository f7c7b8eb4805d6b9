import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { Field } from "../../src/app/components/field";

describe("Field", () => {
  it("draws label, hint and input in that order, the input described by the hint", () => {
    const html = renderToString(
      <Field id="organizer-token" label="Token" hint="From the collector">
        {(control) => <input {...control} type="password" />}
      </Field>,
    );
    expect(html).toBe(
      '<label for="organizer-token" class="field-label">Token</label>' +
        '<p id="organizer-token-help" class="hint">From the collector</p>' +
        '<input id="organizer-token" aria-describedby="organizer-token-help" type="password"/>',
    );
  });

  it("keeps an empty message line in the page and names it, after a hint of another id", () => {
    const html = renderToString(
      <Field
        id="endpoint"
        label="Endpoint"
        hint="Where to send"
        hintId="endpoint-help"
        message={{ id: "endpoint-feedback", text: "", role: "status" }}
        invalid
      >
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(html).toContain(
      '<input id="endpoint" aria-describedby="endpoint-help endpoint-feedback" aria-invalid="true"/>',
    );
    expect(html).toMatch(/<p id="endpoint-feedback" class="field-error" role="status"><\/p>$/);
  });

  it("puts outside ids first, then the note under the input, and draws a given title instead of a label", () => {
    const html = renderToString(
      <Field
        id="q1-input"
        title={<h1>Age</h1>}
        describedBy="q1-help q1-error"
        note={{ id: "q1-range", text: "0 to 120", class: "hint" }}
      >
        {(control) => <input {...control} type="number" />}
      </Field>,
    );
    expect(html).toBe(
      "<h1>Age</h1>" +
        '<input id="q1-input" aria-describedby="q1-help q1-error q1-range" type="number"/>' +
        '<p id="q1-range" class="hint">0 to 120</p>',
    );
  });

  it("leaves aria-describedby and aria-invalid off when nothing describes the input and it is valid", () => {
    const html = renderToString(
      <Field id="event-name" label="Name">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(html).toBe('<label for="event-name" class="field-label">Name</label><input id="event-name"/>');
  });
});
