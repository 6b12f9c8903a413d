// Offline checks of a Pulumi package schema: the metaschema (pkg/codegen/schema/pulumi.json, draft 2020-12) and
// every `$ref` in it resolving (Pulumi's `$ref`s are data to the metaschema, so JSON Schema validation cannot see them).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import * as path from "path";

// pulumi/pulumi pkg/codegen/schema/pulumi.json at commit 01c4ec37f501a3eb579e0a092da0e63fc43cf03c, saved as a fixture.
const METASCHEMA_PATH = path.join(__dirname, "..", "..", "tests", "fixtures", "pulumi-metaschema.json");
const BUILTIN_REFS = new Set(["pulumi.json#/Any", "pulumi.json#/Archive", "pulumi.json#/Asset", "pulumi.json#/Json"]);

let validator: ReturnType<Ajv2020["compile"]> | undefined;

/** Metaschema violations, as `<instancePath> <message>` lines; empty when valid. */
export function metaschemaErrors(schema: unknown): string[] {
    if (!validator) {
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        addFormats(ajv);
        validator = ajv.compile(require(METASCHEMA_PATH));
    }
    if (validator(schema)) return [];
    return (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}

/** `$ref`s that point nowhere: local types/resources that do not exist, and anything not local or built in. */
export function danglingRefs(schema: { types?: object; resources?: object }): string[] {
    return collectRefs(schema).filter((ref) => !refResolves(schema, ref));
}

function refResolves(schema: { types?: object; resources?: object }, ref: string): boolean {
    if (BUILTIN_REFS.has(ref)) return true;
    const local = /^#\/(types|resources)\/(.+)$/.exec(ref);
    if (!local) return false;
    const table = (local[1] === "types" ? schema.types : schema.resources) ?? {};
    return decodeURIComponent(local[2]) in table;
}

function collectRefs(value: unknown, into: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => collectRefs(v, into));
    else if (value !== null && typeof value === "object") {
        for (const [key, v] of Object.entries(value)) {
            if (key === "$ref" && typeof v === "string") into.push(v);
            else collectRefs(v, into);
        }
    }
    return into;
}
