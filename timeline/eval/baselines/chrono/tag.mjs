// tag.mjs runs chrono-node over gold texts: it reads {"path", "dct", "body"}
// lines (go run ./timeline/eval/baselines dump) on standard input and writes
// {"path", "timexes": [{"start", "end", "type", "value"}]} lines, with byte
// offsets into body, for go run ./timeline/eval/baselines import.
//
// A match is a TIME when chrono knows its hour, else a DATE valued at the
// finest unit chrono knows (day or weekday, month, year), the day when it knows
// none; the DCT is chrono's reference date.
import * as chrono from "chrono-node";
import * as readline from "node:readline";

const pad = (n, w = 2) => String(n).padStart(w, "0");

function value(c) {
  const y = pad(c.get("year"), 4), m = pad(c.get("month")), d = pad(c.get("day"));
  if (c.isCertain("hour")) return ["TIME", `${y}-${m}-${d}T${pad(c.get("hour"))}:${pad(c.get("minute") ?? 0)}`];
  if (c.isCertain("day") || c.isCertain("weekday")) return ["DATE", `${y}-${m}-${d}`];
  if (c.isCertain("month")) return ["DATE", `${y}-${m}`];
  if (c.isCertain("year")) return ["DATE", y];
  return ["DATE", `${y}-${m}-${d}`];
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const ref = doc.dct ? new Date(doc.dct + "T12:00:00Z") : new Date("2000-01-01T12:00:00Z");
  const timexes = [];
  for (const r of chrono.parse(doc.body, ref)) {
    const start = Buffer.byteLength(doc.body.slice(0, r.index), "utf8");
    const end = start + Buffer.byteLength(r.text, "utf8");
    const [type, v] = value(r.start);
    timexes.push({ start, end, type, value: v });
  }
  process.stdout.write(JSON.stringify({ path: doc.path, timexes }) + "\n");
}
