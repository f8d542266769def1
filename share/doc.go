// Package share makes what a learner hands to someone else: presentations
// signed with the holder's key (VP-JWT, JSON-LD with a Data Integrity proof,
// SD-JWT with a key-binding JWT), QR codes that carry them, and Europass
// exports. It builds on package wallet and is used by the ui and the command
// line.
//
// The package holds no code yet: presentations, QR codes and exports are
// the next capabilities to arrive, and they arrive here.
package share
