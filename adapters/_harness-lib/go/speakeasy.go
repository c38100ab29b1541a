package harness

import (
	"encoding/json"
	"io"
	"os"
	"reflect"
)

// EventStream is a Speakeasy Go SDK's types/stream.EventStream over Event, whatever the SDK's version.
type EventStream interface {
	Next() bool
	Value() *Event
	Err() error
	Close() error
}

// Speakeasy is what one version of a Speakeasy-generated Go SDK gives a harness; the rest is the same
// for every version, and lives here.
type Speakeasy struct {
	// Module is the SDK's module path, reported with the version it was built with.
	Module string
	// Models makes the SDK's struct for each model of the protocol.
	Models map[string]func() any
	// NewUnion makes the SDK's stream-event union, which "--union" parses through.
	NewUnion func() any
	// Stream is the SDK's own text/event-stream decoder over r, handing each event to FromServerEvent.
	Stream func(r io.Reader) EventStream
}

// SpeakeasyModels are the protocol's models, in the order a harness declares them.
var SpeakeasyModels = []string{"OpenResponsesImageGenCallInProgress", "OpenResponsesImageGenCallGenerating", "OpenResponsesImageGenCallPartialImage", "OpenResponsesImageGenCallCompleted"}

// ServeSpeakeasy serves a Speakeasy SDK: parse with json.Unmarshal into the model (its UnmarshalJSON),
// render through its getters; serialize with json.Marshal (its MarshalJSON); sse through the SDK's
// decoder. With "--union" it parses and reserializes through the SDK's event union instead.
func ServeSpeakeasy(s Speakeasy) {
	union := len(os.Args) > 1 && os.Args[1] == "--union"
	parseUnion := func(model string, payload []byte) (any, any, *Error) {
		u := s.NewUnion()
		if err := json.Unmarshal(payload, u); err != nil {
			return nil, nil, Refused("parse_error", err)
		}
		member, name := UnionMember(u)
		want := reflect.TypeOf(s.Models[model]()).Elem().Name()
		if member == nil {
			return nil, nil, &Error{Kind: "parse_error", Message: "the union read it as an unknown event"}
		}
		if name != want {
			return nil, nil, &Error{Kind: "parse_error", Message: "the union dispatched it to " + name + ", not " + want}
		}
		return member, u, nil
	}
	parse := func(model string, payload []byte) (any, *Error) {
		if union {
			member, _, e := parseUnion(model, payload)
			return member, e
		}
		v := s.Models[model]()
		if err := json.Unmarshal(payload, v); err != nil {
			return nil, Refused("parse_error", err)
		}
		return v, nil
	}
	write := func(v any) ([]byte, *Error) {
		out, err := json.Marshal(v)
		if err != nil {
			return nil, Refused("serialize_error", err)
		}
		return out, nil
	}
	handlers := Handlers{
		Parse: func(model string, payload []byte) (any, *Error) {
			v, e := parse(model, payload)
			if e != nil {
				return nil, e
			}
			return ThroughGetters(v), nil
		},
		Serialize: func(model string, value json.RawMessage) ([]byte, *Error) {
			v := s.Models[model]()
			if err := Build(v, value); err != nil {
				return nil, BuildRefused(err)
			}
			return write(v)
		},
		Reserialize: func(model string, payload []byte) ([]byte, *Error) {
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
		Sse: func(chunks [][]byte) ([]Event, *Error) {
			events := s.Stream(&ChunkReader{Chunks: chunks})
			defer events.Close()
			out := []Event{}
			for events.Next() {
				if e := events.Value(); e != nil {
					out = append(out, *e)
				}
			}
			if err := events.Err(); err != nil {
				return nil, Refused("exception", err)
			}
			return out, nil
		},
	}
	if union {
		// the union has no constructor from field values and the same decoder: those are the plain adapter's
		handlers.Serialize, handlers.Sse = nil, nil
	}
	// the SDK's stream marshals each ServerEvent (data as json.RawMessage) before its unmarshaller reads it
	SseDataIsJSON = true
	Serve(s.Module, "Go", ModuleVersion(s.Module), SpeakeasyModels, handlers)
}
