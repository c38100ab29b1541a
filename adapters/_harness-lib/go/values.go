package harness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strings"
)

// Finite shows a non-finite float, which JSON has not, as its name: it stays visible in the answer.
func Finite(x float64) any {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return fmt.Sprint(x)
	}
	return x
}

// JSONFields maps a struct's wire names to its exported fields.
func JSONFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("json"), ",")[0]
		if tag != "" && tag != "-" && f.IsExported() {
			out[tag] = f
		}
	}
	return out
}

// Unrepresentable is a value the SDK's Go type cannot hold (0.5 or 5e-324 in an int64 field): a Go
// program cannot even assign it, so the SDK's serializer is never called and has refused nothing.
type Unrepresentable struct{ Field, Value, Type string }

func (u Unrepresentable) Error() string {
	return fmt.Sprintf("%s: %s is unrepresentable in the SDK's type %s", u.Field, u.Value, u.Type)
}

// Build sets a model's fields from a value in wire shape, as a program assigns them, all the way
// down; a number the Go type cannot hold is an Unrepresentable error. Numbers are read from their
// digits, never rounded.
func Build(v any, raw json.RawMessage) error {
	var value any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&value); err != nil {
		return err
	}
	return build(reflect.ValueOf(v).Elem(), value, "")
}

// cannot is a value of another JSON shape than the Go field's type (false for a map[string]string): a
// program cannot assign it, so the serializer is never called.
func cannot(path string, x any, f reflect.Value) error {
	b, _ := json.Marshal(x)
	return Unrepresentable{path, string(b), f.Type().String()}
}

func build(f reflect.Value, x any, path string) error {
	if x == nil {
		switch {
		case f.Kind() == reflect.Map && f.Type().Key().Kind() == reflect.Bool: // OptionalNullable: set, to null
			m := reflect.MakeMap(f.Type())
			m.SetMapIndex(reflect.ValueOf(true), reflect.Zero(f.Type().Elem()))
			f.Set(m)
			return nil
		case f.Kind() == reflect.Ptr, f.Kind() == reflect.Interface, f.Kind() == reflect.Slice, f.Kind() == reflect.Map:
			f.Set(reflect.Zero(f.Type())) // nil: how a program writes null
			return nil
		}
		return cannot(path, x, f) // a Go string, number, bool or struct has no null
	}
	switch f.Kind() {
	case reflect.Ptr:
		p := reflect.New(f.Type().Elem())
		if err := build(p.Elem(), x, path); err != nil {
			return err
		}
		f.Set(p)
		return nil
	case reflect.Interface:
		f.Set(reflect.ValueOf(x))
		return nil
	case reflect.String:
		s, ok := x.(string)
		if !ok {
			return cannot(path, x, f)
		}
		f.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := x.(bool)
		if !ok {
			return cannot(path, x, f)
		}
		f.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := x.(json.Number)
		if !ok {
			return cannot(path, x, f)
		}
		i, err := n.Int64()
		if err != nil || f.OverflowInt(i) {
			return Unrepresentable{path, n.String(), f.Type().String()}
		}
		f.SetInt(i)
		return nil
	case reflect.Float32, reflect.Float64:
		n, ok := x.(json.Number)
		if !ok {
			return cannot(path, x, f)
		}
		d, err := n.Float64()
		if err != nil {
			return Unrepresentable{path, n.String(), f.Type().String()}
		}
		f.SetFloat(d)
		return nil
	case reflect.Slice:
		if f.Type() == rawMessageType {
			b, err := json.Marshal(x)
			if err != nil {
				return err
			}
			f.SetBytes(b)
			return nil
		}
		items, ok := x.([]any)
		if !ok {
			return cannot(path, x, f)
		}
		s := reflect.MakeSlice(f.Type(), len(items), len(items))
		for i, item := range items {
			if err := build(s.Index(i), item, join(path, fmt.Sprint(i))); err != nil {
				return err
			}
		}
		f.Set(s)
		return nil
	case reflect.Map:
		if f.Type().Key().Kind() == reflect.Bool { // OptionalNullable: set, to the value under true
			p := reflect.New(f.Type().Elem().Elem())
			if err := build(p.Elem(), x, path); err != nil {
				return err
			}
			m := reflect.MakeMap(f.Type())
			m.SetMapIndex(reflect.ValueOf(true), p)
			f.Set(m)
			return nil
		}
		obj, ok := x.(map[string]any)
		if !ok || f.Type().Key().Kind() != reflect.String {
			return cannot(path, x, f)
		}
		m := reflect.MakeMap(f.Type())
		for _, k := range sortedKeys(obj) { // the first unrepresentable member found is the same every run
			item := obj[k]
			e := reflect.New(f.Type().Elem()).Elem()
			if err := build(e, item, join(path, k)); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(f.Type().Key()), e)
		}
		f.Set(m)
		return nil
	case reflect.Struct:
		return buildStruct(f, x, path)
	}
	return fmt.Errorf("%s: the harness cannot set a %s", path, f.Type())
}

