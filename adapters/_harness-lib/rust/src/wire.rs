use std::collections::HashMap;

use serde_json::value::RawValue;
use serde_json::Value;

use crate::Error;

/// A field type of an SDK's model, read into a reply and built from a request's value. Building reads a
/// number from its digits: an integer type takes a literal whose value is an integer it can hold
/// (`1`, `1.0`, `1e0`, `-0`), and anything else is unrepresentable, as a program could not assign it.
pub trait Wire: Sized {
    /// The field in wire shape as the SDK holds it; None leaves it out (an optional field not set).
    fn render(&self) -> Option<Value>;
    /// The field from the value's member `raw` (None when the value has no such member).
    fn build(field: &str, raw: Option<&RawValue>) -> Result<Self, Error>;
}

/// A request's value as its members, each kept as the text it came as (no number is rounded).
pub fn fields(value: &RawValue) -> Result<HashMap<String, Box<RawValue>>, Error> {
    serde_json::from_str(value.get()).map_err(|e| Error::unrepresentable(format!("the value is not an object the SDK's type can hold: {e}")))
}

fn cannot(field: &str, raw: &RawValue, ty: &str) -> Error {
    Error::unrepresentable(format!("{field}: {} is unrepresentable in the SDK's type {ty}", raw.get()))
}

impl Wire for String {
    fn render(&self) -> Option<Value> {
        Some(Value::String(self.clone()))
    }
    fn build(field: &str, raw: Option<&RawValue>) -> Result<Self, Error> {
        // a missing member leaves the field as Default makes it, as `..Default::default()` in a program does
        raw.map_or(Ok(String::new()), |r| serde_json::from_str(r.get()).map_err(|_| cannot(field, r, "String")))
    }
}

impl Wire for bool {
    fn render(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
    fn build(field: &str, raw: Option<&RawValue>) -> Result<Self, Error> {
        raw.map_or(Ok(false), |r| serde_json::from_str(r.get()).map_err(|_| cannot(field, r, "bool")))
    }
}

/// A number literal's value as an integer of type T: its digits when they are one, else its double
/// (Rust's parse is correctly rounded) when that is an integer T holds.
fn integer<T: std::str::FromStr + TryFrom<i128>>(text: &str) -> Option<T> {
    if !text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return None;
    }
    if let Ok(n) = text.parse::<T>() {
        return Some(n);
    }
    let x = text.parse::<f64>().ok()?;
    // beyond 2^100 no integer type here holds it; below that the double converts to i128 exactly
    if !x.is_finite() || x.fract() != 0.0 || x.abs() >= 2f64.powi(100) {
        return None;
    }
    T::try_from(x as i128).ok()
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn render(&self) -> Option<Value> {
                Some(Value::from(*self))
            }
            fn build(field: &str, raw: Option<&RawValue>) -> Result<Self, Error> {
                raw.map_or(Ok(0), |r| integer::<$t>(r.get()).ok_or_else(|| cannot(field, r, stringify!($t))))
            }
        }
    )*};
}
integers!(u8, u16, u32, u64, i8, i16, i32, i64);

impl Wire for f64 {
    fn render(&self) -> Option<Value> {
        // JSON has no NaN or Infinity: one an SDK holds is shown as its name, so it stays visible
        let name = if self.is_nan() {
            "NaN"
        } else if *self > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        };
        Some(serde_json::Number::from_f64(*self).map_or_else(|| Value::String(name.into()), Value::Number))
    }
    fn build(field: &str, raw: Option<&RawValue>) -> Result<Self, Error> {
        let Some(r) = raw else { return Ok(0.0) };
        let numeric = r.get().starts_with(|c: char| c == '-' || c.is_ascii_digit());
        match r.get().parse::<f64>() {
            Ok(x) if numeric && x.is_finite() => Ok(x),
            _ => Err(cannot(field, r, "f64")),
        }
    }
}

impl<T: Wire> Wire for Option<T> {
    fn render(&self) -> Option<Value> {
        self.as_ref().and_then(Wire::render)
    }
    fn build(field: &str, raw: Option<&RawValue>) -> Result<Self, Error> {
        match raw {
            None => Ok(None),
            Some(r) if r.get() == "null" => Ok(None),
            Some(r) => T::build(field, Some(r)).map(Some),
        }
    }
}

