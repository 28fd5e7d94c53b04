//! The Svix app that delivers the instance's webhooks.

use clerk_macros::Deserialize;

use crate::Secret;

/// A temporary link into the Svix management dashboard. It logs its holder in, so it is a
/// [`Secret`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(clerk_macros::Serialize))]
#[non_exhaustive]
pub struct SvixUrl {
    /// The dashboard link.
    pub svix_url: Secret,
}
