// Reads the .trx files of a `dotnet test` run and prints the plain closing line "N passed, M failed".
// Exits 1 when anything failed, or when nothing ran at all.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".trx"))) {
  const xml = readFileSync(join(dir, file), "utf8");
  for (const match of xml.matchAll(/<UnitTestResult\b[^>]*\boutcome="(\w+)"/g)) {
    if (match[1] === "Passed") passed++;
    else if (match[1] === "NotExecuted") skipped++;
    else failed++;
  }
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed > 0 || passed === 0 ? 1 : 0);
