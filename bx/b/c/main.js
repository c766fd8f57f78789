#!/usr/bin/env node
import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);

// dist/engine/cli/main.js
import { readFileSync } from "node:fs";
var packageJson = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
var args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`cxplay ${packageJson.version}
`);
} else {
  const { runCli } = await import("./program-GRFZHVYA.js");
  process.exitCode = await runCli(process.argv, packageJson.version);
}
