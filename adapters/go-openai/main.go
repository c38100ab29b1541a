// Harness for github.com/openai/openai-go/v3: every event of responses.ResponseStreamEventUnion over
// the stdio protocol (schema/protocol/), spoken by the shared library in ../_harness-lib/go. Parse
// through the SDK's own Stream (its ssestream.Stream[ResponseStreamEventUnion].Next, fed one event)
// and the union's AsAny, as a program reading a response stream does; render deep through the
// variant's fields; serialize with encoding/json on the variant's struct (it has no MarshalJSON of its
// own), sse through the SDK's ssestream decoder.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"

	"github.com/openai/openai-go/v3/packages/ssestream"
	"github.com/openai/openai-go/v3/responses"

	harness "openresponses-conformance/harnesslib"
)

const module = "github.com/openai/openai-go/v3"

// variants reads the union's variants from the SDK itself: every As… method of
// ResponseStreamEventUnion returns one variant struct, whose `type` field is a constant type that
// knows its wire value (Default). Types in the SDK's order, and each type's variant struct.
func variants() ([]string, map[string]reflect.Type) {
	union := reflect.TypeOf(responses.ResponseStreamEventUnion{})
	types := []string{}
	byType := map[string]reflect.Type{}
	for i := 0; i < union.NumMethod(); i++ {
		m := union.Method(i)
		if !strings.HasPrefix(m.Name, "As") || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Struct {
			continue
		}
		v := m.Type.Out(0)
		f, ok := harness.JSONFields(v)["type"]
		if !ok {
			continue
		}
		def := reflect.New(f.Type).Elem().MethodByName("Default")
		if !def.IsValid() {
			continue
		}
		t := def.Call(nil)[0].String()
		if _, seen := byType[t]; !seen {
			types = append(types, t)
		}
		byType[t] = v
	}
	return types, byType
}

// oneEvent is a Decoder that hands the SDK's Stream one event's data, as its text/event-stream
// decoder would after reading it off the wire.
type oneEvent struct {
	data []byte
	read bool
}

func (d *oneEvent) Next() bool {
	more := !d.read
	d.read = true
	return more
}
func (d *oneEvent) Event() ssestream.Event { return ssestream.Event{Data: d.data} }
func (d *oneEvent) Close() error           { return nil }
func (d *oneEvent) Err() error             { return nil }

// throughStream is what a program iterating NewStreaming's stream gets for this event: the union
// Stream.Next unmarshalled, and the variant its AsAny picks (nil for a type it has none for).
func throughStream(payload []byte) (responses.ResponseStreamEventUnion, any, *harness.Error) {
	s := ssestream.NewStream[responses.ResponseStreamEventUnion](&oneEvent{data: payload}, nil)
	if !s.Next() {
		if err := s.Err(); err != nil {
			return responses.ResponseStreamEventUnion{}, nil, harness.Refused("parse_error", err)
		}
		return responses.ResponseStreamEventUnion{}, nil, &harness.Error{Kind: "parse_error", Message: "the stream ended at this event (data starting [DONE]) and yielded nothing"}
	}
	u := s.Current()
	return u, u.AsAny(), nil
}

func main() {
	types, byType := variants()
	// the one rule for unions: an answer for `event` only when AsAny made its variant
	parse := func(event string, payload []byte) (any, *harness.Error) {
		_, v, e := throughStream(payload)
		if e != nil {
			return nil, e
		}
		want := byType[event].Name()
		if v == nil {
			return nil, &harness.Error{Kind: "parse_error", Message: "the union's AsAny gave nil (no variant), not " + want}
		}
		if got := reflect.TypeOf(v).Name(); got != want {
			return nil, &harness.Error{Kind: "parse_error", Message: fmt.Sprintf("the union's AsAny gave %s, not %s", got, want)}
		}
		return v, nil
	}
	write := func(v any) ([]byte, *harness.Error) {
		out, err := json.Marshal(v)
		if err != nil {
			return nil, harness.Refused("serialize_error", err)
		}
		return out, nil
	}
	harness.Serve(module, "Go", harness.ModuleVersion(module), types, harness.Handlers{
		Parse: func(event string, payload []byte) (any, *harness.Error) {
			v, e := parse(event, payload)
			if e != nil {
				return nil, e
			}
			return harness.RenderStainless(v), nil
		},
		Serialize: func(event string, value json.RawMessage) ([]byte, *harness.Error) {
			v := reflect.New(byType[event]).Interface()
			if err := harness.Build(v, value); err != nil {
				return nil, harness.BuildRefused(err)
			}
			return write(v)
		},
		Reserialize: func(event string, payload []byte) ([]byte, *harness.Error) {
			v, e := parse(event, payload)
			if e != nil {
				return nil, e
			}
			return write(v)
		},
		Sse: decodeStream,
		Union: func(payload []byte) (any, string, *harness.Error) {
			u, v, e := throughStream(payload)
			if e != nil {
				return nil, "", e
			}
			if v == nil { // what a program holds then is the union itself, read by its fields
				return harness.RenderStainless(&u), "nil", nil
			}
			return harness.RenderStainless(v), reflect.TypeOf(v).Name(), nil
		},
	})
}

// decodeStream runs the SDK's own text/event-stream decoder over the chunks, handed to it as the body
// of the http.Response its Stream reads.
func decodeStream(chunks [][]byte) ([]harness.Event, *harness.Error) {
	d := ssestream.NewDecoder(&http.Response{Body: &harness.ChunkReader{Chunks: chunks}, Header: http.Header{"Content-Type": {"text/event-stream"}}})
	events := []harness.Event{}
	for d.Next() {
		e := d.Event()
		ev := harness.Event{Data: string(e.Data)}
		if e.Type != "" {
			t := e.Type
			ev.Event = &t
		}
		events = append(events, ev)
	}
	if err := d.Err(); err != nil {
		return nil, harness.Refused("exception", err)
	}
	return events, nil
}
