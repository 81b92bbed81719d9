package casefile

import (
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

func parseNode(s string) (*yaml.Node, error) {
	var n yaml.Node
	err := yaml.NewDecoder(strings.NewReader(s)).Decode(&n)
	return &n, err
}

func reflectType[T any]() reflect.Type { return reflect.TypeFor[T]() }
