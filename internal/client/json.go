package client

import "encoding/json"

// Sinch's answers are decoded with keys matched exactly: encoding/json alone matches keys without
// regard to case, and took "HMACSECRET" for "hmacSecret" (found by fuzzing).

// jsonObject decodes a JSON object, keys matched exactly; nil when raw is not one.
func jsonObject(raw json.RawMessage) map[string]json.RawMessage {
	var object map[string]json.RawMessage
	if json.Unmarshal(raw, &object) != nil {
		return nil
	}
	return object
}

// jsonArray decodes a JSON array; nil when raw is not one.
func jsonArray(raw json.RawMessage) []json.RawMessage {
	var array []json.RawMessage
	if json.Unmarshal(raw, &array) != nil {
		return nil
	}
	return array
}

// jsonString decodes a JSON string; "" when raw is not one.
func jsonString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// jsonNumber is a JSON number as written, such as "40001"; "" when raw is not one.
func jsonNumber(raw json.RawMessage) string {
	var n json.Number
	if json.Unmarshal(raw, &n) != nil {
		return ""
	}
	return n.String()
}

// exactDecoder reads the fields of a JSON object, each a string, a list of strings or an object, or
// null or absent; a field of another type sets failed.
type exactDecoder struct {
	fields map[string]json.RawMessage
	failed bool
}

// optionalString is the string at key, or nil when it is null or absent.
func (d *exactDecoder) optionalString(key string) *string {
	raw, ok := d.fields[key]
	if !ok || string(raw) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		d.failed = true
		return nil
	}
	return &s
}

// string is the string at key, or "" when it is null or absent.
func (d *exactDecoder) string(key string) string {
	if s := d.optionalString(key); s != nil {
		return *s
	}
	return ""
}

// strings is the list of strings at key, or nil when it is null or absent.
func (d *exactDecoder) strings(key string) []string {
	raw, ok := d.fields[key]
	if !ok || string(raw) == "null" {
		return nil
	}
	var list []string
	if json.Unmarshal(raw, &list) != nil {
		d.failed = true
	}
	return list
}

// object is the object at key, or nil when it is null or absent.
func (d *exactDecoder) object(key string) map[string]json.RawMessage {
	raw, ok := d.fields[key]
	if !ok || string(raw) == "null" {
		return nil
	}
	object := jsonObject(raw)
	if object == nil {
		d.failed = true
	}
	return object
}
