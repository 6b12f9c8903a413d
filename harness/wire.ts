// Pulumi's property-value wire format inside protobuf Structs (see @pulumi/pulumi/runtime/rpc.js): special objects
// tagged by a signature key, and a sentinel string for unknown (preview) values. The plugin harness speaks it over
// gRPC; mock-based tests meet it in the inputs the SDK's mock monitor hands to `newResource`.

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A secret as the engine sends it to a provider that accepts secrets. */
export function secret(value: unknown): Record<string, unknown> {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/**
 * Strips the wire wrappers: secrets and output values become their plain values (an unknown output value becomes
 * UNKNOWN), resource references become their URN. Other values are copied as they are.
 */
export function unwrap(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrap);
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    switch (obj[SIG_KEY]) {
        case SECRET_SIG:
            return unwrap(obj.value);
        case OUTPUT_VALUE_SIG:
            return "value" in obj ? unwrap(obj.value) : UNKNOWN;
        case RESOURCE_SIG:
            return obj.urn;
        default:
            return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, unwrap(v)]));
    }
}

/** Whether `value` is a secret wrapper (`{ <SIG_KEY>: SECRET_SIG, value }`). */
export function isSecretWire(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** `value` with every secret wrapper replaced by what it holds; nothing else changes (unlike {@link unwrap}). */
export function revealSecrets(value: unknown): unknown {
    if (isSecretWire(value)) return revealSecrets(value.value);
    if (Array.isArray(value)) return value.map(revealSecrets);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealSecrets(v)]));
    }
    return value;
}

/** The JSON of `value` with every secret wrapper blanked out: what would be visible without decrypting. */
export function visibleJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) => (isSecretWire(v) ? "[secret]" : v));
}

/** True when the value, anywhere inside, is a secret (or a secret output value). */
export function containsSecret(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(containsSecret);
    if (value === null || typeof value !== "object") return false;
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG || (obj[SIG_KEY] === OUTPUT_VALUE_SIG && obj.secret === true)) return true;
    return Object.values(obj).some(containsSecret);
}

/** An output value as the engine sends it to a provider that accepts outputs; without `value` it is unknown. */
export function outputValue(value: unknown, options: { secret?: boolean; dependencies?: string[] } = {}): Record<string, unknown> {
    const known = value === UNKNOWN ? {} : { value };
    return { [SIG_KEY]: OUTPUT_VALUE_SIG, ...known, ...(options.secret ? { secret: true } : {}), dependencies: options.dependencies ?? [] };
}
