/// The models a harness parses through its SDK's event union when the union is an enum of struct variants
/// (`Union::Variant { fields }`) with a hand-written Deserialize (so it has no tag list of its own to
/// read), as data, declared by event type: for each, the wire `type`, the variant and its fields. A field
/// written `name: serde` is a nested type of the SDK's (an object, a list, an `Option` of one): it is
/// rendered by the SDK's own serializer (`serde_json::to_value`, then `shaped` by the payload's nulls) and
/// built by its own Deserialize from the value's member (`exact`); a type that cannot hold the member is
/// unrepresentable. Other fields go through `Wire` (scalars). `fallback Variant { type_field, raw_field }`
/// names the variant the union gives an event type it does not know, the field holding that type and the
/// one holding the event as it kept it: parsing an event read as it is a refusal that says so, and union
/// answers the kept event as that variant.
#[macro_export]
macro_rules! variant_models {
    (
        union $union:ident;
        fallback $fallback:ident { $fallback_type:ident, $fallback_raw:ident };
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

        /// Whatever the union made of the bytes: a listed variant rendered as parse renders it, the fallback
        /// as the event it kept; the union's refusal is its error.
        fn union(payload: &[u8]) -> Result<($crate::serde_json::Value, String), $crate::Error> {
            let u: $union = $crate::serde_json::from_slice(payload).map_err($crate::Error::parse)?;
            match &u {
                $union::$fallback { $fallback_raw, .. } => Ok(($fallback_raw.clone(), stringify!($fallback).to_string())),
                $( $union::$variant { .. } => Ok((render(&u, payload)?, stringify!($variant).to_string())), )*
                #[allow(unreachable_patterns)]
                _ => Err($crate::Error::exception(format!("the union made {}, which the harness does not list", class(&u)))),
            }
        }

        pub fn handlers() -> $crate::Handlers {
            // the list is typed here, not read from the union (a hand-written Deserialize has no tag list): each
            // tag is checked against the union, which must not give an event of that type its fallback
            for tag in models() {
                let probe = $crate::serde_json::json!({ "type": tag });
                if let Ok($union::$fallback { .. }) = $crate::serde_json::from_value::<$union>(probe) {
                    panic!("the union does not model {tag}: it reads it as {}", stringify!($fallback));
                }
            }
            $crate::Handlers {
                parse: Some(Box::new(|tag, payload| render(&read(tag, payload)?, payload))),
                serialize: Some(Box::new(|tag, value| write(&build(tag, value)?))),
                reserialize: Some(Box::new(|tag, payload| write(&read(tag, payload)?))),
                union: Some(Box::new(union)),
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
