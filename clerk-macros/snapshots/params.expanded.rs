const _: () = {
    #[automatically_derived]
    impl ::serde::Serialize for Params {
        fn serialize<__S: ::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            let mut __state = ::serde::Serializer::serialize_struct(
                __serializer,
                "Params",
                4usize,
            )?;
            ::serde::ser::SerializeStruct::serialize_field(
                &mut __state,
                "name",
                &self.name,
            )?;
            if !Option::is_none(&self.limit) {
                ::serde::ser::SerializeStruct::serialize_field(
                    &mut __state,
                    "limit",
                    &self.limit,
                )?;
            }
            ::serde::ser::SerializeStruct::serialize_field(
                &mut __state,
                "type",
                &self.kind,
            )?;
            if !Vec::is_empty(&self.tags) {
                ::serde::ser::SerializeStruct::serialize_field(
                    &mut __state,
                    "tags",
                    &self.tags,
                )?;
            }
            ::serde::ser::SerializeStruct::end(__state)
        }
    }
};
