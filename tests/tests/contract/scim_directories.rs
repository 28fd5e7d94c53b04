//! SCIM directories.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let scim = clerk.scim_directories();
    run.ok(scim.list(ScimDirectoryListParams::default().limit(10).offset(0)))
        .await;
    run.ok(scim.create(
        CreateScimDirectoryParams::new("ent_1", "okta")
            .name("Okta")
            .group_role_mappings([
                NewScimGroupRoleMapping::new("grp_admins", "role_admin")
                    .scim_group_display_name("Admins")
                    .precedence(1),
                NewScimGroupRoleMapping::new("grp_members", "role_member"),
            ]),
    ))
    .await;
    run.ok(scim.get("scim_1")).await;
    run.ok(scim.update(
        "scim_1",
        UpdateScimDirectoryParams::default()
            .name("Okta (prod)")
            .enabled(false)
            .provider("okta")
            .map_attribute("email_address", "emails[primary eq true].value")
            .unmap_attribute("username")
            .group_role_mapping_enabled(false),
    ))
    .await;
    run.ok(scim.delete("scim_1")).await;
    run.ok(scim.rotate_api_key("scim_1")).await;
    run.ok(scim.list_group_role_mappings("scim_1")).await;
    run.ok(scim.create_group_role_mapping(
        "scim_1",
        CreateScimGroupRoleMappingParams::new("grp_admins", "role_admin").precedence(1),
    ))
    .await;
    run.ok(scim.replace_group_role_mappings(
        "scim_1",
        ReplaceScimGroupRoleMappingsParams::new([
            ScimGroupRoleMappingEntry::new("grp_admins", "role_admin"),
            ScimGroupRoleMappingEntry::new("grp_members", "role_member"),
        ]),
    ))
    .await;
    run.ok(scim.delete_group_role_mapping("scim_1", "sgrm_1"))
        .await;
}
