package shared

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// View reads the attributes of a configuration, plan or state straight from its raw value. The
// framework's GetAttribute and SetAttribute convert the path and walk (or rebuild) the whole value at
// every call: a webhook's plan reads some 35 attributes and its refresh sets some 15, and those calls
// were most of their cost (see bench/RESULTS.md). A view decodes each object once, reads strings,
// numbers, bools and lists of strings, takes changes, and gives the changed value at once (Value).
type View struct {
	raw tftypes.Value
	// objects are the decoded objects, by the path that leads to them ("" for the root).
	objects map[string]map[string]tftypes.Value
	// changed are the objects with changes since raw, by path.
	changed map[string]bool
}

var _ AttributeGetter = (*View)(nil)

// ViewOf is a view of a raw value, without changes yet.
func ViewOf(raw tftypes.Value) *View {
	return &View{raw: raw, objects: map[string]map[string]tftypes.Value{}, changed: map[string]bool{}}
}

// SetAttribute sets an attribute to a string, a bool, a list of strings (for a set or list), an
// attr.Value, or a raw value of its type (one read from another view, say). An object that is null on the way gets its attributes, null.
func (v *View) SetAttribute(ctx context.Context, p path.Path, value any) diag.Diagnostics {
	var diags diag.Diagnostics
	steps := p.Steps()
	if len(steps) == 0 {
		diags.AddError("Provider error", "a view sets attributes only")
		return diags
	}
	parent := p.ParentPath()
	fields, objectType, key, err := v.objectForWrite(parent)
	name, _ := steps[len(steps)-1].(path.PathStepAttributeName)
	var typ tftypes.Type
	if err == nil {
		var ok bool
		if typ, ok = objectType.AttributeTypes[string(name)]; !ok {
			err = fmt.Errorf("%s is not an attribute", p)
		}
	}
	var converted tftypes.Value
	if err == nil {
		converted, err = toTerraform(ctx, typ, value)
	}
	if err != nil {
		diags.AddAttributeError(p, "Provider error", fmt.Sprintf("Setting %s: %v. This is a bug in the provider.", p, err))
		return diags
	}
	fields[string(name)] = converted
	// A new value of a nested object replaces what was decoded of it.
	for k := range v.objects {
		if strings.HasPrefix(k, key+"."+string(name)) {
			delete(v.objects, k)
			delete(v.changed, k)
		}
	}
	for k := key; ; k = k[:strings.LastIndex(k, ".")] {
		v.changed[k] = true
		if k == "" {
			break
		}
	}
	return diags
}

// objectForWrite is the decoded object at a path, made when it is null, with its type and key.
func (v *View) objectForWrite(p path.Path) (map[string]tftypes.Value, tftypes.Object, string, error) {
	key := ""
	value := v.raw
	for _, step := range p.Steps() {
		name, _ := step.(path.PathStepAttributeName)
		fields, err := v.decoded(key, value)
		if err != nil {
			return nil, tftypes.Object{}, key, err
		}
		key += "." + string(name)
		value = fields[string(name)]
	}
	fields, err := v.decoded(key, value)
	objectType, _ := value.Type().(tftypes.Object)
	return fields, objectType, key, err
}

// decoded is the object value at key, decoded once; a null one gets null attributes.
func (v *View) decoded(key string, value tftypes.Value) (map[string]tftypes.Value, error) {
	if fields, ok := v.objects[key]; ok {
		return fields, nil
	}
	objectType, ok := value.Type().(tftypes.Object)
	if !ok || !value.IsKnown() {
		return nil, fmt.Errorf("%q is not a known object", key)
	}
	fields := map[string]tftypes.Value{}
	if value.IsNull() {
		for name, typ := range objectType.AttributeTypes {
			fields[name] = tftypes.NewValue(typ, nil)
		}
	} else if err := value.As(&fields); err != nil {
		return nil, err
	}
	v.objects[key] = fields
	return fields, nil
}

// Raw is the value the view was made of, without the changes.
func (v *View) Raw() tftypes.Value { return v.raw }

// Value is the raw value with the changes.
func (v *View) Value() tftypes.Value {
	return v.rebuild("", v.raw)
}

func (v *View) rebuild(key string, value tftypes.Value) tftypes.Value {
	if !v.changed[key] {
		return value
	}
	fields := v.objects[key]
	rebuilt := make(map[string]tftypes.Value, len(fields))
	for name, field := range fields {
		rebuilt[name] = v.rebuild(key+"."+name, field)
	}
	return tftypes.NewValue(value.Type(), rebuilt)
}

