package elm_test

import (
	"context"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/elm"
)

func ExampleRead() {
	doc := []byte(`{
	  "@context": ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"],
	  "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
	  "issuer": {"id": "urn:epass:org:1", "type": "Organisation", "legalName": {"en": "University of Zed", "ga": "Ollscoil Z"}},
	  "credentialSubject": {"id": "urn:epass:person:1", "type": "Person", "fullName": {"en": "Ana Andromeda"},
	    "hasClaim": {"type": "LearningAchievement", "title": {"en": "Digital micro-credential creation"},
	      "specifiedBy": {"type": "Qualification", "volumeOfLearning": "PT60H",
	        "eqfLevel": {"id": "http://data.europa.eu/snb/eqf/6"},
	        "creditPoint": {"framework": {"id": "http://data.europa.eu/snb/education-credit/6fcec5c5af"}, "point": "2"}}}}
	}`)
	r, err := elm.Read(context.Background(), doc, elm.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := r.Credential
	fmt.Println(c.Title.In("en"), "from", c.Issuer.Name.In("ga"))
	fmt.Printf("EQF %d, %g ECTS, %g hours\n", c.EQF, *c.ECTS, *c.Hours)
	for _, check := range r.Checks {
		fmt.Println(check.Check, check.Status)
	}
	// Output:
	// Digital micro-credential creation from Ollscoil Z
	// EQF 6, 2 ECTS, 60 hours
	// format ok
	// proof failed
	// accreditation skipped
}

func ExampleDetect() {
	fmt.Println(elm.Detect([]byte(`{"type": ["VerifiableCredential", "EuropeanDigitalCredential"]}`)))
	fmt.Println(elm.Detect([]byte(`{"type": ["VerifiableCredential", "OpenBadgeCredential"]}`)))
	// Output:
	// true
	// false
}
