package search

import "errors"

// ErrUnknownSort is returned by ParseSort for a name that is not a sort key.
var ErrUnknownSort = errors.New("unknown sort key")
