package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/fetch"
)

// errSilent ends a command with its exit code when the output has already
// said what went wrong.
var errSilent = errors.New("")

// newFetcher is the network access allowed by --online.
func newFetcher() wallet.Fetcher { return &fetch.HTTP{} }

func (a *app) verifyCommand() *cobra.Command {
	var vf verifyFlags
	cmd := &cobra.Command{
		Use:   "verify FILE|ID ...",
		Short: "Verify credentials: files without storing them, or stored ones again",
		Long: `Verify each argument. A file (or - for standard input) is verified without
being stored. An id (or a unique prefix of one) of a stored credential is
verified again from its original and the new result is stored: validity is
judged now, and --online checks what needs the network.

Without a wallet, files are verified all the same, but there is no holder
to compare with. Exit code 1 if any input was not verified or was refused.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var files, ids []string
			for _, arg := range args {
				if _, err := os.Stat(arg); err == nil || arg == "-" {
					files = append(files, arg)
				} else {
					ids = append(ids, arg)
				}
			}
			inputs, err := a.readInputs(files, vf.maxSize)
			if err != nil {
				return err
			}
			inputs = unwrapQR(inputs)
			lang := a.language(vf.lang)
			var views []resultView
			run := func(w *wallet.Wallet) error {
				var ch *wallet.Checker
				var err error
				if w != nil {
					ch, err = w.Checker() // the profiles and the trust list
				} else {
					ch, err = wallet.NewChecker(nil)
				}
				if err != nil {
					return err
				}
				vf.configure(ch)
				for _, in := range inputs {
					v := ch.Verify(cmd.Context(), in.Data)
					views = append(views, verifiedViews(in.Name, v, lang)...)
				}
				for _, id := range ids {
					c, err := w.Reverify(cmd.Context(), ch, id)
					if err != nil {
						return err
					}
					views = append(views, resultOf(id, "", &c, lang))
				}
				return nil
			}
			path, err := a.path()
			if err != nil {
				return err
			}
			_, statErr := os.Stat(path)
			if statErr != nil && len(ids) == 0 {
				err = run(nil) // no wallet: verify without a holder or trust list
			} else {
				err = a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error { return run(w) })
			}
			if err != nil {
				return err
			}
			return a.reportVerify(views)
		},
	}
	vf.add(cmd)
	return cmd
}

// verifiedViews lists a verified input and, for a presentation, the
// credentials inside.
func verifiedViews(name string, v *wallet.Verified, lang string) []resultView {
	out := []resultView{resultOf(name, "", &v.Credential, lang)}
	for i, e := range v.Embedded {
		out = append(out, verifiedViews(fmt.Sprintf("%s#%d", name, i+1), e, lang)...)
	}
	return out
}

func (a *app) reportVerify(views []resultView) error {
	failed := false
	for _, v := range views {
		failed = failed || v.Verdict != credential.Verified
	}
	a.emit(views, func(w io.Writer) {
		for _, v := range views {
			title := ""
			if v.Credential != nil && v.Credential.Title != "" {
				title = " — " + v.Credential.Title
			}
			fmt.Fprintf(w, "%s: %s%s\n", v.Input, v.Verdict, title)
			printChecks(w, v.Checks)
		}
	})
	if failed {
		return &failure{code: ExitFailed, err: errSilent}
	}
	return nil
}

// statusMark shows a check's outcome in words and a sign, never a colour
// alone.
var statusMark = map[credential.Status]string{
	credential.OK: "✓ ok     ", credential.Failed: "✗ failed ", credential.Warning: "! warning", credential.Skipped: "– skipped",
}

func printChecks(w io.Writer, checks []checkView) {
	for _, c := range checks {
		fmt.Fprintf(w, "  %s %-13s %s\n", statusMark[c.Status], c.Check, c.Message)
		if c.Detail != "" && c.Status != credential.OK {
			fmt.Fprintf(w, "  %9s %-13s (%s)\n", "", "", c.Detail)
		}
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (a *app) showCommand() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show everything a stored credential says, and its verification",
		Args:  exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				c, _, err := w.Credential(args[0])
				if err != nil {
					return err
				}
				v := resultOf(args[0], "", &c, a.language(lang))
				a.emit(v, func(out io.Writer) { printCredential(out, &c, v) })
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "show multilingual values in this language (default from $LANG)")
	return cmd
}

// printCredential writes the EU standard elements of a credential, one per
// line, leaving out those it does not state.
func printCredential(w io.Writer, c *credential.Credential, v resultView) {
	cv := v.Credential
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-22s %s\n", label+":", value)
		}
	}
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", *f), "0"), ".")
	}
	line("Title", cv.Title)
	line("Id", c.ID)
	line("Format", fmt.Sprintf("%s (%s)", c.Profile, c.Format))
	line("Learner", strings.TrimSpace(cv.Learner.Name+"  "+cv.Learner.ID))
	line("Issuer", strings.TrimSpace(cv.Issuer.Name+"  "+cv.Issuer.ID))
	line("Issuer country", cv.Issuer.Country)
	if cv.AwardingBody != nil {
		line("Awarding body", strings.TrimSpace(cv.AwardingBody.Name+"  "+cv.AwardingBody.ID))
	}
	line("Date of issuing", cv.Issued)
	line("Valid from", cv.ValidFrom)
	line("Valid until", cv.ValidUntil)
	line("ECTS credits", num(cv.ECTS))
	line("Workload (hours)", num(cv.Hours))
	if cv.EQF != nil {
		line("EQF level", fmt.Sprint(*cv.EQF))
	}
	line("NQF level", cv.NQF)
	for i, o := range cv.LearningOutcomes {
		label := ""
		if i == 0 {
			label = "Learning outcomes"
		}
		fmt.Fprintf(w, "%-22s - %s\n", label+map[bool]string{true: ":", false: ""}[i == 0], o)
	}
	for _, s := range cv.Skills {
		line("Skill", s.Label+"  "+s.ID)
	}
	line("Assessment", cv.Assessment)
	line("Participation", cv.Participation)
	line("Quality assurance", cv.QualityAssurance)
	line("Prerequisites", cv.Prerequisites)
	line("Supervision and ID", cv.Supervision)
	line("Grade", cv.Grade)
	line("Stackability", cv.Stackability)
	line("Part of", strings.Join(cv.PartOf, "; "))
	line("Field of study", strings.Join(cv.FieldOfStudy, "; "))
	line("Language", strings.Join(cv.Language, ", "))
	line("Accreditation", strings.Join(cv.Accreditation, "; "))
	line("Further information", cv.FurtherInformation)
	line("Can disclose", strings.Join(cv.Disclosable, ", "))
	line("Tags", strings.Join(cv.Tags, ", "))
	fmt.Fprintf(w, "\nVerification: %s (checked %s)\n", v.Verdict, c.Verification.CheckedAt.Format("2 January 2006 15:04 MST"))
	printChecks(w, v.Checks)
}

func (a *app) deleteCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Delete a credential from the wallet",
		Long: `Delete a credential from the wallet, with its original file. It is taken
out of every collection and stack that held it; the stacks that lose a
member are named.`,
		Args: exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				d, err := w.DeleteCredential(args[0])
				if err != nil {
					return err
				}
				c := d.Credential
				title := c.Title.In(a.language(""))
				doc := map[string]any{"deleted": c.ID, "title": title, "collections": orEmpty(d.Collections), "stacks": orEmpty(d.Stacks)}
				a.emit(doc, func(out io.Writer) {
					fmt.Fprintf(out, "Deleted %q [%s].\n", title, c.ID[:12])
					if len(d.Collections) > 0 {
						fmt.Fprintf(out, "Removed from collection(s): %s.\n", strings.Join(d.Collections, ", "))
					}
					for _, s := range d.Stacks {
						fmt.Fprintf(out, "Stack %q lost a member; see `satchel-cli stack show %q`.\n", s, s)
					}
				})
				return nil
			})
		},
	}
}

// orEmpty keeps a nil list from printing as null in JSON.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
