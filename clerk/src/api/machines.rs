//! Machines: non-human clients that authenticate with M2M tokens.

use crate::models::{
    AddMachineScopeParams, CreateMachineParams, CreatedMachine, DeletedMachineScope, DeletedObject,
    Machine, MachineListParams, MachineScope, MachineSecretKey, RotateMachineSecretKeyParams,
    UpdateMachineParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Machines: non-human clients that authenticate with M2M tokens.
    Machines {
        /// List the machines of the instance, newest first by default.
        list = GET "/machines" query(MachineListParams) -> Page<Machine>;
        /// Create a machine; the answer carries its secret key.
        #[secret]
        create = POST "/machines" json(CreateMachineParams) -> CreatedMachine;
        /// Fetch one machine by id.
        get = GET "/machines/{machine_id}" -> Machine;
        /// Change the name or default token lifetime of a machine.
        update = PATCH "/machines/{machine_id}" json(UpdateMachineParams) -> Machine;
        /// Delete a machine.
        delete = DELETE "/machines/{machine_id}" -> DeletedObject;
        /// Let a machine call another one (at most 150 per machine).
        add_scope = POST "/machines/{machine_id}/scopes" json(AddMachineScopeParams) -> MachineScope;
        /// Stop a machine from calling another one.
        remove_scope = DELETE "/machines/{machine_id}/scopes/{other_machine_id}" -> DeletedMachineScope;
        /// Fetch the secret key of a machine.
        #[secret]
        get_secret_key = GET "/machines/{machine_id}/secret_key" -> MachineSecretKey;
        /// Replace the secret key of a machine; the previous one keeps working for the given
        /// grace period.
        #[secret]
        rotate_secret_key = POST "/machines/{machine_id}/secret_key/rotate" json(RotateMachineSecretKeyParams) -> MachineSecretKey;
    }
}
