//! An SDK's stream-event union that is a serde enum internally tagged by `type` (`#[serde(tag = "type")]`,
//! one variant per event, none a fallback), served whole: a new event in the SDK costs the harness no code.
//!
//! - the event types: the union's own variant names, as its derived Deserialize lists them when it meets a
//!   type it does not have (serde's `unknown variant …, expected one of …`);
//! - parse: `serde_json::from_slice` into the union, the SDK's own serde code; the answer is the event
//!   only when the union made the variant of that type (the `type` its Serialize writes for it), read
//!   deep through the typed value's fields as its derived Serialize visits them, `shaped` by the payload's
//!   nulls (Rust has no other way to walk a typed value's fields);
//! - serialize: the variant built by the SDK's own Deserialize from the value (`exact`: every number as
//!   its literal's value), a value its types cannot hold being unrepresentable, then `serde_json::to_vec`;
//! - reserialize: the union as parse gave it, written by `serde_json::to_vec`;
//! - union: the bytes through the union whatever their type: the variant it made, or its error.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::{exact, shaped, with_member, Error, Handlers, Step};

/// The tags the union's derived Deserialize names when it refuses a type it does not model. Panics (the
/// harness cannot say hello) when the union answers otherwise: it is then not the kind of union this serves.
pub fn serde_tags<U: DeserializeOwned>() -> Vec<String> {
    let probe = r#"{"type":"orc.no-such-event"}"#;
    let message = match serde_json::from_str::<U>(probe) {
        Ok(_) => panic!("the union read the type orc.no-such-event: it has a fallback, and cannot list its tags this way"),
        Err(e) => e.to_string(),
    };
    let list = message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))
        .map(|(_, list)| list)
        .unwrap_or_else(|| panic!("the union's refusal of an unknown type names no tags: {message}"));
    // serde writes each tag between backticks: "`a`, `b`, `c` at line 1 column 29"
    list.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// The variant's name, as the union's derived Debug begins with it.
fn variant_name<U: Debug>(u: &U) -> String {
    let shown = format!("{u:?}");
    shown.split(|c: char| c == '(' || c == ' ' || c == '{').next().unwrap_or_default().to_string()
}

fn read<U: DeserializeOwned>(payload: &[u8]) -> Result<U, Error> {
    serde_json::from_slice(payload).map_err(Error::parse)
}

/// What the union's Serialize writes for the variant, and the `type` it writes it as.
fn written<U: Serialize>(u: &U) -> Result<(Value, String), Error> {
    let v = serde_json::to_value(u).map_err(|e| Error::exception(format!("the SDK could not write what it read: {e}")))?;
    let tag = v.get("type").and_then(Value::as_str).unwrap_or_default().to_string();
    Ok((v, tag))
}

/// `u`, read from the event type `tag`: another variant is a refusal that names it.
fn typed<U: Serialize + Debug>(tag: &str, u: &U) -> Result<Value, Error> {
    let (v, made) = written(u)?;
    if made != tag {
        return Err(Error::parse(format!("the union read it as {} ({made}), not {tag}", variant_name(u))));
    }
    Ok(v)
}

/// The variant's fields in wire shape, deep, as the SDK holds them: an optional member it holds as None is
/// left out unless the payload sent it as null.
fn render<U: Serialize + DeserializeOwned>(v: Value, payload: &[u8]) -> Value {
    let sent: Option<Value> = serde_json::from_slice(payload).ok();
    // whether the SDK's type has a member: a string put there, read and written by the SDK, comes back; a
    // member it does not name is ignored and dropped; a typed member refuses the string outright
    let modelled = |path: &[Step], key: &str| {
        let Some(root) = sent.as_ref() else { return false };
        let probe = with_member(root, path, key, Value::String(String::new()));
        match serde_json::from_value::<U>(probe) {
            Ok(t) => serde_json::to_value(&t).ok().and_then(|w| crate::at(&w, path).and_then(|o| o.get(key)).cloned()).is_some(),
            Err(_) => true,
        }
    };
    shaped(v, sent.as_ref(), &mut Vec::new(), &modelled).unwrap_or(Value::Null)
}

fn build<U: Serialize + DeserializeOwned + Debug>(tag: &str, value: &RawValue) -> Result<U, Error> {
    let u: U = serde_json::from_value(exact(value)?).map_err(|e| Error::unrepresentable(format!("unrepresentable in the SDK's type: {e}")))?;
    let (_, made) = written(&u)?;
    if made != tag {
        return Err(Error::unrepresentable(format!("the value's type makes {} ({made}), not {tag}", variant_name(&u))));
    }
    Ok(u)
}

fn write<U: Serialize>(u: &U) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(u).map_err(Error::serialize)
}

/// parse, serialize, reserialize and union through the union `U`.
pub fn serde_union_handlers<U: Serialize + DeserializeOwned + Debug + 'static>() -> Handlers {
    Handlers {
        parse: Some(Box::new(|tag, payload| {
            let u: U = read(payload)?;
            Ok(render::<U>(typed(tag, &u)?, payload))
        })),
        serialize: Some(Box::new(|tag, value| write(&build::<U>(tag, value)?))),
        reserialize: Some(Box::new(|tag, payload| {
            let u: U = read(payload)?;
            typed(tag, &u)?;
            write(&u)
        })),
        union: Some(Box::new(|payload| {
            let u: U = read(payload)?;
            let (v, _) = written(&u)?;
            Ok((render::<U>(v, payload), variant_name(&u)))
        })),
        ..Default::default()
    }
}
