// Package harness speaks the stdio protocol (schema/protocol/) for Go harnesses: it reads requests,
// calls the handlers a harness gives, and writes replies. A harness supplies only the calls into its SDK.
// Nothing escapes a request: a panic becomes an "exception" reply, so the runner can tell a refusal from a defect.
package harness

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
)

// Error is a reply's error: Kind is parse_error or serialize_error when the SDK refused the input the
// way it documents, unrepresentable when the SDK's type cannot hold the value, unsupported, or
// exception for anything else.
type Error struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

func Refused(kind string, err error) *Error { return &Error{kind, err.Error()} }

// BuildRefused is the reply for a value the harness could not put in the SDK's type: "unrepresentable"
// when the type cannot hold it, so that it is never counted as the serializer's refusal.
func BuildRefused(err error) *Error {
	var u Unrepresentable
	if errors.As(err, &u) {
		return &Error{"unrepresentable", err.Error()}
	}
	return Refused("serialize_error", err)
}

// Event is one event as a decoder yields it: its event field (nil when none) and its data.
type Event struct {
	Event *string `json:"event"`
	Data  string  `json:"data"`
}

// Handlers are the SDK calls behind each operation; a nil one is not declared. Parse, Serialize and
// Reserialize get the request's event type, since a harness declares the event types its SDK models.
type Handlers struct {
	Parse       func(event string, payload []byte) (any, *Error)
	Serialize   func(event string, value json.RawMessage) ([]byte, *Error)
	Reserialize func(event string, payload []byte) ([]byte, *Error)
	Sse         func(chunks [][]byte) ([]Event, *Error)
	// Union gives one event's data to the SDK's stream-event union whatever its type, and answers the
	// value a program gets and the name of what the union made of it.
	Union func(payload []byte) (value any, as string, e *Error)
}

type request struct {
	ID      int64           `json:"id"`
	Op      string          `json:"op"`
	Model   string          `json:"model"`
	Event   string          `json:"event"`
	Payload string          `json:"payload"`
	Value   json.RawMessage `json:"value"`
	Chunks  []string        `json:"chunks"`
}

type reply struct {
	ID     int64    `json:"id"`
	OK     bool     `json:"ok"`
	Value  any      `json:"value,omitempty"`
	As     string   `json:"as,omitempty"`
	Bytes  *string  `json:"bytes,omitempty"`
	Events *[]Event `json:"events,omitempty"`
	Error  *Error   `json:"error,omitempty"`
}

func bytesReply(id int64, b []byte, e *Error) reply {
	if e != nil {
		return reply{ID: id, Error: e}
	}
	s := base64.StdEncoding.EncodeToString(b)
	return reply{ID: id, OK: true, Bytes: &s}
}

func handle(types map[string]bool, h Handlers, req request) (rep reply) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(os.Stderr, "panic: %v\n%s", p, debug.Stack())
			rep = reply{ID: req.ID, Error: &Error{"exception", fmt.Sprint("panic: ", p)}}
		}
	}()
	payload := func() ([]byte, *Error) {
		b, err := base64.StdEncoding.DecodeString(req.Payload)
		if err != nil {
			return nil, &Error{"exception", "bad base64 from the runner: " + err.Error()}
		}
		return b, nil
	}
	unsupported := reply{ID: req.ID, Error: &Error{"unsupported", req.Op + " is not supported for " + req.Model}}
	if req.Op == "sse" {
		if h.Sse == nil {
			return unsupported
		}
		var chunks [][]byte
		for _, c := range req.Chunks {
			b, err := base64.StdEncoding.DecodeString(c)
			if err != nil {
				return reply{ID: req.ID, Error: &Error{"exception", "bad base64 from the runner: " + err.Error()}}
			}
			chunks = append(chunks, b)
		}
		events, e := h.Sse(chunks)
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		if events == nil {
			events = []Event{}
		}
		return reply{ID: req.ID, OK: true, Events: &events}
	}
	if req.Op == "union" && h.Union != nil {
		p, e := payload()
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		v, as, e := h.Union(p)
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		if v == nil { // a union reply carries "value" even when the SDK gave nothing
			v = json.RawMessage("null")
		}
		return reply{ID: req.ID, OK: true, Value: v, As: as}
	}
	if !types[req.Event] {
		return reply{ID: req.ID, Error: &Error{"unsupported", req.Op + " is not supported for " + req.Model + " (event type " + strconv.Quote(req.Event) + ")"}}
	}
	switch {
	case req.Op == "parse" && h.Parse != nil:
		p, e := payload()
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		v, e := h.Parse(req.Event, p)
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		return reply{ID: req.ID, OK: true, Value: v}
	case req.Op == "serialize" && h.Serialize != nil:
		b, e := h.Serialize(req.Event, req.Value)
		return bytesReply(req.ID, b, e)
	case req.Op == "reserialize" && h.Reserialize != nil:
		p, e := payload()
		if e != nil {
			return reply{ID: req.ID, Error: e}
		}
		b, e := h.Reserialize(req.Event, p)
		return bytesReply(req.ID, b, e)
	}
	return unsupported
}

// SseDataIsJSON says, in the hello, that the SDK's stream decoder hands on each event's data as JSON it
// parsed and wrote again, so orc compares data that is JSON as a JSON value.
var SseDataIsJSON bool

// Serve says hello, declaring for every operation the event types the SDK models (read from the SDK
// by the harness), then answers requests until stdin closes.
func Serve(name, language, version string, types []string, h Handlers) {
	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	ops := map[string][]string{}
	for op, set := range map[string]bool{"parse": h.Parse != nil, "serialize": h.Serialize != nil, "reserialize": h.Reserialize != nil, "sse": h.Sse != nil, "union": h.Union != nil} {
		if set {
			ops[op] = types
		}
	}
	hello := map[string]any{
		"type": "hello", "protocol": 1,
		"implementation": map[string]string{"name": name, "language": language, "version": version},
		"operations":     ops,
	}
	if SseDataIsJSON {
		hello["sseData"] = "json"
	}
	enc.Encode(hello)
	out.Flush()
	known := map[string]bool{}
	for _, t := range types {
		known[t] = true
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 256<<20) // payloads of 10 MB and more, base64
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "bad request line:", err)
			continue
		}
		if err := enc.Encode(handle(known, h, req)); err != nil {
			enc.Encode(reply{ID: req.ID, Error: &Error{"exception", "the harness could not write the SDK's answer: " + err.Error()}})
		}
		out.Flush()
	}
}

// ModuleVersion is the version of a module the binary was built with, from its build info.
func ModuleVersion(path string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == path {
				return d.Version
			}
		}
	}
	return "unknown"
}
