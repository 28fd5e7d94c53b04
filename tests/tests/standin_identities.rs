//! The stand-in's identities and organization structure through this crate's own client:
//! email addresses and phone numbers of users, organization permissions and roles (and the
//! permissions memberships show), and organization domains.

use std::time::Duration;

use clerk_backend::models::{
    CreateEmailAddressParams, CreateOrganizationDomainParams, CreateOrganizationMembershipParams,
    CreateOrganizationParams, CreatePermissionParams, CreatePhoneNumberParams, CreateRoleParams,
    CreateUserParams, EnrollmentMode, EnrollmentModeFilter, OrganizationDomainListParams,
    PermissionListParams, RoleListParams, UpdateEmailAddressParams, UpdateOrganizationDomainParams,
    UpdateOrganizationMembershipParams, UpdatePermissionParams, UpdatePhoneNumberParams,
    UpdateRoleParams, VerificationStatus,
};
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_tests::refusal;

/// A user with one verified address, `ada@example.com`.
async fn ada(standin: &StandIn) -> clerk_backend::models::User {
    standin
        .clerk()
        .users()
        .create(CreateUserParams::default().email_address(["ada@example.com"]))
        .await
        .expect("user")
}

#[tokio::test]
async fn email_addresses_are_added_verified_made_primary_and_deleted() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let first = user.primary_email_address_id.clone().expect("a primary");

    let work = clerk
        .email_addresses()
        .create(CreateEmailAddressParams::new(&user.id, "ada@work.example"))
        .await
        .expect("a second address");
    assert!(work.id.as_deref().is_some_and(|id| id.starts_with("idn_")));
    assert_eq!(work.verification, None, "unverified unless asked");
    let id = work.id.clone().expect("id");

    // The address is part of the user, and the first one stays primary.
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.email_addresses.len(), 2);
    assert_eq!(
        after.primary_email_address_id.as_deref(),
        Some(first.as_str())
    );
    assert_eq!(clerk.email_addresses().get(&id).await.expect("get"), work);

    let verified = clerk
        .email_addresses()
        .update(&id, UpdateEmailAddressParams::default().verified(true))
        .await
        .expect("verify");
    assert_eq!(
        verified.verification.map(|v| v.status),
        Some(VerificationStatus::Verified)
    );
    clerk
        .email_addresses()
        .update(&id, UpdateEmailAddressParams::default().primary(true))
        .await
        .expect("make primary");
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.primary_email_address_id.as_deref(), Some(id.as_str()));

    // The primary address stays until another is primary; the old one can go.
    assert_eq!(
        refusal(clerk.email_addresses().delete(&id).await),
        (
            400,
            "primary_identification_deletion_not_allowed".into(),
            None
        )
    );
    let gone = clerk
        .email_addresses()
        .delete(&first)
        .await
        .expect("delete");
    assert!(gone.deleted);
    assert_eq!(gone.object, "email_address");
    assert_eq!(
        refusal(clerk.email_addresses().get(&first).await),
        (404, "resource_not_found".into(), None)
    );
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.email_addresses.len(), 1);

    // Made primary on creation.
    let home = clerk
        .email_addresses()
        .create(
            CreateEmailAddressParams::new(&user.id, "ada@home.example")
                .verified(true)
                .primary(true),
        )
        .await
        .expect("a primary address");
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.primary_email_address_id, home.id);
}

#[tokio::test]
async fn email_addresses_are_unique_well_formed_and_need_a_user() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let other = clerk
        .users()
        .create(CreateUserParams::default().username("grace"))
        .await
        .expect("user");

    assert_eq!(
        refusal(
            clerk
                .email_addresses()
                .create(CreateEmailAddressParams::new(&other.id, "ADA@example.com"))
                .await
        ),
        (
            422,
            "form_identifier_exists".into(),
            Some("email_address".into())
        )
    );
    assert_eq!(
        refusal(
            clerk
                .email_addresses()
                .create(CreateEmailAddressParams::new(&user.id, "not-an-email"))
                .await
        ),
        (
            422,
            "form_param_format_invalid".into(),
            Some("email_address".into())
        )
    );
    assert_eq!(
        refusal(
            clerk
                .email_addresses()
                .create(CreateEmailAddressParams::new(
                    "user_missing",
                    "x@example.com"
                ))
                .await
        ),
        (404, "resource_not_found".into(), Some("user_id".into()))
    );
    // A user's first address becomes primary.
    let first = clerk
        .email_addresses()
        .create(CreateEmailAddressParams::new(
            &other.id,
            "grace@example.com",
        ))
        .await
        .expect("first address");
    let grace = clerk.users().get(&other.id).await.expect("user");
    assert_eq!(grace.primary_email_address_id, first.id);
}

