//! The example server's gRPC services, apart from `main` so the tests serve the same stack on
//! loopback.

#[path = "proto.rs"]
pub mod proto;

use clerk_backend::auth::{Authenticator, Requirement, SignedIn};
use clerk_backend::tonic::{ClerkLayer, GrpcRefusal};
use serde::Deserialize;
use tonic::transport::server::Router;
use tonic::transport::Server;
use tonic::{Request, Response, Status};
use tower_layer::{Layer, Stack};

use proto::{Empty, IdentityServer, ReportsReply, ReportsServer, TenantReply, WhoamiReply};

/// The permission `clerk.example.Reports` requires of its callers.
pub const REPORTS_PERMISSION: &str = "org:reports:read";

/// A tonic server whose calls all pass Clerk's layer, with its services added.
pub type ClerkRouter = Router<Stack<ClerkLayer<GrpcRefusal>, tower_layer::Identity>>;

/// Both services behind Clerk auth: every call is authenticated once by the server-wide
/// layer; `Identity`'s methods read the result, and `Reports` only runs for callers whose
/// organization role grants `org:reports:read`. gRPC has no webhooks: Clerk's are received on
/// an HTTP route (see the axum example).
pub fn router(authenticator: Authenticator) -> ClerkRouter {
    Server::builder()
        .layer(clerk_backend::tonic::layer(authenticator))
        .add_service(IdentityServer::new(IdentityMethods))
        .add_service(
            clerk_backend::tonic::require([Requirement::permission(REPORTS_PERMISSION)])
                .layer(ReportsServer::new(ReportsMethods)),
        )
}

/// The claims a JWT template adds to the session token: `{"tenant_id": "..."}`.
#[derive(Debug, Deserialize)]
pub struct Tenant {
    pub tenant_id: String,
}

struct IdentityMethods;

impl proto::Identity for IdentityMethods {
    /// The caller's user id; `UNAUTHENTICATED` with the reason code when signed out.
    async fn whoami(&self, request: Request<Empty>) -> Result<Response<WhoamiReply>, Status> {
        let who = clerk_backend::tonic::auth(&request)?;
        let reply = match who {
            SignedIn::Session(claims) => WhoamiReply {
                user_id: claims.user_id().to_owned(),
                session_id: claims.session_id().unwrap_or_default().to_owned(),
                org_id: claims.org_id().unwrap_or_default().to_owned(),
            },
            // A machine token: its user, if it acts for one.
            _ => WhoamiReply {
                user_id: who.user_id().unwrap_or_default().to_owned(),
                ..WhoamiReply::default()
            },
        };
        Ok(Response::new(reply))
    }

    /// The tenant of the token's claims; `PERMISSION_DENIED` `claims-mismatch` when the token
    /// carries none (a plain session token rather than the JWT template's).
    async fn tenant(&self, request: Request<Empty>) -> Result<Response<TenantReply>, Status> {
        let tenant = clerk_backend::tonic::claims::<Tenant>(&request)?;
        Ok(Response::new(TenantReply {
            tenant_id: tenant.tenant_id,
        }))
    }
}

struct ReportsMethods;

impl proto::Reports for ReportsMethods {
    /// Runs only for callers the service's `require` layer let through.
    async fn list(&self, request: Request<Empty>) -> Result<Response<ReportsReply>, Status> {
        let who = clerk_backend::tonic::auth(&request)?;
        let org = who.session().and_then(|s| s.org_id()).unwrap_or_default();
        Ok(Response::new(ReportsReply {
            titles: vec![format!("{org} quarterly")],
        }))
    }
}
