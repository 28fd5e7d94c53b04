const _: () = {
    #[automatically_derived]
    impl<'de> ::serde::Deserialize<'de> for Model {
        fn deserialize<__D: ::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            __deserializer.deserialize_map(__Visitor)
        }
    }
    #[inline]
    fn __index(__name: &str) -> usize {
        match __name {
            "id" => 0usize,
            "note" => 1usize,
            "tags" => 2usize,
            "type" => 3usize,
            "nested" => 4usize,
            "limit" => 5usize,
            _ => ::clerk_backend::__private::model_de::UNKNOWN,
        }
    }
    struct __With4(Option<Inner>);
    impl<'de> ::serde::Deserialize<'de> for __With4 {
        fn deserialize<__D: ::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            empty_object_as_none(__deserializer).map(__With4)
        }
    }
    struct __Visitor;
    impl<'de> ::serde::de::Visitor<'de> for __Visitor {
        type Value = Model;
        fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str("struct Model")
        }
        fn visit_map<__A: ::serde::de::MapAccess<'de>>(
            self,
            mut __map: __A,
        ) -> ::core::result::Result<Model, __A::Error> {
            let mut __f0: ::core::option::Option<String> = ::core::option::Option::None;
            let mut __f1: ::core::option::Option<Option<String>> = ::core::option::Option::None;
            let mut __f2: ::core::option::Option<Vec<String>> = ::core::option::Option::None;
            let mut __f3: ::core::option::Option<String> = ::core::option::Option::None;
            let mut __f4: ::core::option::Option<Option<Inner>> = ::core::option::Option::None;
            let mut __f5: ::core::option::Option<Option<i64>> = ::core::option::Option::None;
            let __key = ::clerk_backend::__private::model_de::FieldKey {
                index: __index,
                deny_unknown: ::core::option::Option::Some(
                    &["id", "note", "tags", "type", "nested", "limit"],
                ),
            };
            loop {
                match ::serde::de::MapAccess::next_key_seed(&mut __map, __key) {
                    ::core::result::Result::Ok(::core::option::Option::Some(__i)) => {
                        match __i {
                            0usize => {
                                ::clerk_backend::__private::model_de::fill(
                                    &mut __map,
                                    &mut __f0,
                                    "id",
                                )
                            }
                            1usize => {
                                ::clerk_backend::__private::model_de::fill(
                                    &mut __map,
                                    &mut __f1,
                                    "note",
                                )
                            }
                            2usize => {
                                ::clerk_backend::__private::model_de::fill(
                                    &mut __map,
                                    &mut __f2,
                                    "tags",
                                )
                            }
                            3usize => {
                                ::clerk_backend::__private::model_de::fill(
                                    &mut __map,
                                    &mut __f3,
                                    "type",
                                )
                            }
                            4usize => {
                                ::clerk_backend::__private::model_de::fill_with(
                                    &mut __map,
                                    &mut __f4,
                                    "nested",
                                    |w: __With4| w.0,
                                )
                            }
                            5usize => {
                                ::clerk_backend::__private::model_de::fill(
                                    &mut __map,
                                    &mut __f5,
                                    "limit",
                                )
                            }
                            _ => ::clerk_backend::__private::model_de::skip(&mut __map),
                        }
                    }
                    ::core::result::Result::Ok(::core::option::Option::None) => break,
                    ::core::result::Result::Err(__e) => ::core::result::Result::Err(__e),
                }?;
            }
            let __f0 = ::clerk_backend::__private::model_de::required(__f0, "id")?;
            ::core::result::Result::Ok(Model {
                id: __f0,
                note: __f1.flatten(),
                tags: __f2.unwrap_or_default(),
                kind: __f3.unwrap_or_else(kind),
                nested: __f4.unwrap_or_default(),
                limit: __f5.flatten(),
            })
        }
    }
};
