// Harness for github.com/OpenRouterTeam/go-sdk v0.2.0: the models renamed components.ImageGenCall*Event, still float64.
// Each operation is the SDK's own code, on the path a Go program takes:
//
//	parse:       json.Unmarshal into components.ImageGenCallXEvent (its UnmarshalJSON), read through its GetX methods
//	serialize:   the struct's fields set from the value, written by json.Marshal (its MarshalJSON)
//	reserialize: the two above, the SDK's struct in between
//	sse:         the SDK's text/event-stream decoder, stream.NewEventStream, over the chunks as a socket delivers them
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/OpenRouterTeam/go-sdk/models/components"
	"github.com/OpenRouterTeam/go-sdk/types/stream"
	harness "openresponses-conformance/harnesslib"
)

var models = map[string]func() any{
	"OpenResponsesImageGenCallInProgress":   func() any { return &components.ImageGenCallInProgressEvent{} },
	"OpenResponsesImageGenCallGenerating":   func() any { return &components.ImageGenCallGeneratingEvent{} },
	"OpenResponsesImageGenCallPartialImage": func() any { return &components.ImageGenCallPartialImageEvent{} },
	"OpenResponsesImageGenCallCompleted":    func() any { return &components.ImageGenCallCompletedEvent{} },
}

var union = len(os.Args) > 1 && os.Args[1] == "--union"

// parseUnion reads the payload as the stream does, into the union, and hands back the member it chose.
func parseUnion(model string, payload []byte) (any, *components.StreamEvents, *harness.Error) {
	u := &components.StreamEvents{}
	if err := json.Unmarshal(payload, u); err != nil {
		return nil, nil, harness.Refused("parse_error", err)
	}
	member, name := harness.UnionMember(u)
	want := fmt.Sprintf("%T", models[model]())[len("*components."):]
	if member == nil {
		return nil, nil, &harness.Error{Kind: "parse_error", Message: "the union read it as an unknown event"}
	}
	if name != want {
		return nil, nil, &harness.Error{Kind: "parse_error", Message: "the union dispatched it to " + name + ", not " + want}
	}
	return member, u, nil
}

func parse(model string, payload []byte) (any, *harness.Error) {
	if union {
		member, _, e := parseUnion(model, payload)
		return member, e
	}
	v := models[model]()
	if err := json.Unmarshal(payload, v); err != nil {
		return nil, harness.Refused("parse_error", err)
	}
	return v, nil
}

func write(v any) ([]byte, *harness.Error) {
	out, err := json.Marshal(v)
	if err != nil {
		return nil, harness.Refused("serialize_error", err)
	}
	return out, nil
}

func sse(chunks [][]byte) ([]harness.Event, *harness.Error) {
	events := stream.NewEventStream(context.Background(), &harness.ChunkReader{Chunks: chunks}, harness.FromServerEvent, "")
	defer events.Close()
	out := []harness.Event{}
	for events.Next() {
		if e := events.Value(); e != nil {
			out = append(out, *e)
		}
	}
	if err := events.Err(); err != nil {
		return nil, harness.Refused("exception", err)
	}
	return out, nil
}

func main() {
	names := []string{"OpenResponsesImageGenCallInProgress", "OpenResponsesImageGenCallGenerating", "OpenResponsesImageGenCallPartialImage", "OpenResponsesImageGenCallCompleted"}
	handlers := harness.Handlers{
		Parse: func(model string, payload []byte) (any, *harness.Error) {
			v, e := parse(model, payload)
			if e != nil {
				return nil, e
			}
			return harness.ThroughGetters(v), nil
		},
		Serialize: func(model string, value json.RawMessage) ([]byte, *harness.Error) {
			v := models[model]()
			if err := harness.Build(v, value); err != nil {
				return nil, harness.Refused("serialize_error", err)
			}
			return write(v)
		},
		Reserialize: func(model string, payload []byte) ([]byte, *harness.Error) {
			if union {
				_, u, e := parseUnion(model, payload)
				if e != nil {
					return nil, e
				}
				return write(u)
			}
			v, e := parse(model, payload)
			if e != nil {
				return nil, e
			}
			return write(v)
		},
		Sse: sse,
	}
	if union {
		// the union has no constructor from field values and the same decoder: those are the plain adapter's
		handlers.Serialize, handlers.Sse = nil, nil
	}
	// the SDK's stream marshals each ServerEvent (data as json.RawMessage) before its unmarshaller reads it
	harness.SseDataIsJSON = true
	harness.Serve("github.com/OpenRouterTeam/go-sdk", "Go", harness.ModuleVersion("github.com/OpenRouterTeam/go-sdk"), names, handlers)
}
