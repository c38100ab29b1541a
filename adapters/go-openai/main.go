// Harness for github.com/openai/openai-go/v3: responses.ResponseImageGenCall*Event over the
// stdio protocol (schema/protocol/). Parse with the SDK's UnmarshalJSON, render through the
// struct's fields, serialize with encoding/json on the SDK's struct (it has no MarshalJSON of its own).
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"reflect"
	"runtime/debug"
	"strings"

	"github.com/openai/openai-go/v3/packages/ssestream"
	"github.com/openai/openai-go/v3/responses"
)

var models = map[string]func() any{
	"OpenResponsesImageGenCallInProgress":   func() any { return &responses.ResponseImageGenCallInProgressEvent{} },
	"OpenResponsesImageGenCallGenerating":   func() any { return &responses.ResponseImageGenCallGeneratingEvent{} },
	"OpenResponsesImageGenCallPartialImage": func() any { return &responses.ResponseImageGenCallPartialImageEvent{} },
	"OpenResponsesImageGenCallCompleted":    func() any { return &responses.ResponseImageGenCallCompletedEvent{} },
}

type request struct {
	ID      int64           `json:"id"`
	Op      string          `json:"op"`
	Model   string          `json:"model"`
	Payload string          `json:"payload"`
	Value   json.RawMessage `json:"value"`
	Chunks  []string        `json:"chunks"`
}

type replyError struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

type reply struct {
	ID     int64       `json:"id"`
	OK     bool        `json:"ok"`
	Value  any         `json:"value,omitempty"`
	Bytes  *string     `json:"bytes,omitempty"`
	Events *[]sseEvent `json:"events,omitempty"`
	Error  *replyError `json:"error,omitempty"`
}

// jsonFields lists a struct's exported fields with their wire names.
func jsonFields(t reflect.Type) map[string]int {
	out := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
		if tag != "" && tag != "-" && t.Field(i).IsExported() {
			out[tag] = i
		}
	}
	return out
}

// present says whether the payload set a field, from the SDK's own JSON metadata.
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
	for name, i := range jsonFields(rv.Type()) {
		sf := rv.Type().Field(i)
		if sf.Tag.Get("api") != "required" && sf.Tag.Get("default") == "" && !present(rv, sf.Name) {
			continue
		}
		f := rv.Field(i)
		switch f.Kind() {
		case reflect.String:
			out[name] = f.String()
		case reflect.Int, reflect.Int64, reflect.Int32:
			out[name] = f.Int()
		case reflect.Float64, reflect.Float32:
			x := f.Float()
			if math.IsInf(x, 0) || math.IsNaN(x) {
				out[name] = fmt.Sprint(x)
			} else {
				out[name] = x
			}
		default:
			out[name] = f.Interface()
		}
	}
	return out
}

// build sets the struct's fields from a value in wire shape; a value the Go type cannot hold is a serialize error.
func build(model string, raw json.RawMessage) (any, error) {
	var value map[string]any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&value); err != nil {
		return nil, err
	}
	v := models[model]()
	rv := reflect.ValueOf(v).Elem()
	for name, i := range jsonFields(rv.Type()) {
		x, ok := value[name]
		if !ok {
			continue
		}
		f := rv.Field(i)
		switch f.Kind() {
		case reflect.String:
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("%s: %v is not a string", name, x)
			}
			if f.String() != "" && f.String() != s { // constant types carry their one value already
				return nil, fmt.Errorf("%s: %q is not %q", name, s, f.String())
			}
			f.SetString(s)
		case reflect.Int64, reflect.Int:
			n, err := x.(json.Number).Int64()
			if err != nil {
				return nil, fmt.Errorf("%s: %v does not fit %s", name, x, f.Type())
			}
			f.SetInt(n)
		case reflect.Float64:
			n, err := x.(json.Number).Float64()
			if err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
			f.SetFloat(n)
		}
	}
	return v, nil
}

