package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// verifyFlags are the options of the commands that verify.
type verifyFlags struct {
	online  bool
	maxSize int
	lang    string
}

func (f *verifyFlags) add(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.online, "online", false, "allow network checks: did:web keys, revocation lists, hosted badges")
	cmd.Flags().IntVar(&f.maxSize, "max-size", wallet.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	cmd.Flags().StringVar(&f.lang, "lang", "", "show multilingual values in this language (default from $LANG)")
}

// language returns the language to show values in.
func (a *app) language(flag string) string {
	if flag != "" {
		return flag
	}
	for _, v := range []string{"SATCHEL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		l := a.io.Getenv(v)
		l, _, _ = strings.Cut(l, ".")
		l = strings.ReplaceAll(l, "_", "-")
		if l != "" && l != "C" && l != "POSIX" {
			return l
		}
	}
	return "en"
}

// checker configures a Checker from the flags.
func (f *verifyFlags) configure(ch *wallet.Checker) {
	ch.MaxBytes = f.maxSize
	ch.Online = f.online
	if f.online {
		ch.Fetcher = newFetcher()
	}
}

// readInputs reads the named files, every file of named folders, and "-"
// (standard input). A file larger than max is read only up to max+1 bytes:
// enough for the checker to refuse it, never enough to exhaust memory.
func (a *app) readInputs(args []string, max int) ([]wallet.Input, error) {
	var in []wallet.Input
	read := func(name string, r io.Reader) error {
		data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		in = append(in, wallet.Input{Name: name, Data: data})
		return nil
	}
	for _, arg := range args {
		if arg == "-" {
			if err := read("-", a.io.In); err != nil {
				return nil, err
			}
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			return nil, usageError("%s: %v", arg, err)
		}
		files := []string{arg}
		if st.IsDir() {
			entries, err := os.ReadDir(arg)
			if err != nil {
				return nil, err
			}
			files = files[:0]
			for _, e := range entries {
				if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
					files = append(files, filepath.Join(arg, e.Name()))
				}
			}
			sort.Strings(files)
		}
		for _, p := range files {
			f, err := os.Open(p)
			if err != nil {
				return nil, err
			}
			err = read(p, f)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	return in, nil
}

func (a *app) importCommand() *cobra.Command {
	var vf verifyFlags
	cmd := &cobra.Command{
		Use:   "import FILE|DIR|- ...",
		Short: "Import credentials: verify them and keep them in the wallet",
		Long: `Import credentials of any supported format (Open Badges 3.0 and 2.0, W3C
Verifiable Credentials as JSON-LD, JWT or SD-JWT, European Digital
Credentials, Europass XML, and presentations carrying any of them). A folder
imports every file in it; - reads standard input.

Each is verified first. Credentials that are not verified are kept and say
so; input that is not a credential, or breaks a limit, is refused and
nothing of it is stored. A credential the wallet already has is reported as
a duplicate. Exit code 1 if any input was not verified or was refused.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			inputs, err := a.readInputs(args, vf.maxSize)
			if err != nil {
				return err
			}
			inputs = unwrapQR(inputs)
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				ch, err := w.Checker()
				if err != nil {
					return err
				}
				vf.configure(ch)
				results, err := w.Import(cmd.Context(), ch, inputs, nil)
				if err != nil {
					return err
				}
				return a.reportImport(results, a.language(vf.lang))
			})
		},
	}
	vf.add(cmd)
	return cmd
}

// flatten lists a presentation's credentials after it.
func flatten(rs []wallet.ImportResult) []wallet.ImportResult {
	var out []wallet.ImportResult
	for _, r := range rs {
		out = append(out, r)
		out = append(out, flatten(r.Embedded)...)
	}
	return out
}

func (a *app) reportImport(results []wallet.ImportResult, lang string) error {
	all := flatten(results)
	views := make([]resultView, 0, len(all))
	counts := map[string]int{}
	failed := false
	for _, r := range all {
		views = append(views, resultOf(r.Input, string(r.Status), &r.Credential, lang))
		counts[string(r.Status)]++
		if r.Credential.Verification.Verdict != credential.Verified {
			failed = true
			if r.Status == wallet.Imported || r.Status == wallet.Duplicate {
				counts["not verified"]++
			}
		}
	}
	a.emit(views, func(w io.Writer) {
		for _, v := range views {
			fmt.Fprintf(w, "%-12s %-13s %s\n", v.Status, v.Verdict, oneLine(v))
		}
		fmt.Fprintf(w, "\n%d imported, %d duplicate, %d not verified, %d rejected", counts[string(wallet.Imported)], counts[string(wallet.Duplicate)], counts["not verified"], counts[string(wallet.RejectedInput)])
		if n := counts[string(wallet.Presentation)]; n > 0 {
			fmt.Fprintf(w, " (from %d presentation(s))", n)
		}
		fmt.Fprintln(w, ".")
	})
	if failed {
		return &failure{code: ExitFailed, err: errSilent}
	}
	return nil
}

// resultOf makes the --json object of one input.
func resultOf(input, status string, c *credential.Credential, lang string) resultView {
	v := resultView{Input: input, Status: status, Verdict: c.Verification.Verdict, Checks: viewChecks(c.Verification)}
	if c.Verification.Verdict == credential.Rejected {
		if len(c.Verification.Checks) > 0 {
			v.Error = c.Verification.Checks[0].Message
		}
		return v
	}
	v.ID, v.Format, v.Credential = c.ID, c.Format, viewCredential(c, lang)
	return v
}

// oneLine describes a result in one line of text.
func oneLine(v resultView) string {
	if v.Credential == nil {
		return v.Error + "  (" + v.Input + ")"
	}
	s := v.Credential.Title
	if s == "" {
		s = "(untitled)"
	}
	if n := v.Credential.Issuer.Name; n != "" {
		s += " — " + n
	}
	id := v.ID
	if len(id) > 12 {
		id = id[:12]
	}
	return fmt.Sprintf("%s  [%s]  %s", s, id, v.Input)
}
