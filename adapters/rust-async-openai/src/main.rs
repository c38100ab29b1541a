//! Harness for async-openai: its Responses stream event union (`types::responses::ResponseStreamEvent`,
//! serde, internally tagged by `type`) over the stdio protocol, spoken by ../_harness-lib/rust. The
//! models it declares are the list below; sse is eventsource-stream's `EventStream`, the decoder
//! async-openai's `stream` runs a response's bytes through.

use async_openai::types::responses::{
    ResponseImageGenCallCompletedEvent, ResponseImageGenCallGeneratingEvent, ResponseImageGenCallInProgressEvent, ResponseImageGenCallPartialImageEvent,
    ResponseStreamEvent,
};
use eventsource_stream::EventStream;
use orc_harness::{collect, locked_version, serve, union_models, ChunkStream, Error, Event, Implementation};

union_models! {
    union ResponseStreamEvent;
    "OpenResponsesImageGenCallInProgress" => "response.image_generation_call.in_progress",
        ResponseStreamEvent::ResponseImageGenerationCallInProgress, ResponseImageGenCallInProgressEvent { sequence_number, output_index, item_id };
    "OpenResponsesImageGenCallGenerating" => "response.image_generation_call.generating",
        ResponseStreamEvent::ResponseImageGenerationCallGenerating, ResponseImageGenCallGeneratingEvent { sequence_number, output_index, item_id };
    "OpenResponsesImageGenCallPartialImage" => "response.image_generation_call.partial_image",
        ResponseStreamEvent::ResponseImageGenerationCallPartialImage, ResponseImageGenCallPartialImageEvent {
            sequence_number, output_index, item_id, partial_image_index, partial_image_b64, size, quality, background, output_format
        };
    "OpenResponsesImageGenCallCompleted" => "response.image_generation_call.completed",
        ResponseStreamEvent::ResponseImageGenerationCallCompleted, ResponseImageGenCallCompletedEvent { sequence_number, output_index, item_id };
}

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
    let mut handlers = handlers();
    handlers.sse = Some(Box::new(decode));
    let who = Implementation { name: "async-openai", language: "Rust", version: locked_version(include_str!("../Cargo.lock"), "async-openai") };
    serve(who, &models(), handlers);
}
