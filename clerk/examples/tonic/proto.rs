//! The example's protobuf messages and gRPC plumbing, written by hand (no `protoc` needed):
//! the part of what `tonic-build` generates from this definition that the example uses.
//!
//! ```proto
//! syntax = "proto3";
//! package clerk.example;
//!
//! message Empty {}
//! message WhoamiReply { string user_id = 1; string session_id = 2; string org_id = 3; }
//! message TenantReply { string tenant_id = 1; }
//! message ReportsReply { repeated string titles = 1; }
//!
//! service Identity {
//!   rpc Whoami(Empty) returns (WhoamiReply);
//!   rpc Tenant(Empty) returns (TenantReply);
//! }
//! service Reports {
//!   rpc List(Empty) returns (ReportsReply);
//! }
//! ```
//!
//! With a `.proto` file and `protoc`, `tonic-build` writes the same traits, servers and
//! clients; the Clerk parts (`app.rs`) stay as they are.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tonic::body::Body;
use tonic::server::{NamedService, UnaryService};
use tonic::{Request, Response, Status};
use tonic_prost::ProstCodec;

/// `clerk.example.Empty`: the methods take no arguments.
#[derive(Clone, Copy, PartialEq, prost::Message)]
pub struct Empty {}

/// `clerk.example.WhoamiReply`: who is calling.
#[derive(Clone, PartialEq, prost::Message)]
pub struct WhoamiReply {
    #[prost(string, tag = "1")]
    pub user_id: String,
    #[prost(string, tag = "2")]
    pub session_id: String,
    #[prost(string, tag = "3")]
    pub org_id: String,
}

/// `clerk.example.TenantReply`: the tenant a JWT template put in the token.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TenantReply {
    #[prost(string, tag = "1")]
    pub tenant_id: String,
}

/// `clerk.example.ReportsReply`: the reports the caller may read.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ReportsReply {
    #[prost(string, repeated, tag = "1")]
    pub titles: Vec<String>,
}

type Reply<T> = Result<Response<T>, Status>;
type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// `service Identity`'s methods, implemented by the app.
pub trait Identity: Send + Sync + 'static {
    /// `rpc Whoami(Empty) returns (WhoamiReply)`.
    fn whoami(&self, request: Request<Empty>) -> impl Future<Output = Reply<WhoamiReply>> + Send;
    /// `rpc Tenant(Empty) returns (TenantReply)`.
    fn tenant(&self, request: Request<Empty>) -> impl Future<Output = Reply<TenantReply>> + Send;
}

/// `service Reports`'s methods, implemented by the app.
pub trait Reports: Send + Sync + 'static {
    /// `rpc List(Empty) returns (ReportsReply)`.
    fn list(&self, request: Request<Empty>) -> impl Future<Output = Reply<ReportsReply>> + Send;
}

/// One unary method as a tonic `UnaryService`.
struct Unary<F>(F);

impl<F, Fut, Req, Res> UnaryService<Req> for Unary<F>
where
    F: FnMut(Request<Req>) -> Fut,
    Fut: Future<Output = Reply<Res>> + Send + 'static,
{
    type Response = Res;
    type Future = Fut;

    fn call(&mut self, request: Request<Req>) -> Fut {
        (self.0)(request)
    }
}

/// Decodes the request, runs `method` and encodes its reply or status.
fn unary<Req, Res, F, Fut>(
    request: http::Request<Body>,
    method: F,
) -> BoxFuture<Result<http::Response<Body>, Infallible>>
where
    Req: prost::Message + Default + Send + 'static,
    Res: prost::Message + Send + 'static,
    F: FnMut(Request<Req>) -> Fut + Send + 'static,
    Fut: Future<Output = Reply<Res>> + Send + 'static,
{
    Box::pin(async move {
        let mut grpc = tonic::server::Grpc::new(ProstCodec::<Res, Req>::default());
        Ok(grpc.unary(Unary(method), request).await)
    })
}

fn unimplemented() -> BoxFuture<Result<http::Response<Body>, Infallible>> {
    Box::pin(async { Ok(Status::unimplemented("no such method").into_http()) })
}

/// `service Identity` as a tower service for `Server::add_service`.
pub struct IdentityServer<T>(Arc<T>);

impl<T> IdentityServer<T> {
    pub fn new(methods: T) -> Self {
        Self(Arc::new(methods))
    }
}

impl<T> Clone for IdentityServer<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> NamedService for IdentityServer<T> {
    const NAME: &'static str = "clerk.example.Identity";
}

impl<T: Identity> tower_service::Service<http::Request<Body>> for IdentityServer<T> {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<http::Response<Body>, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let methods = self.0.clone();
        match request.uri().path() {
            "/clerk.example.Identity/Whoami" => unary(request, move |r| {
                let methods = methods.clone();
                async move { methods.whoami(r).await }
            }),
            "/clerk.example.Identity/Tenant" => unary(request, move |r| {
                let methods = methods.clone();
                async move { methods.tenant(r).await }
            }),
            _ => unimplemented(),
        }
    }
}

/// `service Reports` as a tower service for `Server::add_service`.
pub struct ReportsServer<T>(Arc<T>);

impl<T> ReportsServer<T> {
    pub fn new(methods: T) -> Self {
        Self(Arc::new(methods))
    }
}

impl<T> Clone for ReportsServer<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> NamedService for ReportsServer<T> {
    const NAME: &'static str = "clerk.example.Reports";
}

impl<T: Reports> tower_service::Service<http::Request<Body>> for ReportsServer<T> {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<http::Response<Body>, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let methods = self.0.clone();
        match request.uri().path() {
            "/clerk.example.Reports/List" => unary(request, move |r| {
                let methods = methods.clone();
                async move { methods.list(r).await }
            }),
            _ => unimplemented(),
        }
    }
}

/// A client for both services over one channel, as `tonic-build` generates them (used by the
/// loopback test; any gRPC client in any language works the same way).
#[allow(dead_code)]
pub mod client {
    use http::uri::PathAndQuery;
    use tonic::transport::Channel;
    use tonic::{IntoRequest, Response, Status};
    use tonic_prost::ProstCodec;

    use super::{Empty, ReportsReply, TenantReply, WhoamiReply};

    #[derive(Debug, Clone)]
    pub struct ExampleClient(tonic::client::Grpc<Channel>);

    impl ExampleClient {
        pub fn new(channel: Channel) -> Self {
            Self(tonic::client::Grpc::new(channel))
        }

        async fn call<Res>(
            &mut self,
            path: &'static str,
            request: impl IntoRequest<Empty>,
        ) -> Result<Response<Res>, Status>
        where
            Res: prost::Message + Default + Send + Sync + 'static,
        {
            self.0
                .ready()
                .await
                .map_err(|e| Status::unavailable(format!("service not ready: {e}")))?;
            let codec = ProstCodec::<Empty, Res>::default();
            self.0
                .unary(
                    request.into_request(),
                    PathAndQuery::from_static(path),
                    codec,
                )
                .await
        }

        pub async fn whoami(
            &mut self,
            request: impl IntoRequest<Empty>,
        ) -> Result<Response<WhoamiReply>, Status> {
            self.call("/clerk.example.Identity/Whoami", request).await
        }

        pub async fn tenant(
            &mut self,
            request: impl IntoRequest<Empty>,
        ) -> Result<Response<TenantReply>, Status> {
            self.call("/clerk.example.Identity/Tenant", request).await
        }

        pub async fn list_reports(
            &mut self,
            request: impl IntoRequest<Empty>,
        ) -> Result<Response<ReportsReply>, Status> {
            self.call("/clerk.example.Reports/List", request).await
        }
    }
}
