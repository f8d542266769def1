package elm

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// imageTypes maps the EU file-type authority codes of the image formats
// kept inline to their media types and leading bytes. Other types (SVG,
// which can carry scripts; PDF pages) are kept as references only.
var imageTypes = map[string]struct {
	mime  string
	magic []byte
}{
	"JPEG": {"image/jpeg", []byte{0xFF, 0xD8, 0xFF}},
	"JPG":  {"image/jpeg", []byte{0xFF, 0xD8, 0xFF}},
	"PNG":  {"image/png", []byte("\x89PNG\r\n\x1a\n")},
	"GIF":  {"image/gif", []byte("GIF8")},
}

// images returns the pictures an EDC carries: the pages of its display
// (in the display's primary language when it has several), captioned with
// the display title and, when there are several pages, the page number;
// then the issuer's logo, captioned with the issuer's name.
func images(display map[string]any, title credential.Text, issuer map[string]any, issuerName credential.Text) []credential.Image {
	var out []credential.Image
	displays := objs(display["individualDisplay"])
	primary := id(display["primaryLanguage"])
	chosen := map[string]any(nil)
	for _, d := range displays {
		if chosen == nil || (primary != "" && id(d["language"]) == primary) {
			chosen = d
		}
		if primary != "" && id(d["language"]) == primary {
			break
		}
	}
	details := objs(chosen["displayDetail"])
	for i, detail := range details {
		if len(out) == maxImages-1 {
			break
		}
		caption := title
		if len(details) > 1 {
			caption = pageCaption(title, i+1)
			if p, ok := detail["page"].(float64); ok && p >= 1 && p < 1e6 {
				caption = pageCaption(title, int(p))
			}
		}
		if img, ok := mediaImage(obj(detail["image"]), caption); ok {
			out = append(out, img)
		}
	}
	if img, ok := mediaImage(obj(issuer["logo"]), issuerName); ok {
		out = append(out, img)
	}
	return out
}

func pageCaption(title credential.Text, page int) credential.Text {
	n := strconv.Itoa(page)
	if title.IsZero() {
		return credential.TextOf("en", "Page "+n)
	}
	return title.Map(func(s string) string { return s + " (" + n + ")" })
}

// mediaImage reads an ELM MediaObject: a link (contentURL over http or
// https) is kept as it is; embedded content (base64) becomes a data: URI
// when it is a JPEG, PNG or GIF of at most maxInlineImage characters whose
// bytes start as that format does. Anything else is kept as a reference:
// the MediaObject's identifier, which names the image inside the original
// file, where it stays.
func mediaImage(m map[string]any, caption credential.Text) (credential.Image, bool) {
	if m == nil {
		return credential.Image{}, false
	}
	if u := str(m["contentURL"]); strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return credential.Image{URL: u, Caption: caption}, true
	}
	content := str(m["content"])
	if content == "" {
		return credential.Image{}, false
	}
	ref := credential.Image{URL: str(m["id"]), Caption: caption}
	kind, ok := imageTypes[strings.ToUpper(lastSegment(id(m["contentType"])))]
	if !ok || len(content) > maxInlineImage {
		return ref, ref.URL != ""
	}
	raw, err := base64.StdEncoding.DecodeString(strings.Map(dropSpace, content))
	if err != nil || !bytes.HasPrefix(raw, kind.magic) {
		return ref, ref.URL != ""
	}
	return credential.Image{URL: "data:" + kind.mime + ";base64," + base64.StdEncoding.EncodeToString(raw), Caption: caption}, true
}

func dropSpace(r rune) rune {
	switch r {
	case ' ', '\n', '\r', '\t':
		return -1
	}
	return r
}
