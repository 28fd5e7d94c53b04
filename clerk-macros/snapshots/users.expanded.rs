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
            name: "list",
            method: "GET",
            path: "/users",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "Page<User>",
        },
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
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "token",
            method: "POST",
            path: "/users/{user_id}/token",
            deprecated: false,
            authenticated: true,
            returns_secret: true,
            response: "Token",
        },
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "set_image",
            method: "POST",
            path: "/users/{user_id}/profile_image",
            deprecated: true,
            authenticated: true,
            returns_secret: false,
            response: "User",
        },
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "page",
            method: "GET",
            path: "/public/interstitial",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "text",
        },
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "leave",
            method: "DELETE",
            path: "/organizations/{organization_id}/memberships/{user_id}",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "()",
        },
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "by_type",
            method: "POST",
            path: "/templates/{type}",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "()",
        },
        ::clerk_backend::catalog::Endpoint {
            resource: "Users",
            name: "find",
            method: "GET",
            path: "/organizations/{organization_id}",
            deprecated: false,
            authenticated: true,
            returns_secret: false,
            response: "Organization",
        },
    ];
    /// List users.
    ///
    /// Sends `GET /users`.
    #[inline]
    pub fn list(
        &self,
        query: UserListParams,
    ) -> ::clerk_backend::__private::Request<'c, Page<User>> {
        ::clerk_backend::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[0usize],
                ::clerk_backend::__private::path(&["/users"], &[]),
                ::clerk_backend::__private::decode_page::<User>,
            )
            .query(&query)
    }
    /// Sends `GET /users/{user_id}`.
    #[inline]
    pub fn get(&self, user_id: &str) -> ::clerk_backend::__private::Request<'c, User> {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[1usize],
            ::clerk_backend::__private::path(&["/users/", ""], &[("user_id", &user_id)]),
            ::clerk_backend::__private::decode_json::<User>,
        )
    }
    /// Sends `POST /users/{user_id}/token`.
    #[inline]
    pub fn token(
        &self,
        user_id: &str,
    ) -> ::clerk_backend::__private::Request<
        'c,
        Token,
        ::clerk_backend::__private::Mutating,
    > {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[2usize],
            ::clerk_backend::__private::path(
                &["/users/", "/token"],
                &[("user_id", &user_id)],
            ),
            ::clerk_backend::__private::decode_json::<Token>,
        )
    }
    /// Sends `POST /users/{user_id}/profile_image`.
    #[deprecated(note = "gone")]
    #[inline]
    pub fn set_image(
        &self,
        user_id: &str,
        body: ProfileImage,
    ) -> ::clerk_backend::__private::Request<
        'c,
        User,
        ::clerk_backend::__private::Mutating,
    > {
        ::clerk_backend::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[3usize],
                ::clerk_backend::__private::path(
                    &["/users/", "/profile_image"],
                    &[("user_id", &user_id)],
                ),
                ::clerk_backend::__private::decode_json::<User>,
            )
            .multipart(::core::convert::Into::into(body))
    }
    /// Sends `GET /public/interstitial`.
    #[inline]
    pub fn page(
        &self,
    ) -> ::clerk_backend::__private::Request<'c, ::std::string::String> {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[4usize],
            ::clerk_backend::__private::path(&["/public/interstitial"], &[]),
            ::clerk_backend::__private::decode_text,
        )
    }
    /// Sends `DELETE /organizations/{organization_id}/memberships/{user_id}`.
    #[inline]
    pub fn leave(
        &self,
        user_id: &str,
        organization_id: &str,
    ) -> ::clerk_backend::__private::Request<
        'c,
        (),
        ::clerk_backend::__private::Mutating,
    > {
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[5usize],
            ::clerk_backend::__private::path(
                &["/organizations/", "/memberships/", ""],
                &[("organization_id", &organization_id), ("user_id", &user_id)],
            ),
            ::clerk_backend::__private::decode_empty,
        )
    }
    /// Sends `POST /templates/{type}`.
    #[inline]
    pub fn by_type(
        &self,
        r#type: &str,
        body: Body,
    ) -> ::clerk_backend::__private::Request<
        'c,
        (),
        ::clerk_backend::__private::Mutating,
    > {
        ::clerk_backend::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[6usize],
                ::clerk_backend::__private::path(
                    &["/templates/", ""],
                    &[("type", &r#type)],
                ),
                ::clerk_backend::__private::decode_empty,
            )
            .json(&body)
    }
    /// Sends `GET /organizations/{organization_id}`.
    #[inline]
    pub fn find(
        &self,
        organization_id: impl ::core::convert::Into<OrganizationKey>,
    ) -> ::clerk_backend::__private::Request<'c, Organization> {
        let organization_id: OrganizationKey = ::core::convert::Into::into(
            organization_id,
        );
        ::clerk_backend::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[7usize],
            ::clerk_backend::__private::path(
                &["/organizations/", ""],
                &[("organization_id", &organization_id)],
            ),
            ::clerk_backend::__private::decode_json::<Organization>,
        )
    }
}
