//! The Svix app that delivers the instance's webhooks.

use serde::{Deserialize, Serialize};

use crate::Secret;

/// A temporary link into the Svix management dashboard. It logs its holder in, so it is a
/// [`Secret`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SvixUrl {
    /// The dashboard link.
    pub svix_url: Secret,
}
