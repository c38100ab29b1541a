//! Harness for async-openai: its Responses stream event union (`types::responses::ResponseStreamEvent`,
//! serde, internally tagged by `type`, no fallback) over the stdio protocol, spoken by ../_harness-lib/rust.
//! The event types it declares are the union's own, as its Deserialize lists them; every event goes through
//! the union, so an event the crate adds costs this file nothing. sse is eventsource-stream's
//! `EventStream`, the decoder async-openai's `stream` runs a response's bytes through.

use async_openai::types::responses::ResponseStreamEvent;
use eventsource_stream::EventStream;
use orc_harness::{collect, locked_version, serde_tags, serde_union_handlers, serve, ChunkStream, Error, Event, Implementation};

/// The events eventsource-stream yields for the chunks, one chunk a poll as a response body delivers
/// them; the error a program's stream then gives is the decoder's refusal.
fn decode(chunks: Vec<Vec<u8>>) -> Result<Vec<Event>, Error> {
    let mut events = Vec::new();
    for item in collect(EventStream::new(ChunkStream::new(chunks))) {
        let e = item.map_err(|e| Error::parse(format!("the stream failed after {} event(s): {e}", events.len())))?;
        // the type as the SDK dispatches it: "message" for an event without an `event:` field (WHATWG)
        events.push(Event { event: Some(e.event), data: e.data });
    }
    Ok(events)
}

fn main() {
    let types = serde_tags::<ResponseStreamEvent>();
    let mut handlers = serde_union_handlers::<ResponseStreamEvent>();
    handlers.sse = Some(Box::new(decode));
    let who = Implementation { name: "async-openai", language: "Rust", version: locked_version(include_str!("../Cargo.lock"), "async-openai") };
    serve(who, &types.iter().map(String::as_str).collect::<Vec<_>>(), handlers);
}
