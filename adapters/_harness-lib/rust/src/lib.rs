//! The stdio protocol (schema/protocol/) for Rust harnesses: it says hello, reads requests, calls the
//! handlers a harness gives and writes replies, so a harness holds only its calls into its SDK (a serde
//! union served whole by `serde_union_handlers`, or its models as data through `variant_models!`).
//! Nothing escapes a request: a panic becomes an "exception" reply, so the runner can tell a refusal
//! from a defect.

mod chunks;
mod models;
mod protocol;
mod serde_union;
mod wire;

pub use chunks::{collect, ChunkStream};
pub use protocol::{locked_version, serve, Handlers, Implementation};
pub use serde_union::{serde_tags, serde_union_handlers};
pub use wire::{at, exact, fields, shaped, with_member, Step, Wire};
// the macro's expansion names these through $crate, so a harness needs no serde_json of its own
pub use serde_json;

/// A reply's error. `kind` is parse_error or serialize_error when the SDK refused the input the way it
/// documents, unrepresentable when the SDK's type cannot hold a value (its serializer never ran),
/// unsupported, or exception for anything else.
#[derive(Debug)]
pub struct Error {
    pub kind: &'static str,
    pub message: String,
}

impl Error {
    pub fn parse(message: impl ToString) -> Error {
        Error { kind: "parse_error", message: message.to_string() }
    }
    pub fn serialize(message: impl ToString) -> Error {
        Error { kind: "serialize_error", message: message.to_string() }
    }
    pub fn unrepresentable(message: impl ToString) -> Error {
        Error { kind: "unrepresentable", message: message.to_string() }
    }
    pub fn exception(message: impl ToString) -> Error {
        Error { kind: "exception", message: message.to_string() }
    }
}

/// One event as a decoder yields it: its event field (None when it had none) and its data as text.
pub struct Event {
    pub event: Option<String>,
    pub data: String,
}
