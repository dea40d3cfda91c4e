// Compiles every contract in contracts/src with the pinned npm solc (tools/package.json) into
// contracts/out/<Contract>.json ({ contractName, abi, bytecode }). Run by the MarginBridge.Chains build.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "..", "tools", "package.json"));
const solc = require("solc");

const srcDir = join(here, "src");
const outDir = process.argv[2] ?? join(here, "out");
const sources = {};
for (const file of readdirSync(srcDir).filter((f) => f.endsWith(".sol")).sort()) {
  sources[file] = { content: readFileSync(join(srcDir, file), "utf8") };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 10000 },
    viaIR: true,
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
