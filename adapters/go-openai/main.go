// Harness for github.com/openai/openai-go/v3: responses.ResponseImageGenCall*Event over the
// stdio protocol (schema/protocol/), spoken by the shared library in ../_harness-lib/go. Parse with
// the SDK's UnmarshalJSON, render through the struct's fields, serialize with encoding/json on the
// SDK's struct (it has no MarshalJSON of its own), sse through the SDK's ssestream decoder.
package main

import (
	"encoding/json"
	"net/http"
	"reflect"

	"github.com/openai/openai-go/v3/packages/ssestream"
	"github.com/openai/openai-go/v3/responses"

	harness "openresponses-conformance/harnesslib"
)

const module = "github.com/openai/openai-go/v3"

var models = map[string]func() any{
	"OpenResponsesImageGenCallInProgress":   func() any { return &responses.ResponseImageGenCallInProgressEvent{} },
	"OpenResponsesImageGenCallGenerating":   func() any { return &responses.ResponseImageGenCallGeneratingEvent{} },
	"OpenResponsesImageGenCallPartialImage": func() any { return &responses.ResponseImageGenCallPartialImageEvent{} },
	"OpenResponsesImageGenCallCompleted":    func() any { return &responses.ResponseImageGenCallCompletedEvent{} },
}

// present says whether the payload set a field, from the SDK's own JSON metadata: openai-go's
// optional fields are plain values, not pointers, so their zero value does not say "unset".
func present(rv reflect.Value, goName string) bool {
	meta := rv.FieldByName("JSON")
	if !meta.IsValid() {
		return true
	}
	f := meta.FieldByName(goName)
	if !f.IsValid() {
		return true
	}
	m := f.MethodByName("Valid")
	return !m.IsValid() || m.Call(nil)[0].Bool() || f.MethodByName("Raw").Call(nil)[0].String() != ""
}

// render reads the parsed struct field by field: what a Go program would see. A required field is
// always read (a missing one reads as its zero value, as Go code sees it); an optional field the
// payload did not set is left out.
func render(v any) map[string]any {
	rv := reflect.ValueOf(v).Elem()
	out := map[string]any{}
	for name, sf := range harness.JSONFields(rv.Type()) {
		if sf.Tag.Get("api") != "required" && sf.Tag.Get("default") == "" && !present(rv, sf.Name) {
			continue
		}
		f := rv.FieldByIndex(sf.Index)
		switch f.Kind() {
		case reflect.String:
			out[name] = f.String()
		case reflect.Int, reflect.Int64, reflect.Int32:
			out[name] = f.Int()
		case reflect.Float64, reflect.Float32:
			out[name] = harness.Finite(f.Float())
		default:
			out[name] = f.Interface()
		}
	}
	return out
}

func parse(model string, payload []byte) (any, *harness.Error) {
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

func main() {
	names := []string{"OpenResponsesImageGenCallInProgress", "OpenResponsesImageGenCallGenerating", "OpenResponsesImageGenCallPartialImage", "OpenResponsesImageGenCallCompleted"}
	harness.Serve(module, "Go", harness.ModuleVersion(module), names, harness.Handlers{
		Parse: func(model string, payload []byte) (any, *harness.Error) {
			v, e := parse(model, payload)
			if e != nil {
				return nil, e
			}
			return render(v), nil
		},
		Serialize: func(model string, value json.RawMessage) ([]byte, *harness.Error) {
			v := models[model]()
			if err := harness.Build(v, value); err != nil {
				return nil, harness.BuildRefused(err)
			}
			return write(v)
		},
		Reserialize: func(model string, payload []byte) ([]byte, *harness.Error) {
			v, e := parse(model, payload)
			if e != nil {
				return nil, e
			}
			return write(v)
		},
		Sse: decodeStream,
	})
}
