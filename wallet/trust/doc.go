// Package trust is the learner's trust list: the issuers they know, and
// where they learnt of each. The issuer check of a verification consults
// it ([Check]): a credential whose signer is on the list gets issuer.trusted
// (ok); any other gets issuer.unknown, a warning and never a failure,
// because an issuer missing from a learner's list says nothing about
// whether the credential is genuine.
//
// # The file
//
// A trust list is a UTF-8 JSON file:
//
//	{
//	  "version": 1,
//	  "entries": [
//	    {
//	      "name": "Universidad de Ejemplo",
//	      "source": "my university's list",
//	      "dids": ["did:web:uni.example"],
//	      "domains": ["uni.example"],
//	      "organizations": ["Universidad de Ejemplo"],
//	      "organizationIdentifiers": ["VATES-Q2818014I"],
//	      "added": "2026-03-01",
//	      "note": "The registry office's signing key."
//	    }
//	  ]
//	}
//
// version is 1; a file of another version, or without one, is refused
// ([ErrVersion]). Each entry has a name (shown to the learner), a source
// (where the learner got it: "EU trusted list", "my university's list",
// "added by me"), the date it was added (YYYY-MM-DD), an optional note,
// and at least one identifier:
//
//   - dids: DIDs, matched exactly (the signer's DID URL fragment, as in
//     did:web:uni.example#key-1, is ignored);
//   - domains: DNS names, lower-case ASCII (write an internationalised
//     name in its xn-- form), at least two labels, without scheme, port or
//     path. A domain matches a did:web on that host or any subdomain
//     (did:web:uni.example, did:web:cs.uni.example:people:ana, with any
//     port), an https identifier on it (https://uni.example/issuers/1,
//     https://www.uni.example), and a signer name that is such a host. It
//     does not match http identifiers, nor uni.example.org or
//     notuni.example. A domain entry trusts everything published under it:
//     do not add shared hosting domains such as github.io;
//   - organizations: organisation names as an eSeal certificate's subject
//     gives them (its O attribute), matched ignoring case and runs of white
//     space;
//   - organizationIdentifiers: the certificate subject's
//     organizationIdentifier (ETSI EN 319 412-1), e.g. "VATBE-0123456789"
//     or "LEIXG-529900T8BM49AURSDO55", matched ignoring case.
//
// Unknown members, and members spelt in another case ("Name"), are
// refused, so that a misspelt "dids" does not silently trust nobody. Each name and each identifier belongs to one entry
// ([ErrDuplicate]): if two entries claimed one DID, the learner could not
// be told which source vouches for it. Parse canonicalises what it reads:
// white space around values is trimmed, domains are lower-cased and
// organisation identifiers upper-cased; [List.Marshal] writes that form,
// so a list survives a round trip unchanged.
//
// # Matching
//
// Only what the proof check established is matched: the signer (a DID or
// https identifier whose key made the proof) and the signer's names (a
// sealing certificate's organisation name and organizationIdentifier, a
// domain). The issuer a credential merely claims is not, so an unsigned or
// forged credential naming a trusted issuer is never shown as trusted.
// When several entries match, the strongest identifier wins: an exact DID,
// then an organisation identifier, then the longest matching domain, then
// an organisation name.
package trust