#[tokio::test]
async fn phone_numbers_follow_e164_and_second_factor_rules() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let phones = clerk.phone_numbers();

    assert_eq!(
        refusal(
            phones
                .create(CreatePhoneNumberParams::new(&user.id, "555-0100"))
                .await
        ),
        (
            422,
            "form_param_format_invalid".into(),
            Some("phone_number".into())
        )
    );
    assert_eq!(
        refusal(
            phones
                .create(
                    CreatePhoneNumberParams::new(&user.id, "+15555550100")
                        .reserved_for_second_factor(true)
                )
                .await
        ),
        (
            422,
            "form_param_value_invalid".into(),
            Some("reserved_for_second_factor".into())
        )
    );

    let mfa = phones
        .create(
            CreatePhoneNumberParams::new(&user.id, "+15555550100")
                .verified(true)
                .reserved_for_second_factor(true),
        )
        .await
        .expect("a second factor");
    assert_eq!(mfa.reserved_for_second_factor, Some(true));
    assert_eq!(
        mfa.default_second_factor,
        Some(true),
        "the first one is default"
    );
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(
        after.primary_phone_number_id, mfa.id,
        "the first number is primary"
    );
    assert!(after.two_factor_enabled);

    let backup = phones
        .create(
            CreatePhoneNumberParams::new(&user.id, "+15555550101")
                .verified(true)
                .reserved_for_second_factor(true),
        )
        .await
        .expect("another second factor");
    assert_eq!(backup.default_second_factor, Some(false));
    let backup_id = backup.id.clone().expect("id");

    assert_eq!(
        refusal(
            phones
                .create(CreatePhoneNumberParams::new(&user.id, "+15555550100"))
                .await
        ),
        (
            422,
            "form_identifier_exists".into(),
            Some("phone_number".into())
        )
    );

    // Releasing the default hands it to the other reserved number.
    let mfa_id = mfa.id.clone().expect("id");
    let released = phones
        .update(
            &mfa_id,
            UpdatePhoneNumberParams::default().reserved_for_second_factor(false),
        )
        .await
        .expect("release");
    assert_eq!(released.default_second_factor, Some(false));
    assert_eq!(
        phones
            .get(&backup_id)
            .await
            .expect("get")
            .default_second_factor,
        Some(true)
    );

    phones
        .update(&backup_id, UpdatePhoneNumberParams::default().primary(true))
        .await
        .expect("primary");
    assert_eq!(
        refusal(phones.delete(&backup_id).await),
        (
            400,
            "primary_identification_deletion_not_allowed".into(),
            None
        )
    );
    assert!(phones.delete(&mfa_id).await.expect("delete").deleted);
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.phone_numbers.len(), 1);
    assert_eq!(
        after.primary_phone_number_id.as_deref(),
        Some(backup_id.as_str())
    );
}

