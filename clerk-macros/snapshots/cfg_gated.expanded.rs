/// Users of the instance.
#[derive(Clone, Copy, Debug)]
pub struct Users<'c> {
    client: &'c ::clerk_backend::Clerk,
}
impl ::clerk_backend::Clerk {
    ///Operations on users: see [`Users`].
    pub fn users(&self) -> Users<'_> {
        Users { client: self }
    }
}
impl<'c> Users<'c> {
    /// The handle for `client`.
    pub fn new(client: &'c ::clerk_backend::Clerk) -> Self {
        Self { client }
    }
    /// Every operation this table declares (method, path template, name), in order.
    pub const ENDPOINTS: &'static [::clerk_backend::catalog::Endpoint] = &[
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "get",
            method: "GET",
            path: "/users/{user_id}",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "User",
        },
        #[cfg(feature = "billing")]
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "billing",
            method: "GET",
            path: "/users/{user_id}/billing/subscription",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "BillingSubscription",
        },
        #[cfg(all(feature = "organizations", feature = "billing"))]
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "both",
            method: "GET",
            path: "/users/{user_id}/both",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "()",
        },
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "delete",
            method: "DELETE",
            path: "/users/{user_id}",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "DeletedObject",
        },
    ];
    /// Sends `GET /users/{user_id}`.
    #[inline]
    pub fn get(&self, user_id: &str) -> ::clerk_backend::__private::Request<'c, User> {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[0usize],
            ::clerk_backend::__private::path(&["/users/", ""], &[("user_id", &user_id)]),
            ::clerk_backend::__private::decode_json::<User>,
        )
    }
    /// Billing of a user.
    ///
    /// Sends `GET /users/{user_id}/billing/subscription`.
    #[cfg(feature = "billing")]
    #[inline]
    pub fn billing(
        &self,
        user_id: &str,
    ) -> ::clerk_backend::__private::Request<'c, BillingSubscription> {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[1usize],
            ::clerk_backend::__private::path(
                &["/users/", "/billing/subscription"],
                &[("user_id", &user_id)],
            ),
            ::clerk_backend::__private::decode_json::<BillingSubscription>,
        )
    }
    /// Sends `GET /users/{user_id}/both`.
    #[cfg(all(feature = "organizations", feature = "billing"))]
    #[inline]
    pub fn both(&self, user_id: &str) -> ::clerk_backend::__private::Request<'c, ()> {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[1usize + (::core::cfg!(feature = "billing") as usize)],
            ::clerk_backend::__private::path(
                &["/users/", "/both"],
                &[("user_id", &user_id)],
            ),
            ::clerk_backend::__private::decode_empty,
        )
    }
    /// Sends `DELETE /users/{user_id}`.
    #[inline]
    pub fn delete(
        &self,
        user_id: &str,
    ) -> ::clerk_backend::__private::Request<
        'c,
        DeletedObject,
        ::clerk_backend::__private::Mutating,
    > {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[1usize + (::core::cfg!(feature = "billing") as usize)
                + (::core::cfg!(all(feature = "organizations", feature = "billing"))
                    as usize)],
            ::clerk_backend::__private::path(&["/users/", ""], &[("user_id", &user_id)]),
            ::clerk_backend::__private::decode_json::<DeletedObject>,
        )
    }
}
