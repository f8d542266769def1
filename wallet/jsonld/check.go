package jsonld

import "fmt"

// check walks a document before expansion: it counts context references
// against the limit and refuses "@import" (see [Processor.Expand]).
func (p *Processor) check(doc map[string]any) error {
	n := 0
	var walk func(v any) error
	walk = func(v any) error {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				switch k {
				case "@context":
					if a, ok := e.([]any); ok {
						n += len(a)
					} else {
						n++
					}
					if n > p.maxContexts {
						return fmt.Errorf("jsonld: more than %d context references: %w", p.maxContexts, ErrTooManyContexts)
					}
				case "@import":
					return fmt.Errorf("jsonld: @import in a context is not supported: %w", ErrInvalid)
				}
				if err := walk(e); err != nil {
					return err
				}
			}
		case []any:
			for _, e := range x {
				if err := walk(e); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(doc)
}
