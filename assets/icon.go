package assets

import _ "embed"

//go:embed icon.png
var iconPNG []byte

// IconPNG returns Satchel's application icon, a 512×512 PNG. icon.svg beside
// it is the source. The bytes are shared; do not modify them.
func IconPNG() []byte { return iconPNG }
