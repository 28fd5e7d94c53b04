//! Tasks performed by agents on behalf of users.

clerk_macros::endpoints! {
    /// Tasks performed by agents on behalf of users.
    AgentTasks {
    }
}
