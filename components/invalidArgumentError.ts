/**
 * A bad argument to one of this package's resources, found before anything was created.
 *
 * The component turns it into a `pulumi.ResourceError` so that Pulumi prints the message against the resource
 * without a stack trace. The message always starts with the argument's path (for example `access.emails[2]`) and
 * ends with what to do about it.
 */
export class InvalidArgumentError extends Error {
    /** The argument path, e.g. `awsIssuerUrl` or `identityCenter.users[3].email`. */
    public readonly field: string;

    constructor(field: string, message: string) {
        super(`${field}: ${message}`);
        this.name = "InvalidArgumentError";
        this.field = field;
    }
}
