//! Refusals as gRPC statuses instead of JSON bodies.

use ::tonic::metadata::{MetadataKey, MetadataValue};
use ::tonic::{Code, Status};
use http::StatusCode;

use crate::auth::Refusal;
use crate::tower::Refuse;

/// Answers the requests the layers turn away with a gRPC status in place of the JSON body of
/// [`Refusal`]: `UNAUTHENTICATED` for a signed-out caller (401), `PERMISSION_DENIED` for an
/// unmet requirement or claims that do not fit (403), `INTERNAL` when authentication failed on
/// this side or no layer ran (500).
///
/// The status message is the reason code (`token-missing`, `permission-missing`,
/// `claims-mismatch`, `internal`...), followed for an unmet requirement by `: ` and the
/// requirement (`permission-missing: permission org:reports:read`). The refusal's headers
/// travel as metadata, so `x-clerk-auth-reason` carries the code alone and
/// `x-clerk-auth-status` says `signed-out` or `signed-in`. Neither ever holds a token.
#[derive(Debug, Clone, Copy, Default)]
pub struct GrpcRefusal;

impl GrpcRefusal {
    /// The gRPC status for `refusal`, as [`Refuse::refuse`] sends it; the service-method
    /// helpers ([`super::auth`], [`super::claims`]...) return the same statuses.
    pub fn status(refusal: Refusal) -> Status {
        let code = match refusal.status {
            StatusCode::UNAUTHORIZED => Code::Unauthenticated,
            StatusCode::FORBIDDEN => Code::PermissionDenied,
            _ => Code::Internal,
        };
        let reason = refusal.reason;
        let message = match &refusal.requirement {
            Some(requirement) => format!("{reason}: {requirement}"),
            None => reason.to_owned(),
        };
        let mut status = Status::new(code, message);
        let metadata = status.metadata_mut();
        metadata.insert("x-clerk-auth-reason", MetadataValue::from_static(reason));
        for (name, value) in refusal.headers {
            // Every refusal header is a static lower-case ASCII name and value.
            if let Ok(key) = MetadataKey::from_bytes(name.as_bytes()) {
                metadata.insert(key, MetadataValue::from_static(value));
            }
        }
        status
    }
}

/// Any response body with a default (tonic's `Body`, axum's, `String`...): the status travels
/// in the headers of an otherwise empty response, as gRPC's trailers-only answer.
impl<B: Default> Refuse<B> for GrpcRefusal {
    fn refuse(&self, refusal: Refusal) -> http::Response<B> {
        Self::status(refusal).into_http()
    }

    /// gRPC clients do not follow redirects, and page-route mode is not for them: a redirect
    /// that reaches a gRPC stack anyway is answered `UNAUTHENTICATED`.
    fn redirect(&self, _redirect: crate::auth::Redirect) -> http::Response<B> {
        let out = crate::auth::SignedOut {
            reason: crate::auth::SignedOutReason::HandshakeRequired,
            message: String::new(),
        };
        Self::status(Refusal::signed_out(&out)).into_http()
    }
}

#[cfg(test)]
mod tests {
    use super::GrpcRefusal;
    use crate::auth::{Denied, Refusal, Requirement};
    use ::tonic::Code;

    fn reason(status: &::tonic::Status) -> Option<&str> {
        status
            .metadata()
            .get("x-clerk-auth-reason")
            .and_then(|v| v.to_str().ok())
    }

    #[test]
    fn refusals_map_to_grpc_codes_with_the_reason() {
        let denied = Denied::Unmet(Requirement::permission("org:reports:read"));
        let status = GrpcRefusal::status(Refusal::denied(&denied));
        assert_eq!(status.code(), Code::PermissionDenied);
        assert_eq!(
            status.message(),
            "permission-missing: permission org:reports:read"
        );
        assert_eq!(reason(&status), Some("permission-missing"));

        let status = GrpcRefusal::status(Refusal::denied(&Denied::ClaimsMismatch));
        assert_eq!(
            (status.code(), status.message()),
            (Code::PermissionDenied, "claims-mismatch")
        );

        let status = GrpcRefusal::status(Refusal::internal());
        assert_eq!(
            (status.code(), status.message()),
            (Code::Internal, "internal")
        );
        assert_eq!(reason(&status), Some("internal"));
    }
}
