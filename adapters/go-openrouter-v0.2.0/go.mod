module openresponses-conformance/adapters/go-openrouter-v0.2.0

go 1.22

require (
	github.com/OpenRouterTeam/go-sdk v0.2.0
	openresponses-conformance/harnesslib v0.0.0
)

replace openresponses-conformance/harnesslib => ../_harness-lib/go
