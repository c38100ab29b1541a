package harness

import (
	"encoding/json"
	"io"
	"log"
	"os"
	"path/filepath"
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
	// NewUnion makes the SDK's stream-event union: its members are the models, and "--union" parses
	// through it.
	NewUnion func() any
	// Stream is the SDK's own text/event-stream decoder over r, handing each event to FromServerEvent.
	Stream func(r io.Reader) EventStream
}

// unionArm is one `type` the union's UnmarshalJSON dispatches on and the member field it fills, as
// cmd/uniontypes read them from the SDK's source when the harness was built.
type unionArm struct {
	Type  string `json:"type"`
	Field string `json:"field"`
}

// readUnion reads the union's arms from union.json beside the executable, and checks each against
// the union the harness was compiled with.
func readUnion(union reflect.Type) ([]string, map[string]reflect.StructField) {
	exe, err := os.Executable()
	if err != nil {
		log.Fatalf("cannot find the harness's own folder: %v", err)
	}
	path := filepath.Join(filepath.Dir(exe), "union.json")
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("%v (written at build time by cmd/uniontypes: rebuild the harness)", err)
	}
	var data struct {
		Union   string     `json:"union"`
		Members []unionArm `json:"members"`
	}
	if err := json.Unmarshal(b, &data); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	if data.Union != union.Name() {
		log.Fatalf("%s describes %s, not the harness's union %s: rebuild the harness", path, data.Union, union.Name())
	}
	types := []string{}
	members := map[string]reflect.StructField{}
	for _, arm := range data.Members {
		f, ok := union.FieldByName(arm.Field)
		if !ok || f.Tag.Get("union") != "member" {
			log.Fatalf("%s: %s has no member %s: rebuild the harness", path, union.Name(), arm.Field)
		}
		if _, seen := members[arm.Type]; !seen {
			types = append(types, arm.Type)
		}
		members[arm.Type] = f
	}
	return types, members
}

// ServeSpeakeasy serves a Speakeasy SDK for every event type its stream-event union dispatches on:
// parse with json.Unmarshal into the union's member for the type (its UnmarshalJSON), render it deep
// through its fields; serialize with json.Marshal (its MarshalJSON); sse through the SDK's decoder;
// union through the union. With "--union" it parses and reserializes through the union instead.
func ServeSpeakeasy(s Speakeasy) {
	through := len(os.Args) > 1 && os.Args[1] == "--union"
	types, members := readUnion(reflect.TypeOf(s.NewUnion()).Elem())
	newMember := func(event string) any { return reflect.New(members[event].Type.Elem()).Interface() }
	parseUnion := func(payload []byte) (any, *Error) {
		u := s.NewUnion()
		if err := json.Unmarshal(payload, u); err != nil {
			return nil, Refused("parse_error", err)
		}
		return u, nil
	}
	parseAs := func(event string, payload []byte) (any, any, *Error) {
		u, e := parseUnion(payload)
		if e != nil {
			return nil, nil, e
		}
		member, name := UnionMember(u)
		want := members[event].Type.Elem().Name()
		if member == nil {
			return nil, nil, &Error{Kind: "parse_error", Message: "the union read it as an unknown event"}
		}
		if name != want {
			return nil, nil, &Error{Kind: "parse_error", Message: "the union dispatched it to " + name + ", not " + want}
		}
		return member, u, nil
	}
	parse := func(event string, payload []byte) (any, *Error) {
		if through {
			member, _, e := parseAs(event, payload)
			return member, e
		}
		v := newMember(event)
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
		Parse: func(event string, payload []byte) (any, *Error) {
			v, e := parse(event, payload)
			if e != nil {
				return nil, e
			}
			return RenderSpeakeasy(v), nil
		},
		Serialize: func(event string, value json.RawMessage) ([]byte, *Error) {
			v := newMember(event)
			if err := Build(v, value); err != nil {
				return nil, BuildRefused(err)
			}
			return write(v)
		},
		Reserialize: func(event string, payload []byte) ([]byte, *Error) {
			if through {
				_, u, e := parseAs(event, payload)
				if e != nil {
					return nil, e
				}
				return write(u)
			}
			v, e := parse(event, payload)
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
		Union: func(payload []byte) (any, string, *Error) {
			u, e := parseUnion(payload)
			if e != nil {
				return nil, "", e
			}
			if member, name := UnionMember(u); member != nil {
				return RenderSpeakeasy(member), name, nil
			}
			// the union's fallback: the field it keeps an event it does not know in
			rv := reflect.ValueOf(u).Elem()
			for i := 0; i < rv.NumField(); i++ {
				if rv.Type().Field(i).Tag.Get("union") == "unknown" {
					return RenderSpeakeasy(rv.Field(i).Interface()), rv.Type().Field(i).Name, nil
				}
			}
			return nil, "nil", nil
		},
	}
	if through {
		// the union has no constructor from field values and the same decoder: those are the plain adapter's
		handlers.Serialize, handlers.Sse = nil, nil
	}
	// the SDK's stream marshals each ServerEvent (data as json.RawMessage) before its unmarshaller reads it
	SseDataIsJSON = true
	Serve(s.Module, "Go", ModuleVersion(s.Module), types, handlers)
}
