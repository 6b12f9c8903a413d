// One list of people, two systems: who passes the Cloudflare Access policy versus who has an Identity Center user.
import { compareCodeUnits } from "../identityCenter/identityCenterPlan";

/**
 * People allowed on one side only, lower-cased and sorted.
 */
export interface AccessMismatches {
    /**
     * Emails listed in the Access policy (`access.emails`) without an Identity Center user: they pass Cloudflare but
     * AWS rejects the sign-in. Email domains and Access groups cannot be enumerated, so they never appear here.
     */
    cloudflareOnly: string[];
    /**
     * Identity Center users whose email is neither listed in `access.emails` nor in one of `access.emailDomains`
     * (exact domain; Cloudflare's email-domain rule does not match subdomains): Cloudflare will not let them in.
     * Always empty when `access.groupIds` is non-empty, because Access group membership cannot be known here and
     * reporting every user would be noise.
     */
    awsOnly: string[];
}

/**
 * Compares who the Cloudflare Access policy lets through with who has an Identity Center user. Everything is
 * compared case-insensitively and returned lower-cased and sorted.
 *
 * A user is covered when their email is in `access.emails` or the part after `@` equals one of
 * `access.emailDomains` exactly (Cloudflare's email-domain rule does not match subdomains). When `access.groupIds`
 * is non-empty, uncovered users are not reported in `awsOnly`: an Access group may well contain them, and its
 * membership cannot be known at deployment time.
 *
 * @param access The Access rules: `emails`, `emailDomains`, `groupIds`.
 * @param userEmails The Identity Center users' emails (any case).
 */
export function compareAccessWithIdentityCenter(
    access: { emails?: string[]; emailDomains?: string[]; groupIds?: string[] },
    userEmails: string[],
): AccessMismatches {
    const allowed = new Set((access.emails ?? []).map((e) => e.toLowerCase()));
    const domains = new Set((access.emailDomains ?? []).map((d) => d.toLowerCase()));
    const users = new Set(userEmails.map((e) => e.toLowerCase()));
    const cloudflareOnly = [...allowed].filter((e) => !users.has(e));
    const groupsMayCover = (access.groupIds ?? []).length > 0;
    const awsOnly = groupsMayCover ? [] : [...users].filter((e) => !allowed.has(e) && !domains.has(e.slice(e.lastIndexOf("@") + 1)));
    return { cloudflareOnly: cloudflareOnly.sort(compareCodeUnits), awsOnly: awsOnly.sort(compareCodeUnits) };
}