func buildStruct(f reflect.Value, x any, path string) error {
	t := f.Type()
	if _, ok := f.Addr().Interface().(json.Unmarshaler); ok && (hasTag(t, "union", "member") || t.NumField() == 0 || !t.Field(0).IsExported()) {
		// a Speakeasy union, or a value with no fields to set (a date): a program gets one from the
		// SDK's own reading of its JSON, which picks the member as the SDK does
		b, err := json.Marshal(x)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, f.Addr().Interface()); err != nil {
			return Unrepresentable{path, string(b) + " (" + err.Error() + ")", t.String()}
		}
		return nil
	}
	for i := 0; i < t.NumField(); i++ { // a Stainless union of other shapes: the `Of…` field of the value's shape
		sf := t.Field(i)
		if tag := strings.Split(sf.Tag.Get("json"), ","); tag[0] == "" && len(tag) > 1 && tag[1] == "inline" && shapeFits(f.Field(i), x) {
			return build(f.Field(i), x, path)
		}
	}
	obj, ok := x.(map[string]any)
	if !ok {
		return cannot(path, x, f)
	}
	for i := 0; i < t.NumField(); i++ { // in declaration order: the first unrepresentable field found is the same every run
		sf := t.Field(i)
		name := strings.Split(sf.Tag.Get("json"), ",")[0]
		item, ok := obj[name]
		if name == "" || name == "-" || !sf.IsExported() || !ok {
			continue
		}
		if err := build(f.FieldByIndex(sf.Index), item, join(path, name)); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// join names a field inside a value, from the top: output_index, part/text, logprobs/0/token.
func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "/" + name
}

func hasTag(t reflect.Type, key, value string) bool {
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get(key) == value {
			return true
		}
	}
	return false
}

// shapeFits says whether a JSON value has the shape of a Go field: what a program sees when it picks
// which field of a union to assign.
func shapeFits(f reflect.Value, x any) bool {
	switch x.(type) {
	case string:
		return f.Kind() == reflect.String
	case bool:
		return f.Kind() == reflect.Bool
	case json.Number:
		k := f.Kind()
		return k >= reflect.Int && k <= reflect.Float64
	case []any:
		return f.Kind() == reflect.Slice
	case map[string]any:
		return f.Kind() == reflect.Struct || f.Kind() == reflect.Map
	}
	return false
}

// ChunkReader hands out one network chunk per Read, as a socket would.
type ChunkReader struct{ Chunks [][]byte }

func (c *ChunkReader) Read(p []byte) (int, error) {
	for len(c.Chunks) > 0 && len(c.Chunks[0]) == 0 {
		c.Chunks = c.Chunks[1:]
	}
	if len(c.Chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.Chunks[0])
	c.Chunks[0] = c.Chunks[0][n:]
	return n, nil
}

func (c *ChunkReader) Close() error { return nil }

// UnionMember is the member a Speakeasy union chose on unmarshalling: its value and Go type name,
// or nil when it chose none (an unknown event).
func UnionMember(u any) (any, string) {
	m := unionMember(reflect.ValueOf(u).Elem())
	if !m.IsValid() {
		return nil, ""
	}
	return m.Interface(), m.Elem().Type().Name()
}

func unionMember(rv reflect.Value) reflect.Value {
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Field(i)
		if rv.Type().Field(i).Tag.Get("union") == "member" && f.Kind() == reflect.Ptr && !f.IsNil() {
			return f
		}
	}
	return reflect.Value{}
}
