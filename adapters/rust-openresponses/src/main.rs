//! Harness for openresponses-rust: its event union `StreamingEvent` (the spec's 24 events and an `Unknown`
//! fallback, read by its own Deserialize) over the stdio protocol, spoken by ../_harness-lib/rust. The event
//! types it declares are the list below; sse is eventsource-stream, which the crate's streams run every
//! response body through (`.eventsource()`).

use eventsource_stream::Eventsource;
use openresponses_rust::StreamingEvent;
use orc_harness::{collect, locked_version, serve, variant_models, ChunkStream, Error, Event, Implementation};

variant_models! {
    union StreamingEvent;
    fallback Unknown { event_type, raw };
    "response.created" => ResponseCreated { sequence_number, response: serde };
    "response.queued" => ResponseQueued { sequence_number, response: serde };
    "response.in_progress" => ResponseInProgress { sequence_number, response: serde };
    "response.completed" => ResponseCompleted { sequence_number, response: serde };
    "response.failed" => ResponseFailed { sequence_number, response: serde };
    "response.incomplete" => ResponseIncomplete { sequence_number, response: serde };
    "response.output_item.added" => OutputItemAdded { sequence_number, output_index, item: serde };
    "response.output_item.done" => OutputItemDone { sequence_number, output_index, item: serde };
    "response.content_part.added" => ContentPartAdded { sequence_number, item_id, output_index, content_index, part: serde };
    "response.content_part.done" => ContentPartDone { sequence_number, item_id, output_index, content_index, part: serde };
    "response.output_text.delta" => OutputTextDelta { sequence_number, item_id, output_index, content_index, delta, logprobs: serde, obfuscation };
    "response.output_text.done" => OutputTextDone { sequence_number, item_id, output_index, content_index, text, logprobs: serde };
    "response.refusal.delta" => RefusalDelta { sequence_number, item_id, output_index, content_index, delta };
    "response.refusal.done" => RefusalDone { sequence_number, item_id, output_index, content_index, refusal };
    "response.reasoning.delta" => ReasoningDelta { sequence_number, item_id, output_index, content_index, delta, obfuscation };
    "response.reasoning.done" => ReasoningDone { sequence_number, item_id, output_index, content_index, text };
    "response.reasoning_summary_text.delta" => ReasoningSummaryDelta { sequence_number, item_id, output_index, summary_index, delta, obfuscation };
    "response.reasoning_summary_text.done" => ReasoningSummaryDone { sequence_number, item_id, output_index, summary_index, text };
    "response.reasoning_summary_part.added" => ReasoningSummaryPartAdded { sequence_number, item_id, output_index, summary_index, part: serde };
    "response.reasoning_summary_part.done" => ReasoningSummaryPartDone { sequence_number, item_id, output_index, summary_index, part: serde };
    "response.output_text.annotation.added" => OutputTextAnnotationAdded {
        sequence_number, item_id, output_index, content_index, annotation_index, annotation: serde
    };
    "response.function_call_arguments.delta" => FunctionCallArgumentsDelta { sequence_number, item_id, output_index, delta, obfuscation };
    "response.function_call_arguments.done" => FunctionCallArgumentsDone { sequence_number, item_id, output_index, arguments };
    "error" => Error { sequence_number, error: serde };
}

/// The events eventsource-stream yields for the chunks, one chunk a poll as a response body delivers them,
/// through the `Eventsource` extension the crate calls on a body; the error its streams then give is the
/// decoder's refusal.
fn decode(chunks: Vec<Vec<u8>>) -> Result<Vec<Event>, Error> {
    let mut events = Vec::new();
    for item in collect(ChunkStream::new(chunks).eventsource()) {
        let e = item.map_err(|e| Error::parse(format!("the stream failed after {} event(s): {e}", events.len())))?;
        // the type as the decoder names it: "message" for an event without an `event:` field (WHATWG)
        events.push(Event { event: Some(e.event), data: e.data });
    }
    Ok(events)
}

fn main() {
    let mut handlers = handlers();
    handlers.sse = Some(Box::new(decode));
    let who = Implementation { name: "openresponses-rust", language: "Rust", version: locked_version(include_str!("../Cargo.lock"), "openresponses-rust") };
    serve(who, &models(), handlers);
}
