package harness

import (
	"reflect"
	"strings"
)

// RenderStainless reads a Stainless-generated model (openai-go's) the way a Go program does, all the
// way down. Its optional fields are plain values, so whether the payload set one is read from the
// model's own JSON metadata (respjson.Field: Valid, Raw). A union is read through its AsAny (the
// variant a program switches on) when it has one, and otherwise as the `Of…` field the payload set.
func RenderStainless(v any) any { return renderStainless(reflect.ValueOf(v)) }

func renderStainless(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Interface, reflect.Ptr:
		if v.IsNil() {
			return nil
		}
		return renderStainless(v.Elem())
	case reflect.Struct:
		return renderStainlessStruct(v)
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			out[it.Key().String()] = renderStainless(it.Value())
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = renderStainless(v.Index(i))
		}
		return out
	}
	return leaf(v)
}

// fieldMeta is the respjson.Field the model keeps for its Go field, or an invalid Value when none.
func fieldMeta(v reflect.Value, goName string) reflect.Value {
	meta := v.FieldByName("JSON")
	if !meta.IsValid() || meta.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return meta.FieldByName(goName)
}

// metaRaw is the field's raw JSON as the SDK kept it ("" when the payload left it out).
func metaRaw(f reflect.Value) string {
	if !f.IsValid() {
		return ""
	}
	return f.MethodByName("Raw").Call(nil)[0].String()
}

// Present says whether the payload set a field, from the SDK's own JSON metadata: true when the
// model keeps none for it.
func Present(v reflect.Value, goName string) bool {
	f := fieldMeta(v, goName)
	if !f.IsValid() {
		return true
	}
	m := f.MethodByName("Valid")
	return !m.IsValid() || m.Call(nil)[0].Bool() || metaRaw(f) != ""
}

func renderStainlessStruct(v reflect.Value) any {
	if x, ok := opaque(v); ok {
		return x
	}
	if as := v.MethodByName("AsAny"); as.IsValid() && as.Type().NumIn() == 0 && as.Type().NumOut() == 1 {
		if variant := as.Call(nil)[0]; !variant.IsNil() {
			return renderStainless(variant.Elem())
		}
	}
	t := v.Type()
	out := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := strings.Split(sf.Tag.Get("json"), ",")
		if tag[0] == "" && len(tag) > 1 && tag[1] == "inline" { // a union of other shapes: the one the payload set
			if f := fieldMeta(v, sf.Name); f.IsValid() && metaRaw(f) != "" {
				return renderStainless(v.Field(i))
			}
			continue
		}
		if tag[0] == "" || tag[0] == "-" {
			continue
		}
		// the SDK's metadata says which fields the payload left out, required ones too (Raw() == ""):
		// Go code sees a zero value there, and the SDK documents the metadata as how to tell
		if !Present(v, sf.Name) {
			continue
		}
		if metaRaw(fieldMeta(v, sf.Name)) == "null" {
			out[tag[0]] = nil
			continue
		}
		out[tag[0]] = renderStainless(v.Field(i))
	}
	return out
}
