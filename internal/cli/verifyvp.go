package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// isImage reports whether data starts like a PNG, JPEG or GIF file.
func isImage(data []byte) bool {
	for _, magic := range [][]byte{[]byte("\x89PNG\r\n\x1a\n"), {0xff, 0xd8, 0xff}, []byte("GIF8")} {
		if bytes.HasPrefix(data, magic) {
			return true
		}
	}
	return false
}

// presentationOf turns what was given — presentation files, QR images
// (one symbol or a sheet each), QR payload texts — into the bytes of one
// presentation.
func presentationOf(files, texts []string) ([]byte, error) {
	var raw [][]byte
	for _, f := range files {
		data, err := readBounded(f, maxPresentationFile)
		if err != nil {
			return nil, err
		}
		switch {
		case isImage(data):
			img, err := qr.ReadImage(bytes.NewReader(data))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			found, err := qr.ReadCodes(img)
			if err != nil {
				return nil, fmt.Errorf("%s: no QR code could be read: %w", f, err)
			}
			texts = append(texts, found...)
		case qr.IsPayload(strings.TrimSpace(string(data))):
			texts = append(texts, strings.TrimSpace(string(data)))
		default:
			raw = append(raw, data)
		}
	}
	switch {
	case len(raw) > 1 || (len(raw) == 1 && len(texts) > 0):
		return nil, usageError("give one presentation at a time: one file, or the QR images or texts of one set")
	case len(raw) == 1:
		return raw[0], nil
	case len(texts) == 0:
		return nil, usageError("give a presentation file, QR images, or --text")
	}
	return qr.DecodePresentation(texts...)
}

// presentationView is the verifier's result as --json prints it.
type presentationView struct {
	Format      share.Format   `json:"format,omitempty"`
	Holder      string         `json:"holder,omitempty"`
	Verdict     string         `json:"verdict"`
	Checks      []checkView    `json:"checks"`
	Credentials []resultView   `json:"credentials"`
	Challenge   string         `json:"challenge,omitempty"`
	Audience    []string       `json:"audience,omitempty"`
	Created     string         `json:"created,omitempty"`
	Expires     string         `json:"expires,omitempty"`
	Summary     *share.Summary `json:"summary,omitempty"`
	Disclosed   []string       `json:"disclosed,omitempty"`
}

func (a *app) verifyPresentationCommand() *cobra.Command {
	var texts []string
	var challenge, domain, lang string
	var online bool
	cmd := &cobra.Command{
		Use:   "verify-presentation FILE|IMAGE...|--text TEXT",
		Short: "Verify a presentation someone shared: its holder's signature and every credential in it",
		Long: `Verify a presentation a learner shared with you: a VP-JWT, a JSON-LD
presentation or an SD-JWT file, the QR code images of one (several images for a
multi-part set, in any order; a printed sheet works too), or the text of its QR
codes (--text once per part). It checks the holder's signature, your challenge
and domain, the expiry, that each credential was issued to the holder, and
every credential with the same checks as import. It works offline unless
--online is given. Exit code 0 only when everything verified.`,
		Example: `  satchel-cli verify-presentation application.jwt --challenge 4c1e --domain https://uni.example
  satchel-cli verify-presentation scan-1.png scan-2.png scan-3.png
  satchel-cli verify-presentation --text 'SAT1.R1:...'`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := presentationOf(args, texts)
			if err != nil {
				return err
			}
			ch, err := wallet.NewChecker(nil)
			if err != nil {
				return err
			}
			if online {
				ch.Online, ch.Fetcher = true, newFetcher()
			}
			res, err := share.VerifyPresentation(cmd.Context(), data, share.VerifyOptions{
				Challenge: challenge, Domain: domain, Checker: ch, Online: online,
			})
			if err != nil {
				return err
			}
			return a.reportPresentation(res, a.language(lang))
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&texts, "text", nil, "the text of a QR symbol (repeat for each part of a set)")
	fl.StringVar(&challenge, "challenge", "", "the challenge (nonce) you gave the holder")
	fl.StringVar(&domain, "domain", "", "your domain: the audience the presentation must be addressed to")
	fl.BoolVar(&online, "online", false, "allow network checks: did:web keys, revocation lists")
	fl.StringVar(&lang, "lang", "", "show multilingual values in this language (default from $LANG)")
	return cmd
}

func (a *app) reportPresentation(res *share.Result, lang string) error {
	v := presentationView{
		Format: res.Format, Holder: res.Holder, Verdict: string(res.Verdict), Checks: viewChecks(credential.Verification{Checks: res.Checks}),
		Challenge: res.Challenge, Audience: res.Audience, Created: date(res.Created), Expires: date(res.Expires),
		Summary: res.Summary, Disclosed: res.Disclosed, Credentials: []resultView{},
	}
	for i := range res.Credentials {
		c := &res.Credentials[i].Credential
		v.Credentials = append(v.Credentials, resultOf(fmt.Sprintf("credential %d", i+1), "", c, lang))
	}
	a.emit(v, func(w io.Writer) {
		who := v.Holder
		if who == "" {
			who = "an unknown holder"
		}
		fmt.Fprintf(w, "Presentation (%s) by %s: %s\n", v.Format, who, v.Verdict)
		if s := v.Summary; s != nil {
			fmt.Fprintf(w, "Stack %q: %d credential(s), %g ECTS stated by the holder\n", s.Name, s.Credentials, s.ECTS)
		}
		printChecks(w, v.Checks)
		for _, c := range v.Credentials {
			title := ""
			if c.Credential != nil {
				title = " — " + c.Credential.Title
			}
			fmt.Fprintf(w, "\n%s: %s%s\n", c.Input, c.Verdict, title)
			printChecks(w, c.Checks)
		}
	})
	if res.Verdict != credential.Verified {
		return &failure{code: ExitFailed, err: errSilent}
	}
	return nil
}