#[tokio::test]
async fn identification_changes_send_user_updated() {
    let standin = StandIn::builder()
        .webhook("http://127.0.0.1:9/hooks", generate_webhook_secret())
        .webhook_retry_delays([Duration::ZERO])
        .start()
        .await
        .expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let email = clerk
        .email_addresses()
        .create(CreateEmailAddressParams::new(&user.id, "ada@work.example"))
        .await
        .expect("email");
    clerk
        .phone_numbers()
        .create(CreatePhoneNumberParams::new(&user.id, "+15555550100"))
        .await
        .expect("phone");
    clerk
        .email_addresses()
        .delete(email.id.as_deref().expect("id"))
        .await
        .expect("delete");
    tokio::time::timeout(Duration::from_secs(10), standin.webhooks_settled())
        .await
        .expect("settled");
    let mut types: Vec<String> = Vec::new();
    for attempt in standin.webhook_attempts() {
        if attempt.attempt == 1 {
            types.push(attempt.event_type);
        }
    }
    assert_eq!(
        types,
        [
            "user.created",
            "user.updated",
            "user.updated",
            "user.updated"
        ]
    );
}

#[tokio::test]
async fn system_permissions_and_default_roles_are_there_from_the_start() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let permissions = clerk
        .organization_permissions()
        .list(PermissionListParams::default().limit(100))
        .await
        .expect("list");
    assert_eq!(permissions.total_count, Some(8));
    assert!(permissions.data.iter().all(|p| p.kind == "system"));
    let manage = permissions
        .data
        .iter()
        .find(|p| p.key == "org:sys_memberships:manage")
        .expect("a system permission");
    assert_eq!(
        refusal(clerk.organization_permissions().delete(&manage.id).await),
        (403, "system_permission_not_modifiable".into(), None)
    );
    assert_eq!(
        refusal(
            clerk
                .organization_permissions()
                .update(&manage.id, UpdatePermissionParams::default().name("x"))
                .await
        ),
        (403, "system_permission_not_modifiable".into(), None)
    );

    let roles = clerk
        .organization_roles()
        .list(RoleListParams::default().query("org:"))
        .await
        .expect("roles");
    assert_eq!(roles.total_count, Some(2));
    let admin = roles
        .data
        .iter()
        .find(|r| r.key == "org:admin")
        .expect("admin");
    assert_eq!(admin.permissions.len(), 8);
    assert!(admin.is_creator_eligible);
    let member = roles
        .data
        .iter()
        .find(|r| r.key == "org:member")
        .expect("member");
    let mut keys: Vec<&str> = member.permissions.iter().map(|p| p.key.as_str()).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["org:sys_billing:read", "org:sys_memberships:read"]);
    assert!(!member.is_creator_eligible);
    assert_eq!(
        refusal(clerk.organization_roles().delete(&admin.id).await),
        (422, "organization_role_in_use".into(), None)
    );
}

