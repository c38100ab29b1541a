/// The models a harness parses through its SDK's serde event union, as data: for each, the protocol's
/// model name, the wire `type` the union's variant stands for, the variant, the struct it holds and that
/// struct's fields. It makes `models()` and `handlers()`:
///
/// - parse: `serde_json::from_slice` into the union, the SDK's own serde code; the answer is the model
///   only when the union gave its variant (another variant is a refusal that names it), read through
///   the struct's fields, `type` being the variant's wire name;
/// - serialize: the struct built from the value's members (`Wire::build`), in its variant, written by
///   `serde_json::to_vec`: how a program writes an event, `type` and all;
/// - reserialize: the union as parse gave it, written by `serde_json::to_vec`.
///
/// A struct field left out of the list is a compile error in serialize, so no field is dropped unseen.
#[macro_export]
macro_rules! union_models {
    (
        union $union:ty;
        $( $model:literal => $tag:literal, $variant:path, $event:ident { $($field:ident),* $(,)? } );* $(;)?
    ) => {
        pub fn models() -> Vec<&'static str> {
            vec![$($model),*]
        }

        fn variant_name(u: &$union) -> String {
            // the derived Debug begins with the variant's name
            let shown = format!("{u:?}");
            shown.split(|c: char| c == '(' || c == ' ' || c == '{').next().unwrap_or_default().to_string()
        }

        fn read(model: &str, payload: &[u8]) -> Result<$union, $crate::Error> {
            let u: $union = $crate::serde_json::from_slice(payload).map_err($crate::Error::parse)?;
            match (model, &u) {
                $( ($model, $variant(_)) => Ok(u), )*
                _ => Err($crate::Error::parse(format!("the union read it as {}, not {}", variant_name(&u), model))),
            }
        }

        fn render(u: &$union) -> $crate::serde_json::Value {
            let mut m = $crate::serde_json::Map::new();
            match u {
                $( $variant(e) => {
                    m.insert("type".to_string(), $crate::serde_json::Value::String($tag.to_string()));
                    $( if let Some(v) = $crate::Wire::render(&e.$field) { m.insert(stringify!($field).to_string(), v); } )*
                } )*
                #[allow(unreachable_patterns)]
                _ => unreachable!("read gives only the variants listed"),
            }
            $crate::serde_json::Value::Object(m)
        }

        fn build(model: &str, value: &$crate::serde_json::value::RawValue) -> Result<$union, $crate::Error> {
            let members = $crate::fields(value)?;
            match model {
                $( $model => Ok($variant($event {
                    $( $field: $crate::Wire::build(stringify!($field), members.get(stringify!($field)).map(|r| &**r))?, )*
                })), )*
                _ => Err($crate::Error { kind: "unsupported", message: format!("no model {model}") }),
            }
        }

        fn write(u: &$union) -> Result<Vec<u8>, $crate::Error> {
            $crate::serde_json::to_vec(u).map_err($crate::Error::serialize)
        }

        pub fn handlers() -> $crate::Handlers {
            $crate::Handlers {
                parse: Some(Box::new(|model, payload| read(model, payload).map(|u| render(&u)))),
                serialize: Some(Box::new(|model, value| write(&build(model, value)?))),
                reserialize: Some(Box::new(|model, payload| write(&read(model, payload)?))),
                ..Default::default()
            }
        }
    };
}
