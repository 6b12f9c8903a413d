"""ZeroTrustAwsSso from Python: the same component as the TypeScript package, through the multi-language plugin.

`pulumi package add` (README.md) generates the `pulumi_zero_trust_aws_sso` module from the plugin's schema: input
types are named after the schema's object types plus `Args` (`MetadataRetrievalArgs`, `IdentityCenterArgs`, ...),
properties are snake_case.
"""
import pulumi
import pulumi_zero_trust_aws_sso as ztas

config = pulumi.Config()

sso = ztas.ZeroTrustAwsSso(
    "aws",
    account_id=config.require("accountId"),
    aws_issuer_url=config.require("awsIssuerUrl"),
    aws_acs_url=config.require("awsAcsUrl"),
    access=ztas.ZeroTrustAwsSsoAccessArgs(
        emails=config.require_object("accessEmails"),
    ),
    metadata=ztas.MetadataRetrievalArgs(
        timeout_ms=10000,
        retry=ztas.RetryPolicyArgs(attempts=8),
    ),
    identity_center=ztas.IdentityCenterArgs(
        users=[
            ztas.IdentityCenterUserArgs(email="ada@example.com", given_name="Ada", family_name="Lovelace"),
        ],
        permission_sets=[
            ztas.IdentityCenterPermissionSetArgs(
                name="ReadOnly",
                managed_policy_arns=["arn:aws:iam::aws:policy/ReadOnlyAccess"],
            ),
        ],
        assignments=[
            ztas.IdentityCenterAssignmentArgs(
                permission_set="ReadOnly",
                account_ids=["012345678901"],
                users=["ada@example.com"],
            ),
        ],
    ),
)

# `pulumi stack output metadataXml > access_saml_metadata.xml` gives the file to upload to AWS.
pulumi.export("metadataXml", sso.metadata_xml)
pulumi.export("signingCertificateSha256", sso.signing_certificate_sha256)
pulumi.export("signingCertificateNotAfter", sso.signing_certificate_not_after)
pulumi.export("accessMismatches", sso.access_mismatches)
pulumi.export("awsSetupSteps", sso.aws_setup_steps)
