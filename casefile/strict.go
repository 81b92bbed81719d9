package casefile

import (
	"fmt"
	"github.com/crosscheck/crosscheck/msg"
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// checkKeys walks a parsed case file against the Go type it decodes into
// and reports, in the case file's own words, the first key the type does
// not declare and the first value of the wrong shape. It reads the yaml
// tags, so a key added to fileCase or Input is accepted as soon as it is
// declared there. yaml's own errors name Go types ("[]casefile.Input"),
// which mean nothing to the person who wrote the file; this check runs
// first so that they are never shown.
func checkKeys(doc *yaml.Node, t reflect.Type) error {
	if doc == nil {
		return nil
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil
		}
		doc = doc.Content[0]
	}
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return nil
	}
	if doc.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a case file is a list of keys such as `case:` and `payments:`, not %s", doc.Line, shapeName(doc))
	}
	return walk(doc, t, "")
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// walk checks node n against type t; where is the dotted path of keys
// leading to n ("payments[2]"), empty at the top.
func walk(n *yaml.Node, t reflect.Type, where string) error {
	for n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil
		}
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // an empty value leaves the field unset
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	custom := reflect.PointerTo(t).Implements(unmarshalerType)
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind == yaml.ScalarNode && custom {
			return nil // a short form, such as a bare path for an input
		}
		if n.Kind != yaml.MappingNode {
			return shapeError(n, where, "a set of keys")
		}
		return walkStruct(n, t, where)
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return shapeError(n, where, "a list")
		}
		for i, item := range n.Content {
			if err := walk(item, t.Elem(), fmt.Sprintf("%s[%d]", where, i+1)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return shapeError(n, where, "a set of keys")
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: %s: a key must be a plain word", k.Line, orTop(where))
			}
			if err := walk(v, t.Elem(), join(where, k.Value)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Interface:
		return nil
	}
	if custom {
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		return shapeError(n, where, "a single value")
	}
	return nil
}

// walkStruct checks every key of mapping n against the yaml keys of t.
func walkStruct(n *yaml.Node, t reflect.Type, where string) error {
	fields := yamlFields(t)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			continue // "<<: *anchor" merges keys yaml checks itself
		}
		if k.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: %s: a key must be a plain word", k.Line, orTop(where))
		}
		ft, ok := fields[k.Value]
		if !ok {
			return unknownKey(k, where, fields)
		}
		if err := walk(v, ft, join(where, k.Value)); err != nil {
			return err
		}
	}
	return nil
}

// yamlFields maps each yaml key of struct t (inline structs flattened) to
// its field's type.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",inline,") {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range yamlFields(ft) {
					out[k] = v
				}
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

func unknownKey(k *yaml.Node, where string, fields map[string]reflect.Type) error {
	valid := make([]string, 0, len(fields))
	for name := range fields {
		valid = append(valid, name)
	}
	sort.Strings(valid)
	// A catalogue message: it reads in --lang's language.
	line, key := msg.Int(k.Line), msg.Text(k.Value)
	near := nearest(k.Value, valid)
	switch {
	case where == "" && near != "":
		return msg.Errorf(msg.ErrKeyTopNear, line, key, msg.Text(near))
	case where == "":
		return msg.Errorf(msg.ErrKeyTop, line, key, msg.Text(strings.Join(valid, "`, `")))
	case near != "":
		return msg.Errorf(msg.ErrKeyUnderNear, line, key, msg.Text(where), msg.Text(near))
	}
	return msg.Errorf(msg.ErrKeyUnder, line, key, msg.Text(where), msg.Text(strings.Join(valid, "`, `")))
}

// nearest returns the valid key closest to key, when it is close enough to
// be a plausible slip (a third of its letters at most).
func nearest(key string, valid []string) string {
	best, bestD := "", -1
	lk := strings.ToLower(key)
	for _, v := range valid {
		d := editDistance(lk, v)
		if bestD < 0 || d < bestD {
			best, bestD = v, d
		}
	}
	limit := max(2, (len([]rune(key))+2)/3)
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// editDistance is the Damerau-Levenshtein distance (adjacent swaps count
// once), the usual measure of a typing slip.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func shapeError(n *yaml.Node, where, want string) error {
	return fmt.Errorf("line %d: %s: want %s, found %s", n.Line, orTop(where), want, shapeName(n))
}

func shapeName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

func orTop(where string) string {
	if where == "" {
		return "the case file"
	}
	return where
}
