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

/// The same for an SDK whose event union is an enum of struct variants (`Union::Variant { fields }`), its
/// models declared by event type: for each, the wire `type`, the variant and its fields. A field written
/// `name: serde` is a nested type of the SDK's (an object, a list, an `Option` of one): it is rendered by
/// the SDK's own serializer (`serde_json::to_value`, then `shaped` by the payload's nulls) and built by its
/// own Deserialize from the value's member (`exact`); a type that cannot hold the member is unrepresentable.
/// Other fields go through `Wire`, as above. `fallback Variant { field }` names the variant the union
/// gives an event type it does not know and the field holding that type: an event read as it is a
/// refusal that says so.
#[macro_export]
macro_rules! variant_models {
    (
        union $union:ident;
        fallback $fallback:ident { $fallback_type:ident };
        $( $tag:literal => $variant:ident { $( $field:ident $(: $how:ident)? ),* $(,)? } );* $(;)?
    ) => {
        pub fn models() -> Vec<&'static str> {
            vec![$($tag),*]
        }

        fn class(u: &$union) -> String {
            match u {
                $union::$fallback { $fallback_type, .. } => format!("{}({:?})", stringify!($fallback), $fallback_type),
                $( $union::$variant { .. } => stringify!($variant).to_string(), )*
                #[allow(unreachable_patterns)]
                _ => format!("{u:?}").split(|c: char| c == '(' || c == ' ' || c == '{').next().unwrap_or_default().to_string(),
            }
        }

        fn read(tag: &str, payload: &[u8]) -> Result<$union, $crate::Error> {
            let u: $union = $crate::serde_json::from_slice(payload).map_err($crate::Error::parse)?;
            match (tag, &u) {
                $( ($tag, $union::$variant { .. }) => Ok(u), )*
                _ => Err($crate::Error::parse(format!("the union read it as {}, not {}", class(&u), tag))),
            }
        }

        fn render(u: &$union, payload: &[u8]) -> Result<$crate::serde_json::Value, $crate::Error> {
            let sent: Option<$crate::serde_json::Value> = $crate::serde_json::from_slice(payload).ok();
            let mut m = $crate::serde_json::Map::new();
            match u {
                $( $union::$variant { $($field,)* .. } => {
                    m.insert("type".to_string(), $crate::serde_json::Value::String($tag.to_string()));
                    $( $crate::variant_field!(render m, sent, $field $(, $how)?); )*
                } )*
                #[allow(unreachable_patterns)]
                _ => unreachable!("read gives only the variants listed"),
            }
            Ok($crate::serde_json::Value::Object(m))
        }

        fn build(tag: &str, value: &$crate::serde_json::value::RawValue) -> Result<$union, $crate::Error> {
            let members = $crate::fields(value)?;
            match tag {
                $( $tag => Ok($union::$variant { $( $field: $crate::variant_field!(build members, $field $(, $how)?), )* }), )*
                _ => Err($crate::Error { kind: "unsupported", message: format!("no model {tag}") }),
            }
        }

        fn write(u: &$union) -> Result<Vec<u8>, $crate::Error> {
            $crate::serde_json::to_vec(u).map_err($crate::Error::serialize)
        }

        pub fn handlers() -> $crate::Handlers {
            $crate::Handlers {
                parse: Some(Box::new(|tag, payload| render(&read(tag, payload)?, payload))),
                serialize: Some(Box::new(|tag, value| write(&build(tag, value)?))),
                reserialize: Some(Box::new(|tag, payload| write(&read(tag, payload)?))),
                ..Default::default()
            }
        }
    };
}

/// One field of `variant_models!`: rendered into the reply, or built from the request's members.
#[doc(hidden)]
#[macro_export]
macro_rules! variant_field {
    (render $m:ident, $sent:ident, $field:ident) => {
        if let Some(v) = $crate::Wire::render($field) {
            $m.insert(stringify!($field).to_string(), v);
        }
    };
    (render $m:ident, $sent:ident, $field:ident, serde) => {
        let written =
            $crate::serde_json::to_value($field).map_err(|e| $crate::Error::exception(format!("{}: the SDK could not write it: {e}", stringify!($field))))?;
        let member = $sent.as_ref().and_then(|s| s.get(stringify!($field)));
        // whether the SDK's type has a member: a string there, read and written by the SDK, comes back; a
        // member it does not name is ignored and dropped; a typed member refuses the string outright
        let modelled = |path: &[$crate::Step], key: &str| {
            let Some(root) = member else { return false };
            let probe = $crate::with_member(root, path, key, $crate::serde_json::Value::String(String::new()));
            match $crate::serde_json::from_value(probe) {
                Ok(t) => {
                    let _same_type = [&t, $field];
                    $crate::serde_json::to_value(&t).ok().and_then(|w| $crate::at(&w, path).and_then(|o| o.get(key)).cloned()).is_some()
                }
                Err(_) => true,
            }
        };
        if let Some(v) = $crate::shaped(written, member, &mut Vec::new(), &modelled) {
            $m.insert(stringify!($field).to_string(), v);
        }
    };
    (build $members:ident, $field:ident) => {
        $crate::Wire::build(stringify!($field), $members.get(stringify!($field)).map(|r| &**r))?
    };
    (build $members:ident, $field:ident, serde) => {{
        // a member left out is what a program leaves out: `None` for an Option, and for a required type nothing it can build
        let member = match $members.get(stringify!($field)) {
            Some(raw) => $crate::exact(raw)?,
            None => $crate::serde_json::Value::Null,
        };
        $crate::serde_json::from_value(member)
            .map_err(|e| $crate::Error::unrepresentable(format!("{}: unrepresentable in the SDK's type: {e}", stringify!($field))))?
    }};
}
