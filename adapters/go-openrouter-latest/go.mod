module openresponses-conformance/adapters/go-openrouter-latest

go 1.25.10

require (
	github.com/OpenRouterTeam/go-sdk v0.7.67
	openresponses-conformance/harnesslib v0.0.0
)

replace openresponses-conformance/harnesslib => ../_harness-lib/go
