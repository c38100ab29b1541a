module openresponses-conformance/adapters/go-openrouter-seed

go 1.22

require (
	github.com/OpenRouterTeam/go-sdk v0.0.0-20260126192013-c2c3c701312e
	openresponses-conformance/harnesslib v0.0.0
)

require github.com/stretchr/testify v1.12.1 // indirect

replace openresponses-conformance/harnesslib => ../_harness-lib/go
