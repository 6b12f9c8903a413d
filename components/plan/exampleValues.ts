// The placeholder values the README's examples use. A program copied from the README and run without replacing
// them would create a SAML application for an identity store that is not the user's; refusing them up front turns
// that into an error that says what to replace. They are refused only exactly (the README shows nothing else), and
// they are not values AWS or Cloudflare would ever give a real account: runs of ones.
//
// tests/exampleValues.test.ts keeps this list and the README in step: every value here appears in the README, and the
// README's examples use no other account id, identity store id or ACS id.
import { InvalidArgumentError } from "../invalidArgumentError";
import { quoteText } from "../safeText";

/** The README's placeholder Cloudflare account id. */
export const EXAMPLE_ACCOUNT_ID = "11111111111111111111111111111111";
/** The README's placeholder IAM Identity Center identity store id (in the issuer and access portal URLs). */
export const EXAMPLE_IDENTITY_STORE_ID = "d-1111111111";
/** The README's placeholder id at the end of the ACS URL. */
export const EXAMPLE_ACS_ID = "11111111-2222-4333-8444-555555555555";

const WHERE_AWS =
    "copy yours from IAM Identity Center > Settings > Identity source > Change identity source > External identity provider > Service provider metadata";

/** Which argument a value is for; the field name in messages may differ (the CLI's). */
export type ExampleValueKind = "accountId" | "awsIssuerUrl" | "awsAcsUrl" | "awsAccessPortalUrl";

/** Throws when `value` (a known string) is one of the README's placeholders for a `kind` argument, named `field`. */
export function checkNotExampleValue(kind: ExampleValueKind, value: unknown, field: string = kind): void {
    if (typeof value !== "string") return;
    const still = `${quoteText(value)} is still the example value from the README`;
    switch (kind) {
        case "accountId":
            if (value.toLowerCase() === EXAMPLE_ACCOUNT_ID) {
                throw new InvalidArgumentError(
                    field,
                    `${still}; use your Cloudflare account id (the 32 hex characters in dash.cloudflare.com/<account id>).`,
                );
            }
            return;
        case "awsIssuerUrl":
            if (pathEndsWith(value, `/platform/saml/${EXAMPLE_IDENTITY_STORE_ID}`))
                throw new InvalidArgumentError(field, `${still}; ${WHERE_AWS}.`);
            return;
        case "awsAcsUrl":
            if (pathEndsWith(value, `/platform/saml/acs/${EXAMPLE_ACS_ID}`))
                throw new InvalidArgumentError(field, `${still}; ${WHERE_AWS}.`);
            return;
        case "awsAccessPortalUrl":
            if (hostOf(value).startsWith(`${EXAMPLE_IDENTITY_STORE_ID}.`)) {
                throw new InvalidArgumentError(
                    field,
                    `${still}; copy your AWS access portal URL from IAM Identity Center > Settings, or leave it out.`,
                );
            }
            return;
    }
}

function pathEndsWith(value: string, suffix: string): boolean {
    try {
        return new URL(value).pathname.replace(/\/+$/, "").toLowerCase().endsWith(suffix.toLowerCase());
    } catch {
        return false;
    }
}

function hostOf(value: string): string {
    try {
        return new URL(value).hostname.toLowerCase();
    } catch {
        return "";
    }
}
