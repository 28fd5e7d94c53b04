/// Users of the instance.
#[derive(Clone, Copy, Debug)]
pub struct Users<'c> {
    client: &'c ::clerk::Clerk,
}
impl ::clerk::Clerk {
    ///Operations on users: see [`Users`].
    pub fn users(&self) -> Users<'_> {
        Users { client: self }
    }
}
impl<'c> Users<'c> {
    /// The handle for `client`.
    pub fn new(client: &'c ::clerk::Clerk) -> Self {
        Self { client }
    }
    /// Every operation this table declares (method, path template, name), in order.
    pub const ENDPOINTS: &'static [::clerk::catalog::Endpoint] = &[
        ::clerk::catalog::Endpoint {
            resource: "Users",
            name: "list",
            method: "GET",
            path: "/users",
            deprecated: false,
            authenticated: true,
        },
        ::clerk::catalog::Endpoint {
            resource: "Users",
            name: "get",
            method: "GET",
            path: "/users/{user_id}",
            deprecated: false,
            authenticated: true,
        },
        ::clerk::catalog::Endpoint {
            resource: "Users",
            name: "set_image",
            method: "POST",
            path: "/users/{user_id}/profile_image",
            deprecated: true,
            authenticated: true,
        },
        ::clerk::catalog::Endpoint {
            resource: "Users",
            name: "page",
            method: "GET",
            path: "/public/interstitial",
            deprecated: false,
            authenticated: true,
        },
        ::clerk::catalog::Endpoint {
            resource: "Users",
            name: "leave",
            method: "DELETE",
            path: "/organizations/{organization_id}/memberships/{user_id}",
            deprecated: false,
            authenticated: true,
        },
        ::clerk::catalog::Endpoint {
            resource: "Users",
            name: "by_type",
            method: "POST",
            path: "/templates/{type}",
            deprecated: false,
            authenticated: true,
        },
        ::clerk::catalog::Endpoint {
            resource: "Users",
            name: "find",
            method: "GET",
            path: "/organizations/{organization_id}",
            deprecated: false,
            authenticated: true,
        },
    ];
    /// List users.
    ///
    /// Sends `GET /users`.
    pub fn list(
        &self,
        query: UserListParams,
    ) -> ::clerk::__private::Request<'c, Page<User>> {
        ::clerk::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[0usize],
                ::clerk::__private::path(&["/users"], &[]),
                ::clerk::__private::decode_json::<Page<User>>,
            )
            .query(&query)
    }
    /// Sends `GET /users/{user_id}`.
    pub fn get(&self, user_id: &str) -> ::clerk::__private::Request<'c, User> {
        ::clerk::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[1usize],
            ::clerk::__private::path(&["/users/", ""], &[("user_id", &user_id)]),
            ::clerk::__private::decode_json::<User>,
        )
    }
    /// Sends `POST /users/{user_id}/profile_image`.
    #[deprecated(note = "gone")]
    pub fn set_image(
        &self,
        user_id: &str,
        body: ProfileImage,
    ) -> ::clerk::__private::Request<'c, User> {
        ::clerk::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[2usize],
                ::clerk::__private::path(
                    &["/users/", "/profile_image"],
                    &[("user_id", &user_id)],
                ),
                ::clerk::__private::decode_json::<User>,
            )
            .multipart(::core::convert::Into::into(body))
    }
    /// Sends `GET /public/interstitial`.
    pub fn page(&self) -> ::clerk::__private::Request<'c, ::std::string::String> {
        ::clerk::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[3usize],
            ::clerk::__private::path(&["/public/interstitial"], &[]),
            ::clerk::__private::decode_text,
        )
    }
    /// Sends `DELETE /organizations/{organization_id}/memberships/{user_id}`.
    pub fn leave(
        &self,
        user_id: &str,
        organization_id: &str,
    ) -> ::clerk::__private::Request<'c, ()> {
        ::clerk::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[4usize],
            ::clerk::__private::path(
                &["/organizations/", "/memberships/", ""],
                &[("organization_id", &organization_id), ("user_id", &user_id)],
            ),
            ::clerk::__private::decode_empty,
        )
    }
    /// Sends `POST /templates/{type}`.
    pub fn by_type(
        &self,
        r#type: &str,
        body: Body,
    ) -> ::clerk::__private::Request<'c, ()> {
        ::clerk::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[5usize],
                ::clerk::__private::path(&["/templates/", ""], &[("type", &r#type)]),
                ::clerk::__private::decode_empty,
            )
            .json(&body)
    }
    /// Sends `GET /organizations/{organization_id}`.
    pub fn find(
        &self,
        organization_id: impl ::core::convert::Into<OrganizationKey>,
    ) -> ::clerk::__private::Request<'c, Organization> {
        let organization_id: OrganizationKey = ::core::convert::Into::into(
            organization_id,
        );
        ::clerk::__private::Request::new(
            self.client,
            &Self::ENDPOINTS[6usize],
            ::clerk::__private::path(
                &["/organizations/", ""],
                &[("organization_id", &organization_id)],
            ),
            ::clerk::__private::decode_json::<Organization>,
        )
    }
}