#[tokio::test]
async fn custom_permissions_and_roles_reach_memberships() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let perms = clerk.organization_permissions();
    let roles = clerk.organization_roles();

    for bad in ["org:invoices", "invoices:read:all", "org:Invoices:read"] {
        assert_eq!(
            refusal(perms.create(CreatePermissionParams::new("Bad", bad)).await),
            (422, "form_param_format_invalid".into(), Some("key".into())),
            "{bad}"
        );
    }
    assert_eq!(
        refusal(
            perms
                .create(CreatePermissionParams::new("Sys", "org:sys_x:read"))
                .await
        ),
        (422, "form_param_value_invalid".into(), Some("key".into()))
    );
    let read = perms
        .create(CreatePermissionParams::new(
            "Read invoices",
            "org:invoices:read",
        ))
        .await
        .expect("permission");
    assert_eq!(read.kind, "user");
    assert!(read.id.starts_with("perm_"));
    assert_eq!(
        refusal(
            perms
                .create(CreatePermissionParams::new("Again", "org:invoices:read"))
                .await
        ),
        (400, "duplicate_record".into(), Some("key".into()))
    );
    let pay = perms
        .create(CreatePermissionParams::new(
            "Pay invoices",
            "org:invoices:pay",
        ))
        .await
        .expect("permission");

    assert_eq!(
        refusal(
            roles
                .create(CreateRoleParams::new("Billing", "billing"))
                .await
        ),
        (422, "form_param_format_invalid".into(), Some("key".into()))
    );
    assert_eq!(
        refusal(
            roles
                .create(
                    CreateRoleParams::new("Billing", "org:billing").permissions(["perm_missing"])
                )
                .await
        ),
        (404, "resource_not_found".into(), Some("permissions".into()))
    );
    let billing = roles
        .create(CreateRoleParams::new("Billing", "org:billing").permissions([read.id.clone()]))
        .await
        .expect("role");
    assert!(billing.id.starts_with("role_"));
    assert_eq!(billing.permissions, vec![read.clone()]);
    assert_eq!(roles.get(&billing.id).await.expect("get"), billing);

    // A membership with the role shows the role's permissions, and follows their changes.
    let org = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme"))
        .await
        .expect("org");
    let user = ada(&standin).await;
    assert_eq!(
        refusal(
            clerk
                .organization_memberships()
                .create(
                    &org.id,
                    CreateOrganizationMembershipParams::new(&user.id, "org:nope")
                )
                .await
        ),
        (422, "form_param_value_invalid".into(), Some("role".into()))
    );
    let membership = clerk
        .organization_memberships()
        .create(
            &org.id,
            CreateOrganizationMembershipParams::new(&user.id, "org:billing"),
        )
        .await
        .expect("membership");
    assert_eq!(membership.permissions, ["org:invoices:read"]);
    assert_eq!(membership.role_name.as_deref(), Some("Billing"));

    let updated = roles
        .assign_permission(&billing.id, &pay.id)
        .await
        .expect("assign");
    assert_eq!(updated.permissions.len(), 2);
    assert_eq!(
        refusal(roles.assign_permission(&billing.id, &pay.id).await),
        (409, "duplicate_record".into(), None)
    );
    let members = clerk
        .organization_memberships()
        .list(&org.id, Default::default())
        .await
        .expect("members");
    assert_eq!(
        members.data[0].permissions,
        ["org:invoices:read", "org:invoices:pay"]
    );

    // Renaming a permission reaches the roles; deleting it takes it out of them.
    perms
        .update(
            &pay.id,
            UpdatePermissionParams::default().key("org:invoices:settle"),
        )
        .await
        .expect("rename");
    let role = roles.get(&billing.id).await.expect("role");
    assert!(role
        .permissions
        .iter()
        .any(|p| p.key == "org:invoices:settle"));
    perms.delete(&read.id).await.expect("delete");
    let role = roles.get(&billing.id).await.expect("role");
    assert_eq!(role.permissions.len(), 1);
    let role = roles
        .remove_permission(&billing.id, &pay.id)
        .await
        .expect("remove");
    assert!(role.permissions.is_empty());

    // Changing the member's role changes what they may do.
    let changed = clerk
        .organization_memberships()
        .update(
            &org.id,
            &user.id,
            UpdateOrganizationMembershipParams::new("org:admin"),
        )
        .await
        .expect("role change");
    assert_eq!(changed.permissions.len(), 8);

    // A role in use stays; once unused it goes.
    let in_use = roles
        .create(CreateRoleParams::new("Viewer", "org:viewer"))
        .await
        .expect("role");
    clerk
        .organization_memberships()
        .update(
            &org.id,
            &user.id,
            UpdateOrganizationMembershipParams::new("org:viewer"),
        )
        .await
        .expect("role change");
    assert_eq!(
        refusal(roles.delete(&in_use.id).await),
        (422, "organization_role_in_use".into(), None)
    );
    let renamed = roles
        .update(
            &billing.id,
            UpdateRoleParams::default()
                .name("Finance")
                .permissions([pay.id.clone()]),
        )
        .await
        .expect("update");
    assert_eq!(renamed.name, "Finance");
    assert_eq!(renamed.permissions.len(), 1);
    assert!(roles.delete(&billing.id).await.expect("delete").deleted);
    assert_eq!(
        refusal(roles.get(&billing.id).await),
        (404, "resource_not_found".into(), None)
    );
}