/// One step into a JSON value: a member's name or an item's index.
#[derive(Clone)]
pub enum Step {
    Key(String),
    Item(usize),
}

/// The value at `path` inside `v`, if it is there.
pub fn at<'a>(v: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get(k),
        Step::Item(i) => v.get(i),
    })
}

/// `v` with the member `key` of the object at `path` set to `to`.
pub fn with_member(v: &Value, path: &[Step], key: &str, to: Value) -> Value {
    let mut out = v.clone();
    let mut here = &mut out;
    for step in path {
        here = match step {
            Step::Key(k) => &mut here[k.as_str()],
            Step::Item(i) => &mut here[*i],
        };
    }
    if let Some(o) = here.as_object_mut() {
        o.insert(key.to_string(), to);
    }
    out
}

/// A nested value the SDK's serializer wrote (serde's `to_value`), shaped as the payload spelled what the
/// SDK holds as `None`, which it cannot tell from a member left out: serde writes `null` for an unset
/// `Option`, or skips it (`skip_serializing_if`). A `null` is kept where the payload `sent` one and left
/// out where it did not; a member the writer skipped that the payload sent as `null` is `null` again when
/// the SDK's type has that member (`modelled`, which asks the SDK itself); everything else is as the SDK
/// wrote it. None: leave the member out.
pub fn shaped(written: Value, sent: Option<&Value>, path: &mut Vec<Step>, modelled: &dyn Fn(&[Step], &str) -> bool) -> Option<Value> {
    match written {
        Value::Null => sent.filter(|s| s.is_null()).map(|_| Value::Null),
        Value::Object(members) => {
            let mut out = serde_json::Map::new();
            for (k, v) in members {
                path.push(Step::Key(k.clone()));
                let v = shaped(v, sent.and_then(|s| s.get(&k)), path, modelled);
                path.pop();
                if let Some(v) = v {
                    out.insert(k, v);
                }
            }
            for (k, v) in sent.and_then(Value::as_object).into_iter().flatten() {
                if v.is_null() && !out.contains_key(k) && modelled(path, k) {
                    out.insert(k.clone(), Value::Null);
                }
            }
            Some(Value::Object(out))
        }
        // an array keeps its length: a null item stays null
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.into_iter().enumerate() {
                path.push(Step::Item(i));
                out.push(shaped(v, sent.and_then(|s| s.get(i)), path, modelled).unwrap_or(Value::Null));
                path.pop();
            }
            Some(Value::Array(out))
        }
        other => Some(other),
    }
}

/// A request's member as a serde_json Value whose numbers are exactly the literals' values (serde_json's
/// own float reading is not correctly rounded): an integer literal as its integer, `1.0` as 1 (a program
/// can assign it to an integer field), anything else as its correctly rounded double; `-0` stays a float.
/// An SDK's nested type is then built from it by its own Deserialize.
pub fn exact(raw: &RawValue) -> Result<Value, Error> {
    let text = raw.get().trim();
    let bad = |e: serde_json::Error| Error::exception(format!("the runner sent JSON the harness cannot read: {e}"));
    match text.as_bytes().first() {
        Some(b'{') => {
            let members: HashMap<String, Box<RawValue>> = serde_json::from_str(text).map_err(bad)?;
            members.into_iter().map(|(k, v)| Ok((k, exact(&v)?))).collect::<Result<serde_json::Map<_, _>, _>>().map(Value::Object)
        }
        Some(b'[') => {
            let items: Vec<Box<RawValue>> = serde_json::from_str(text).map_err(bad)?;
            items.iter().map(|v| exact(v)).collect::<Result<Vec<_>, _>>().map(Value::Array)
        }
        Some(b'-' | b'0'..=b'9') => {
            let negative_zero = text.starts_with('-') && text.parse::<f64>().is_ok_and(|x| x == 0.0);
            if let (false, Some(n)) = (negative_zero, integer::<i64>(text)) {
                return Ok(Value::from(n));
            }
            if let (false, Some(n)) = (negative_zero, integer::<u64>(text)) {
                return Ok(Value::from(n));
            }
            let x = text.parse::<f64>().ok().and_then(serde_json::Number::from_f64);
            x.map(Value::Number).ok_or_else(|| Error::unrepresentable(format!("{text} is unrepresentable in a double")))
        }
        _ => serde_json::from_str(text).map_err(bad),
    }
}
