use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};

use crate::{Error, Event};

/// Who the harness says it is in its hello.
pub struct Implementation {
    pub name: &'static str,
    pub language: &'static str,
    pub version: String,
}

type Reading = Box<dyn Fn(&str, &[u8]) -> Result<Value, Error>>;
type Writing<I> = Box<dyn Fn(&str, &I) -> Result<Vec<u8>, Error>>;
/// What the union made of one event's data: its value in wire shape and the variant's name.
type Union = Box<dyn Fn(&[u8]) -> Result<(Value, String), Error>>;

/// The SDK calls behind each operation; one left None is not declared in the hello.
#[derive(Default)]
pub struct Handlers {
    pub parse: Option<Reading>,
    pub serialize: Option<Writing<RawValue>>,
    pub reserialize: Option<Writing<[u8]>>,
    pub sse: Option<Box<dyn Fn(Vec<Vec<u8>>) -> Result<Vec<Event>, Error>>>,
    /// One event's data through the SDK's stream-event union whatever its type; declared with the models
    /// (the event types the union models).
    pub union: Option<Union>,
    /// The SDK's decoder hands on an event's data as JSON it parsed and wrote again (`"sseData": "json"`).
    pub sse_data_is_json: bool,
}

/// The version of a package as the harness's Cargo.lock pins it (pass `include_str!("../Cargo.lock")`),
/// so the hello says what was built and no second copy of the pin can drift.
pub fn locked_version(lock: &str, package: &str) -> String {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return v.trim_end_matches('"').to_string();
            }
        }
    }
    "unknown".to_string()
}

fn text(req: &HashMap<String, Box<RawValue>>, key: &str) -> Result<String, Error> {
    let raw = req.get(key).ok_or_else(|| Error::exception(format!("the request has no {key}")))?;
    serde_json::from_str(raw.get()).map_err(|e| Error::exception(format!("the request's {key} is not a string: {e}")))
}

fn bytes(req: &HashMap<String, Box<RawValue>>, key: &str) -> Result<Vec<u8>, Error> {
    BASE64.decode(text(req, key)?).map_err(|e| Error::exception(format!("bad base64 from the runner: {e}")))
}

fn encoded(out: Result<Vec<u8>, Error>) -> Result<Map<String, Value>, Error> {
    out.map(|b| Map::from_iter([("bytes".to_string(), Value::String(BASE64.encode(b)))]))
}

fn answer(h: &Handlers, models: &[&str], req: &HashMap<String, Box<RawValue>>) -> Result<Map<String, Value>, Error> {
    let op = text(req, "op")?;
    if op == "union" {
        let union = h.union.as_ref().ok_or_else(|| Error { kind: "unsupported", message: "union is not supported".to_string() })?;
        let (value, made) = union(&bytes(req, "payload")?)?;
        return Ok(Map::from_iter([("value".to_string(), value), ("as".to_string(), Value::String(made))]));
    }
    // a harness that declared event types answers by the request's `event`; one that declared titles by its `model`
    let model = match text(req, "event") {
        Ok(event) if models.contains(&event.as_str()) => event,
        _ => text(req, "model")?,
    };
    let unsupported = || Error { kind: "unsupported", message: format!("{op} is not supported for {model}") };
    if op == "sse" {
        let sse = h.sse.as_ref().ok_or_else(unsupported)?;
        let raw = req.get("chunks").ok_or_else(|| Error::exception("the request has no chunks"))?;
        let chunks: Vec<String> = serde_json::from_str(raw.get()).map_err(|e| Error::exception(format!("bad chunks: {e}")))?;
        let chunks = chunks.iter().map(|c| BASE64.decode(c)).collect::<Result<Vec<_>, _>>();
        let events = sse(chunks.map_err(|e| Error::exception(format!("bad base64 from the runner: {e}")))?)?;
        let events = events.into_iter().map(|e| json!({ "event": e.event, "data": e.data }));
        return Ok(Map::from_iter([("events".to_string(), Value::Array(events.collect()))]));
    }
    if !models.contains(&model.as_str()) {
        return Err(unsupported());
    }
    match op.as_str() {
        "parse" if h.parse.is_some() => {
            let value = h.parse.as_ref().unwrap()(&model, &bytes(req, "payload")?)?;
            Ok(Map::from_iter([("value".to_string(), value)]))
        }
        "serialize" if h.serialize.is_some() => {
            let value = req.get("value").ok_or_else(|| Error::exception("the request has no value"))?;
            encoded(h.serialize.as_ref().unwrap()(&model, value))
        }
        "reserialize" if h.reserialize.is_some() => encoded(h.reserialize.as_ref().unwrap()(&model, &bytes(req, "payload")?)),
        _ => Err(unsupported()),
    }
}

fn reply(id: &str, out: Result<Map<String, Value>, Error>) -> String {
    let mut body = match out {
        Ok(fields) => fields,
        Err(e) => Map::from_iter([("error".to_string(), json!({ "kind": e.kind, "message": e.message }))]),
    };
    body.insert("ok".to_string(), Value::Bool(!body.contains_key("error")));
    // the id goes back as the very text it came as
    let rest = serde_json::to_string(&body).expect("a reply of strings, numbers and arrays is always written");
    format!("{{\"id\":{id},{}", &rest[1..])
}

/// Says hello, then answers requests, one line each, until stdin closes.
pub fn serve(who: Implementation, models: &[&str], h: Handlers) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let declared = [
        ("parse", h.parse.is_some()),
        ("serialize", h.serialize.is_some()),
        ("reserialize", h.reserialize.is_some()),
        ("sse", h.sse.is_some()),
        ("union", h.union.is_some()),
    ];
    let operations: Map<String, Value> = declared.iter().filter(|(_, on)| *on).map(|(op, _)| (op.to_string(), json!(models))).collect();
    let mut hello = json!({
        "type": "hello", "protocol": 1,
        "implementation": { "name": who.name, "language": who.language, "version": who.version },
        "operations": operations,
    });
    if h.sse_data_is_json {
        hello["sseData"] = json!("json");
    }
    writeln!(out, "{hello}").and_then(|_| out.flush()).expect("stdout is open");
    let mut input = std::io::stdin().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let req: HashMap<String, Box<RawValue>> = match serde_json::from_slice(&line) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("bad request line: {e}");
                continue;
            }
        };
        let id = req.get("id").map_or("null".to_string(), |r| r.get().to_string());
        let out_of = catch_unwind(AssertUnwindSafe(|| answer(&h, models, &req)));
        let result = out_of.unwrap_or_else(|p| {
            let why = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(Error::exception(format!("panic: {}", why.unwrap_or_default())))
        });
        if writeln!(out, "{}", reply(&id, result)).and_then(|_| out.flush()).is_err() {
            return;
        }
    }
}
