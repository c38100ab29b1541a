package harness

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
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

// ThroughGetters reads a parsed model field by field through its GetX methods, as a Go program does.
func ThroughGetters(v any) map[string]any {
	rv := reflect.ValueOf(v)
	out := map[string]any{}
	for name, f := range JSONFields(rv.Elem().Type()) {
		get := rv.MethodByName("Get" + f.Name)
		if !get.IsValid() {
			continue
		}
		x := get.Call(nil)[0]
		if x.Kind() == reflect.Ptr { // an optional field: left out when the payload did not set it
			if x.IsNil() {
				continue
			}
			x = x.Elem()
		}
		switch x.Kind() {
		case reflect.String:
			out[name] = x.String()
		case reflect.Int, reflect.Int32, reflect.Int64:
			out[name] = x.Int()
		case reflect.Float32, reflect.Float64:
			out[name] = Finite(x.Float())
		default:
			out[name] = x.Interface()
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

// Build sets a model's fields from a value in wire shape, as a program assigns them; a number the
// Go type cannot hold is an Unrepresentable error. Numbers are read from their digits, never rounded.
func Build(v any, raw json.RawMessage) error {
	var value map[string]any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&value); err != nil {
		return err
	}
	rv := reflect.ValueOf(v).Elem()
	for name, sf := range JSONFields(rv.Type()) {
		x, ok := value[name]
		if !ok {
			continue
		}
		f := rv.FieldByIndex(sf.Index)
		switch f.Kind() {
		case reflect.String:
			s, ok := x.(string)
			if !ok {
				return fmt.Errorf("%s: %v is not a string", name, x)
			}
			f.SetString(s)
		case reflect.Int64, reflect.Int:
			n, ok := x.(json.Number)
			if !ok {
				return fmt.Errorf("%s: %v is not a number", name, x)
			}
			i, err := n.Int64()
			if err != nil {
				return Unrepresentable{name, n.String(), f.Type().String()}
			}
			f.SetInt(i)
		case reflect.Float64:
			n, ok := x.(json.Number)
			if !ok {
				return fmt.Errorf("%s: %v is not a number", name, x)
			}
			d, err := n.Float64()
			if err != nil {
				return Unrepresentable{name, n.String(), f.Type().String()}
			}
			f.SetFloat(d)
		default:
			return fmt.Errorf("%s: the harness cannot set a %s", name, f.Type())
		}
	}
	return nil
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
	rv := reflect.ValueOf(u).Elem()
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Field(i)
		if rv.Type().Field(i).Tag.Get("union") == "member" && f.Kind() == reflect.Ptr && !f.IsNil() {
			return f.Interface(), f.Elem().Type().Name()
		}
	}
	return nil, ""
}
