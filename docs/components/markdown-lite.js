import { html } from "htl";

/** Inline Markdown: `code` and **bold**; all text is escaped by htl. */
function inline(text) {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).filter((p) => p !== "");
  return parts.map((p) =>
    p.startsWith("`")
      ? html`<code>${p.slice(1, -1)}</code>`
      : p.startsWith("**")
        ? html`<strong>${inline(p.slice(2, -2))}</strong>`
        : p,
  );
}

/**
 * Renders the small Markdown subset of texts that come from src/ (paragraphs, `###` headings as h4,
 * `-` lists, fenced code blocks, inline code and bold) as escaped DOM nodes.
 */
export function markdownLite(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("```")) {
      const code = [];
      while (++i < lines.length && !lines[i].startsWith("```")) code.push(lines[i]);
      // Long lines wrap, so that at 200 % zoom the example needs no sideways scrolling.
      blocks.push(
        html`<pre
          tabindex="0"
          aria-label="Voorbeeld"
          style="white-space: pre-wrap; overflow-wrap: anywhere"
        ><code>${code.join("\n")}</code></pre>`,
      );
    } else if (line.startsWith("### ")) {
      blocks.push(html`<h4>${inline(line.slice(4))}</h4>`);
    } else if (line.startsWith("- ")) {
      const items = [];
      while (i < lines.length && lines[i].startsWith("- ")) {
        let item = lines[i].slice(2);
        while (i + 1 < lines.length && lines[i + 1].startsWith("  "))
          item += ` ${lines[++i].trim()}`;
        items.push(item);
        i++;
      }
      i--;
      blocks.push(
        html`<ul>
          ${items.map((t) => html`<li>${inline(t)}</li>`)}
        </ul>`,
      );
    } else if (line.trim() !== "") {
      const paragraph = [line];
      while (
        i + 1 < lines.length &&
        lines[i + 1].trim() !== "" &&
        !/^(```|### |- )/.test(lines[i + 1])
      ) {
        paragraph.push(lines[++i]);
      }
      blocks.push(html`<p>${inline(paragraph.join(" "))}</p>`);
    }
  }
  return html`<div class="markdown-lite">${blocks}</div>`;
}
