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