#[tokio::test]
async fn organization_domains_are_added_listed_changed_and_removed() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let domains = clerk.organization_domains();
    let acme = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme"))
        .await
        .expect("org");
    let other = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Other"))
        .await
        .expect("org");

    let main = domains
        .create(
            &acme.id,
            CreateOrganizationDomainParams::new("Acme.com")
                .enrollment_mode(EnrollmentMode::AutomaticInvitation),
        )
        .await
        .expect("domain");
    assert!(main.id.starts_with("orgdmn_"));
    assert_eq!(main.name, "acme.com");
    assert_eq!(main.organization_id, acme.id);
    assert_eq!(
        main.affiliation_verification
            .as_ref()
            .map(|v| v.status.clone()),
        Some(VerificationStatus::Verified)
    );
    let side = domains
        .create(
            &acme.id,
            CreateOrganizationDomainParams::new("acme.dev").verified(false),
        )
        .await
        .expect("domain");
    assert_eq!(side.enrollment_mode, EnrollmentMode::ManualInvitation);
    assert_eq!(side.affiliation_verification, None);

    assert_eq!(
        refusal(
            domains
                .create(&other.id, CreateOrganizationDomainParams::new("acme.com"))
                .await
        ),
        (422, "form_identifier_exists".into(), Some("name".into()))
    );
    assert_eq!(
        refusal(
            domains
                .create(&acme.id, CreateOrganizationDomainParams::new("localhost"))
                .await
        ),
        (422, "form_param_format_invalid".into(), Some("name".into()))
    );
    assert_eq!(
        refusal(
            domains
                .create(
                    &acme.id,
                    CreateOrganizationDomainParams::new("acme.io")
                        .verified(false)
                        .enrollment_mode(EnrollmentMode::AutomaticSuggestion)
                )
                .await
        ),
        (
            422,
            "form_param_value_invalid".into(),
            Some("enrollment_mode".into())
        )
    );
    assert_eq!(
        refusal(
            domains
                .create("org_missing", CreateOrganizationDomainParams::new("x.com"))
                .await
        )
        .0,
        404
    );

    let all = domains
        .list(&acme.id, OrganizationDomainListParams::default())
        .await
        .expect("list");
    assert_eq!(all.total_count, Some(2));
    assert_eq!(all.data, vec![side.clone(), main.clone()], "newest first");
    let page = domains
        .list(
            &acme.id,
            OrganizationDomainListParams::default().limit(1).offset(1),
        )
        .await
        .expect("page");
    assert_eq!(page.data, vec![main.clone()]);
    let verified = domains
        .list(
            &acme.id,
            OrganizationDomainListParams::default().verified(true),
        )
        .await
        .expect("verified");
    assert_eq!(verified.data, vec![main.clone()]);
    let not_manual = domains
        .list(
            &acme.id,
            OrganizationDomainListParams::default().enrollment_mode([
                EnrollmentModeFilter::exclude(EnrollmentMode::ManualInvitation),
            ]),
        )
        .await
        .expect("filtered");
    assert_eq!(not_manual.data, vec![main.clone()]);
    assert_eq!(
        domains
            .list(&other.id, OrganizationDomainListParams::default())
            .await
            .expect("empty")
            .total_count,
        Some(0)
    );

    let changed = domains
        .update(
            &acme.id,
            &side.id,
            UpdateOrganizationDomainParams::default()
                .verified(true)
                .enrollment_mode(EnrollmentMode::AutomaticSuggestion),
        )
        .await
        .expect("update");
    assert_eq!(changed.enrollment_mode, EnrollmentMode::AutomaticSuggestion);
    assert!(changed.affiliation_verification.is_some());
    assert_eq!(
        refusal(
            domains
                .update(
                    &other.id,
                    &side.id,
                    UpdateOrganizationDomainParams::default()
                )
                .await
        ),
        (404, "resource_not_found".into(), None)
    );
    assert!(
        domains
            .delete(&acme.id, &side.id)
            .await
            .expect("delete")
            .deleted
    );
    assert_eq!(refusal(domains.delete(&acme.id, &side.id).await).0, 404);
    // A deleted organization frees its domain names.
    clerk
        .organizations()
        .delete(&acme.id)
        .await
        .expect("delete org");
    domains
        .create(&other.id, CreateOrganizationDomainParams::new("acme.com"))
        .await
        .expect("the name is free again");
}
