// @vitest-environment jsdom
/// <reference lib="dom" />
// docs/components/chart.js csvLink: the figure's CSV is built when the reader reaches for the
// link, and the download is the same CSV as before (excelCsv of the rows).
import { afterEach, describe, expect, it } from "vitest";

// @ts-expect-error: a page component, plain JavaScript without types
import * as chart from "../../docs/components/chart.js";

type Link = HTMLAnchorElement;
const csvLink = chart.csvLink as (
  rows: object[],
  columns: { key: string; label: string }[],
  filename: string,
) => Link;
const excelCsv = chart.excelCsv as (rows: object[], columns: object[]) => string;

const rows = [
  { period_end: "2024-12-31", value: 1234.5, scope: "=SOM(A1)" },
  { period_end: "2025-03-31", value: null, scope: 'CIC "West"' },
];
const columns = [
  { key: "period_end", label: "Peildatum" },
  { key: "value", label: "Waarde" },
  { key: "scope", label: "Netwerk" },
];

/** A blob's bytes (jsdom's Blob has no arrayBuffer()). */
const read = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = reject;
    reader.readAsArrayBuffer(blob);
  });

const made: Blob[] = [];
const original = URL.createObjectURL;
afterEach(() => {
  URL.createObjectURL = original;
  made.length = 0;
});
const watchBlobs = () => {
  URL.createObjectURL = (blob: Blob) => {
    made.push(blob);
    return `blob:csv-${made.length}`;
  };
};

describe("csvLink", () => {
  it("builds no CSV until the link is used", () => {
    watchBlobs();
    const link = csvLink(rows, columns, "trend");
    expect(made).toHaveLength(0);
    expect(link.getAttribute("href")).toBe("#");
    expect(link.getAttribute("download")).toBe("trend.csv");
    expect(link.textContent).toBe("Download als CSV (Excel)");
  });

  it("on click, before the download, points at the same CSV bytes as before, once", async () => {
    watchBlobs();
    const link = csvLink(rows, columns, "trend");
    let hrefAtClick = "";
    // Listeners run in order: this one after csvLink's, as the browser's download would.
    link.addEventListener("click", (event) => {
      hrefAtClick = link.getAttribute("href")!;
      event.preventDefault(); // jsdom would try to navigate
    });
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    expect(hrefAtClick).toBe("blob:csv-1");
    expect(made).toHaveLength(1);
    expect(made[0]!.type).toBe("text/csv;charset=utf-8");
    const bytes = await read(made[0]!);
    expect([...bytes]).toEqual([...new TextEncoder().encode(excelCsv(rows, columns))]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      '\ufeffPeildatum;Waarde;Netwerk\r\n31-12-2024;1234,5;\'=SOM(A1)\r\n31-03-2025;;"CIC ""West"""\r\n',
    );
    link.dispatchEvent(new FocusEvent("focus"));
    link.dispatchEvent(new MouseEvent("click", { cancelable: true }));
    expect(made).toHaveLength(1);
  });

  it("is built on focus or pointer too, so that a keyboard or a context menu finds it", () => {
    watchBlobs();
    const focused = csvLink(rows, columns, "a");
    focused.dispatchEvent(new FocusEvent("focus"));
    expect(focused.getAttribute("href")).toBe("blob:csv-1");
    const pointed = csvLink(rows, columns, "b");
    pointed.dispatchEvent(new Event("pointerenter"));
    expect(pointed.getAttribute("href")).toBe("blob:csv-2");
  });
});
