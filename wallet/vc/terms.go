package vc

import (
	"strings"
	"time"
)

// euLocalNames are the local names of the EU micro-credential extension
// terms that Open Badges has no field for.
var euLocalNames = []string{
	"assessmentType", "participationForm", "qualityAssurance", "prerequisites",
	"supervisionAndIdentityVerification", "integrationStackability", "furtherInformation",
}

// euTerms maps each EU element's local name to the key the credential uses
// for it. A term defined in the credential's own @context counts by the
// IRI it expands to (eumc:assessmentType, https://.../#assessmentType), so
// the issuer's spelling of the term does not matter; without a definition
// the local name itself is used.
func euTerms(doc map[string]any) map[string]string {
	out := make(map[string]string, len(euLocalNames))
	for _, n := range euLocalNames {
		out[n] = n
	}
	for _, c := range list(doc["@context"]) {
		defs := obj(c)
		for term, def := range defs {
			iri := str(def)
			if d := obj(def); d != nil {
				iri = str(d["@id"])
			}
			local := localName(iri)
			for _, n := range euLocalNames {
				if strings.EqualFold(local, n) {
					out[n] = term
				}
			}
		}
	}
	return out
}

// localName is the part of an IRI or compact IRI after its last '#', '/'
// or ':'.
func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/:"); i >= 0 {
		return iri[i+1:]
	}
	return iri
}

func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}