func handle(req request) (rep reply) {
	rep.ID = req.ID
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(os.Stderr, "panic: %v\n%s", p, debug.Stack())
			rep = reply{ID: req.ID, Error: &replyError{"exception", fmt.Sprint("panic: ", p)}}
		}
	}()
	if req.Op == "sse" {
		return decodeStream(req)
	}
	newModel, known := models[req.Model]
	if !known {
		return reply{ID: req.ID, Error: &replyError{"unsupported", req.Model + " is not modelled by openai-go"}}
	}
	parse := func() (any, *replyError) {
		payload, err := base64.StdEncoding.DecodeString(req.Payload)
		if err != nil {
			return nil, &replyError{"exception", "bad base64 from the runner: " + err.Error()}
		}
		v := newModel()
		if err := json.Unmarshal(payload, v); err != nil {
			return nil, &replyError{"parse_error", err.Error()}
		}
		return v, nil
	}
	write := func(v any, kind string) reply {
		out, err := json.Marshal(v)
		if err != nil {
			return reply{ID: req.ID, Error: &replyError{kind, err.Error()}}
		}
		s := base64.StdEncoding.EncodeToString(out)
		return reply{ID: req.ID, OK: true, Bytes: &s}
	}
	switch req.Op {
	case "parse":
		v, e := parse()
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		return reply{ID: req.ID, OK: true, Value: render(v)}
	case "serialize":
		v, err := build(req.Model, req.Value)
		if err != nil {
			return reply{ID: req.ID, Error: &replyError{"serialize_error", err.Error()}}
		}
		return write(v, "serialize_error")
	case "reserialize":
		v, e := parse()
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		return write(v, "serialize_error")
	}
	return reply{ID: req.ID, Error: &replyError{"unsupported", req.Op}}
}

// chunkReader hands out one network chunk per Read, as a socket would.
type chunkReader struct{ chunks [][]byte }

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	if n == len(c.chunks[0]) {
		c.chunks = c.chunks[1:]
	} else {
		c.chunks[0] = c.chunks[0][n:]
	}
	return n, nil
}

func (c *chunkReader) Close() error { return nil }

type sseEvent struct {
	Event *string `json:"event"`
	Data  string  `json:"data"`
}

// decodeStream runs the SDK's own text/event-stream decoder (ssestream.NewDecoder) over the chunks.
func decodeStream(req request) reply {
	rc := &chunkReader{}
	for _, c := range req.Chunks {
		b, err := base64.StdEncoding.DecodeString(c)
		if err != nil {
			return reply{ID: req.ID, Error: &replyError{"exception", "bad base64 from the runner: " + err.Error()}}
		}
		rc.chunks = append(rc.chunks, b)
	}
	d := ssestream.NewDecoder(&http.Response{Body: rc, Header: http.Header{"Content-Type": {"text/event-stream"}}})
	events := []sseEvent{}
	for d.Next() {
		e := d.Event()
		ev := sseEvent{Data: string(e.Data)}
		if e.Type != "" {
			t := e.Type
			ev.Event = &t
		}
		events = append(events, ev)
	}
	if err := d.Err(); err != nil {
		return reply{ID: req.ID, Error: &replyError{"exception", err.Error()}}
	}
	return reply{ID: req.ID, OK: true, Events: &events}
}

func sdkVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/openai/openai-go/v3" {
				return d.Version
			}
		}
	}
	return "unknown"
}

func main() {
	names := []string{"OpenResponsesImageGenCallInProgress", "OpenResponsesImageGenCallGenerating", "OpenResponsesImageGenCallPartialImage", "OpenResponsesImageGenCallCompleted"}
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]any{
		"type": "hello", "protocol": 1,
		"implementation": map[string]string{"name": "github.com/openai/openai-go/v3", "language": "Go", "version": sdkVersion()},
		"operations":     map[string][]string{"parse": names, "serialize": names, "reserialize": names, "sse": names},
	})
	out.Flush()
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20) // payloads of 10 MB and more
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "bad request line:", err)
			continue
		}
		enc.Encode(handle(req))
		out.Flush()
	}
}
