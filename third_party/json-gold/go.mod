module github.com/piprate/json-gold

go 1.21

require (
	github.com/cayleygraph/quad v1.3.0
	github.com/pquerna/cachecontrol v0.2.0
	github.com/stretchr/testify v1.9.0
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
