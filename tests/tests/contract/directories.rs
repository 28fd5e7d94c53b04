//! Directory sync connections.

use std::collections::BTreeMap;

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let directories = clerk.directories();
    run.ok(directories.list(DirectoryListParams::default().limit(10).offset(0)))
        .await;
    run.ok(directories.list(DirectoryListParams::default()))
        .await;
    run.ok(directories.create(
        CreateDirectoryParams::new("ent_1", "okta")
            .name("Okta")
            .group_role_mappings([
                NewDirectoryGroupRoleMapping::new("grp_admins", "role_admin")
                    .directory_group_display_name("Admins")
                    .precedence(1),
                NewDirectoryGroupRoleMapping::new("grp_members", "role_member")
                    .scim_group_id("grp_members")
                    .scim_group_display_name("Members"),
            ]),
    ))
    .await;
    run.ok(directories.get("dir_1")).await;
    run.ok(directories.update(
        "dir_1",
        UpdateDirectoryParams::default()
            .name("Okta (prod)")
            .enabled(true)
            .provider("okta")
            .map_attribute("first_name", "name.givenName")
            .unmap_attribute("last_name")
            .group_role_mapping_enabled(true),
    ))
    .await;
    run.ok(directories.update(
        "dir_1",
        UpdateDirectoryParams::default().attribute_mapping(BTreeMap::new()),
    ))
    .await;
    run.ok(directories.delete("dir_1")).await;
    run.ok(directories.rotate_api_key("dir_1")).await;
    run.ok(directories.list_group_role_mappings("dir_1")).await;
    run.ok(directories.create_group_role_mapping(
        "dir_1",
        CreateDirectoryGroupRoleMappingParams::new("grp_admins", "role_admin").precedence(2),
    ))
    .await;
    run.ok(directories.replace_group_role_mappings(
        "dir_1",
        ReplaceDirectoryGroupRoleMappingsParams::new([
            DirectoryGroupRoleMappingEntry::new("grp_admins", "role_admin"),
            DirectoryGroupRoleMappingEntry::new("grp_members", "role_member")
                .scim_group_id("grp_members"),
        ]),
    ))
    .await;
    run.ok(directories
        .replace_group_role_mappings("dir_1", ReplaceDirectoryGroupRoleMappingsParams::default()))
        .await;
    run.ok(directories.delete_group_role_mapping("dir_1", "dgrm_1"))
        .await;
}
