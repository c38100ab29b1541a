module openresponses-conformance/harnesslib

go 1.22
