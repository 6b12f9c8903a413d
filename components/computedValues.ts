// Values that arrive after construction (Outputs the user passes, values a provider computes): how the component
// marks one unknown during a preview, and the error it raises for a bad or missing one.
//
// The error is one object, shared by every input and output the problem stops. Why one object with a fixed message: every resource input that rejects goes through the SDK's serializer, which
// prepends `error serializing property "<key>": ` to the message of the very error object it caught, once per input
// (@pulumi/pulumi runtime/rpc.js, serializeProperties). One bad value that holds up ten inputs would read
// `error serializing property "url": error serializing property "accountId": ...`, naming properties that are not the
// bad one. The engine's language host reports an unhandled error once per object (cmd/run/run.js keeps a set of the
// errors it logged), so a shared object whose message ignores those rewrites is printed once, and its first line is
// ours: the component, the bad field and the fix.
import * as pulumi from "@pulumi/pulumi";

/**
 * A `pulumi.ResourceError` against `resource`, without a stack trace, whose message cannot be rewritten: writes to
 * `message` are ignored.
 */
export function reportedOnceError(message: string, resource: pulumi.Resource): pulumi.ResourceError {
    const error = new pulumi.ResourceError(message, resource, true);
    Object.defineProperty(error, "message", {
        get: () => message,
        set: () => undefined,
        enumerable: false,
        configurable: true,
    });
    return error;
}

/**
 * The value to return from an `apply` callback when the value it derives is not known yet: the returned Output is
 * then unknown, exactly as if the engine had reported it unknown, so that dependent `apply` callbacks do not run in a
 * preview. (Returning `undefined` would make a *known* undefined.) The SDK collapses an Output whose value is or
 * contains `pulumi.unknown` to an unknown Output (@pulumi/pulumi output.js, the `isKnown` of OutputImpl).
 */
export function unknownValue<T>(): T {
    return pulumi.unknown as unknown as T;
}
