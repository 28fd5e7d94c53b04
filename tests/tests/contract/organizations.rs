//! Organizations.

use clerk_backend::models::*;
use clerk_backend::multipart::FileUpload;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.organizations().list(
        OrganizationListParams::default()
            .include_members_count(true)
            .limit(10),
    ))
    .await;
    run.ok(clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme").slug("acme")))
        .await;
    run.ok(clerk.organizations().get(
        "org_1",
        GetOrganizationParams::default().include_members_count(true),
    ))
    .await;
    run.ok(clerk.organizations().update(
        "org_1",
        UpdateOrganizationParams::default().name("Acme Inc"),
    ))
    .await;
    run.ok(clerk.organizations().delete("org_1")).await;
    run.ok(clerk.organizations().update_metadata(
        "org_1",
        UpdateOrganizationMetadataParams::default()
            .public_metadata(Metadata::new())
            .private_metadata(Metadata::new()),
    ))
    .await;
    run.ok(clerk.organizations().replace_metadata(
        "org_1",
        UpdateOrganizationMetadataParams::default().public_metadata(Metadata::new()),
    ))
    .await;
    run.ok(clerk.organizations().set_logo(
        "org_1",
        OrganizationLogo::new(
            FileUpload::from_bytes(b"\x89PNG\r\n\x1a\n".to_vec(), "logo.png")
                .content_type("image/png"),
        )
        .uploader_user_id("user_1"),
    ))
    .await;
    run.ok(clerk.organizations().delete_logo("org_1")).await;
    run.ok(clerk.organizations().get_billing_subscription("org_1"))
        .await;
    run.ok(clerk.organizations().get_billing_credit_balance("org_1"))
        .await;
    run.ok(clerk.organizations().adjust_billing_credit_balance(
        "org_1",
        AdjustCreditBalanceParams::increase(500, "contract-org-credit")
            .currency("USD")
            .note("contract test"),
    ))
    .await;
    run.ok(clerk.organizations().adjust_billing_credit_balance(
        "org_1",
        AdjustCreditBalanceParams::decrease(100, "contract-org-debit"),
    ))
    .await;
}
