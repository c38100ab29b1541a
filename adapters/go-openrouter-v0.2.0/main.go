// Harness for github.com/OpenRouterTeam/go-sdk v0.2.0: the models renamed components.ImageGenCall*Event, still float64.
// Every operation is the SDK's own code, on the path a Go program takes (see ../_harness-lib/go/speakeasy.go
// and this folder's README): only what differs between versions of the SDK is here.
package main

import (
	"context"
	"io"

	"github.com/OpenRouterTeam/go-sdk/models/components"
	"github.com/OpenRouterTeam/go-sdk/types/stream"
	harness "openresponses-conformance/harnesslib"
)

func main() {
	harness.ServeSpeakeasy(harness.Speakeasy{
		Module:   "github.com/OpenRouterTeam/go-sdk",
		NewUnion: func() any { return &components.StreamEvents{} },
		Stream: func(r io.Reader) harness.EventStream {
			return stream.NewEventStream(context.Background(), r, harness.FromServerEvent, "")
		},
	})
}
