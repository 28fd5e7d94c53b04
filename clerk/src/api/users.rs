//! Users: the people who sign in to your application.

use crate::models::{
    CreateUserParams, DeletedObject, TotalCount, UpdateUserParams, User, UserCountParams,
    UserListParams,
};
use crate::multipart::ProfileImage;
use crate::Page;

clerk_macros::endpoints! {
    /// Users of the instance.
    Users {
        /// List users matching the filters, newest first unless another order is asked for.
        list = GET "/users" query(UserListParams) -> Page<User>;
        /// Count the users matching the filters.
        count = GET "/users/count" query(UserCountParams) -> TotalCount;
        /// Fetch one user by id.
        get = GET "/users/{user_id}" -> User;
        /// Create a user.
        create = POST "/users" json(CreateUserParams) -> User;
        /// Change the given fields of a user.
        update = PATCH "/users/{user_id}" json(UpdateUserParams) -> User;
        /// Delete a user.
        delete = DELETE "/users/{user_id}" -> DeletedObject;
        /// Upload a new profile image for a user.
        set_profile_image = POST "/users/{user_id}/profile_image" multipart(ProfileImage) -> User;
        /// Remove the uploaded profile image of a user.
        delete_profile_image = DELETE "/users/{user_id}/profile_image" -> User;
    }
}