// toTerraform converts what SetAttribute takes to a value of typ.
func toTerraform(ctx context.Context, typ tftypes.Type, value any) (tftypes.Value, error) {
	switch x := value.(type) {
	case tftypes.Value:
		if !x.Type().Equal(typ) {
			return x, fmt.Errorf("a %s is not a %s", x.Type(), typ)
		}
		return x, nil
	case attr.Value:
		converted, err := x.ToTerraformValue(ctx)
		if err == nil && !converted.Type().Equal(typ) {
			err = fmt.Errorf("a %s is not a %s", converted.Type(), typ)
		}
		return converted, err
	case string:
		return tftypes.NewValue(typ, x), nil
	case bool:
		return tftypes.NewValue(typ, x), nil
	case []string:
		elements := make([]tftypes.Value, len(x))
		for i, s := range x {
			elements[i] = tftypes.NewValue(tftypes.String, s)
		}
		return tftypes.NewValue(typ, elements), nil
	default:
		return tftypes.Value{}, fmt.Errorf("a view does not set a %T", value)
	}
}

// At is the value at a path of attribute names, changes included: null below a null object, unknown
// below an unknown one.
func (v *View) At(p path.Path) (tftypes.Value, error) {
	value, key := v.raw, ""
	for _, step := range p.Steps() {
		name, ok := step.(path.PathStepAttributeName)
		if !ok {
			return value, fmt.Errorf("a view reads attribute names only, not %s", p)
		}
		fields, decoded := v.objects[key]
		if !decoded {
			object, ok := value.Type().(tftypes.Object)
			child, isAttribute := object.AttributeTypes[string(name)]
			switch {
			case !ok || !isAttribute:
				return value, fmt.Errorf("%s is not an attribute", p)
			case !value.IsKnown():
				value, key = tftypes.NewValue(child, tftypes.UnknownValue), key+"."+string(name)
				continue
			case value.IsNull():
				value, key = tftypes.NewValue(child, nil), key+"."+string(name)
				continue
			}
			if err := value.As(&fields); err != nil {
				return value, err
			}
			v.objects[key] = fields
		}
		key += "." + string(name)
		value = fields[string(name)]
		if v.changed[key] {
			// An object with writes in it, which may have been null before them.
			value = v.rebuild(key, value)
		}
	}
	return value, nil
}

// GetAttribute reads into a *types.String, *types.Number or *types.Bool.
func (v *View) GetAttribute(_ context.Context, p path.Path, target any) diag.Diagnostics {
	var diags diag.Diagnostics
	value, err := v.At(p)
	if err == nil {
		err = assign(value, target)
	}
	if err != nil {
		diags.AddAttributeError(p, "Provider error", fmt.Sprintf("Reading %s: %v. This is a bug in the provider.", p, err))
	}
	return diags
}

func assign(value tftypes.Value, target any) error {
	known, null := value.IsKnown(), value.IsNull()
	switch t := target.(type) {
	case *types.String:
		var s string
		switch {
		case !known:
			*t = types.StringUnknown()
		case null:
			*t = types.StringNull()
		case value.As(&s) == nil:
			*t = types.StringValue(s)
		default:
			return fmt.Errorf("not a string")
		}
	case *types.Number:
		var n big.Float
		switch {
		case !known:
			*t = types.NumberUnknown()
		case null:
			*t = types.NumberNull()
		case value.As(&n) == nil:
			*t = types.NumberValue(&n)
		default:
			return fmt.Errorf("not a number")
		}
	case *types.Bool:
		var b bool
		switch {
		case !known:
			*t = types.BoolUnknown()
		case null:
			*t = types.BoolNull()
		case value.As(&b) == nil:
			*t = types.BoolValue(b)
		default:
			return fmt.Errorf("not a bool")
		}
	default:
		return fmt.Errorf("a view does not read into %T", target)
	}
	return nil
}

// IsNullAt tells whether the value at a path is null, through a view when there is one.
func IsNullAt(ctx context.Context, from AttributeGetter, at path.Path, diags *diag.Diagnostics) bool {
	null, _ := nullOrUnknownAt(ctx, from, at, diags)
	return null
}

// nullOrUnknownAt tells whether the object at a path is null, and whether it is unknown, through a view
// when there is one.
func nullOrUnknownAt(ctx context.Context, from AttributeGetter, at path.Path, diags *diag.Diagnostics) (null, unknown bool) {
	if v, ok := from.(*View); ok {
		value, err := v.At(at)
		if err != nil {
			diags.AddError("Provider error", err.Error())
		}
		return value.IsNull(), !value.IsKnown()
	}
	var object types.Object
	diags.Append(from.GetAttribute(ctx, at, &object)...)
	return object.IsNull(), object.IsUnknown()
}

// stringsAt reads a set or list of strings through a view; known is false when it is unknown.
func (v *View) stringsAt(p path.Path) (values []string, known bool, err error) {
	value, err := v.At(p)
	if err != nil || !value.IsKnown() || value.IsNull() {
		return nil, value.IsKnown(), err
	}
	var elements []tftypes.Value
	if err := value.As(&elements); err != nil {
		return nil, true, err
	}
	for _, e := range elements {
		var s string
		if !e.IsKnown() {
			return nil, false, nil
		}
		if err := e.As(&s); err != nil {
			return nil, true, err
		}
		values = append(values, s)
	}
	return values, true, nil
}

// String names the view in errors.
func (v *View) String() string { return "view of " + strings.TrimSpace(v.raw.Type().String()) }
