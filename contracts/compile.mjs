// Compiles every contract in contracts/src (the product) and contracts/test (test tokens with odd
// behaviour) with the pinned npm solc (tools/package.json) into contracts/out/<Contract>.json
// ({ contractName, abi, bytecode, storageLayout }). Run by the MarginBridge.Chains build.
// SOLC_VIA_IR=0 compiles without the IR pipeline (to compare gas).
import { createRequire } from "node:module";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "..", "tools", "package.json"));
const solc = require("solc");

const outDir = process.argv[2] ?? join(here, "out");
const sources = {};
for (const dir of ["src", "test"]) {
  for (const file of readdirSync(join(here, dir)).filter((f) => f.endsWith(".sol")).sort()) {
    sources[dir === "src" ? file : `test/${file}`] = { content: readFileSync(join(here, dir, file), "utf8") };
  }
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 10000 },
    viaIR: process.env.SOLC_VIA_IR !== "0",
    evmVersion: "cancun",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "storageLayout"] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, artifact] of Object.entries(contracts)) {
    // Interfaces have no bytecode; internal libraries are inlined and expose no functions.
    if (artifact.evm.bytecode.object.length === 0 || !artifact.abi.some((e) => e.type === "function")) continue;
    const json = { contractName: name, sourceFile: file, compiler: solc.version(), abi: artifact.abi, bytecode: "0x" + artifact.evm.bytecode.object, storageLayout: artifact.storageLayout };
    writeFileSync(join(outDir, `${name}.json`), JSON.stringify(json, null, 2) + "\n");
  }
}
console.log(`solc ${solc.version()}: compiled ${Object.keys(sources).length} sources into ${outDir}`);
