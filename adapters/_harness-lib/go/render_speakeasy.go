package harness

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"
)

var rawMessageType = reflect.TypeOf(json.RawMessage(nil))

// RenderSpeakeasy reads a Speakeasy model the way a Go program does, all the way down: a struct by its
// fields in wire names, a union as the member it holds, an optional field the payload did not set
// (a nil pointer, an unset OptionalNullable) left out.
func RenderSpeakeasy(v any) any { return renderSpeakeasy(reflect.ValueOf(v)) }

func renderSpeakeasy(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Interface, reflect.Ptr:
		if v.IsNil() {
			return nil
		}
		return renderSpeakeasy(v.Elem())
	case reflect.Struct:
		return renderSpeakeasyStruct(v)
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		if v.Type().Key().Kind() == reflect.Bool { // OptionalNullable: the value is under true
			return renderSpeakeasy(v.MapIndex(reflect.ValueOf(true)))
		}
		out := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			out[fmt.Sprint(it.Key().Interface())] = renderSpeakeasy(it.Value())
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Type() == rawMessageType {
			return rawJSON(v.Bytes())
		}
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = renderSpeakeasy(v.Index(i))
		}
		return out
	}
	return leaf(v)
}

// leaf is a scalar as the SDK holds it: an int64 with all its digits, a float as it is.
func leaf(v reflect.Value) any {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return Finite(v.Float())
	}
	return v.Interface()
}

// rawJSON is data the SDK kept unparsed (a union's unknown member): JSON as it is, other bytes as text.
func rawJSON(b []byte) any {
	if b == nil {
		return nil
	}
	if json.Valid(b) {
		return json.RawMessage(b)
	}
	return string(b)
}

// opaque renders a struct with no fields of its own to read (a time, a decimal) by what it says it is.
func opaque(v reflect.Value) (any, bool) {
	if t, ok := v.Interface().(time.Time); ok {
		return t.Format(time.RFC3339Nano), true
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String(), true
	}
	return nil, false
}

func renderSpeakeasyStruct(v reflect.Value) any {
	t := v.Type()
	if x, ok := opaque(v); ok {
		return x
	}
	if member := unionMember(v); member.IsValid() {
		return renderSpeakeasy(member)
	}
	out := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		f := v.Field(i)
		if !sf.IsExported() {
			continue
		}
		switch {
		case sf.Tag.Get("union") == "unknown":
			if f.Len() > 0 {
				return rawJSON(f.Bytes())
			}
			continue
		case sf.Tag.Get("union") == "member":
			continue
		case sf.Tag.Get("additionalProperties") == "true": // the payload's other properties, kept by the SDK
			for it := f.MapRange(); it.Next(); {
				out[it.Key().String()] = renderSpeakeasy(it.Value())
			}
			continue
		}
		tag := strings.Split(sf.Tag.Get("json"), ",")
		if tag[0] == "" || tag[0] == "-" {
			continue
		}
		// the SDK's tags say which fields are optional (omitzero, omitempty): one of those that holds
		// nothing was not set; a field without them is required, and read whatever it holds (a nil
		// pointer is null, as the SDK's writer writes it)
		if optional(tag) && (unset(f) || f.IsZero()) {
			continue
		}
		out[tag[0]] = renderSpeakeasy(f)
	}
	return out
}

// optional says whether a field's tag marks it optional: the SDK itself writes its zero value as unset.
func optional(tag []string) bool {
	for _, o := range tag[1:] {
		if o == "omitzero" || o == "omitempty" {
			return true
		}
	}
	return false
}

// unset says whether an optional field holds nothing: a nil pointer, slice or map, or an
// OptionalNullable (map[bool]*T) without its true key.
func unset(f reflect.Value) bool {
	switch f.Kind() {
	case reflect.Ptr, reflect.Slice:
		return f.IsNil()
	case reflect.Map:
		return f.IsNil() || (f.Type().Key().Kind() == reflect.Bool && f.Len() == 0)
	}
	return false
}
