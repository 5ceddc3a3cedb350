// Arrow IPC payloads (docs/data/*.arrow, written by loaders/arrow.ts) as the plain row objects the
// pages use: text as strings, dates as ISO text 'YYYY-MM-DD', integers and numbers as numbers
// (never BigInt), empty cells as null. A page reads one so:
//   const rows = rowsOf(tableFromIPC(await FileAttachment("data/x.arrow").arrayBuffer()));

/** The rows of an Arrow table (apache-arrow's Table) as plain objects, in order. */
export function rowsOf(table) {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => table.getChild(name));
  const rows = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row = {};
    for (let j = 0; j < names.length; j++) {
      const value = columns[j].get(i);
      row[names[j]] = typeof value === "bigint" ? Number(value) : (value ?? null);
    }
    rows[i] = row;
  }
  return rows;
}
