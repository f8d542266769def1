package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// listFlags are the search, filter and sort options of list.
type listFlags struct {
	query, issuer, from, to, sort, expired, lang string
	eqf                                          []int
	ectsMin, ectsMax                             float64
	verdicts, formats, collections, tags         []string
	reverse                                      bool
	limit                                        int
}

func (f *listFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVarP(&f.query, "query", "q", "", "words to find in any text of the credential, in any language (case and accents ignored)")
	fl.StringVar(&f.issuer, "issuer", "", "issuer or awarding body: its id, or words of its name")
	fl.IntSliceVar(&f.eqf, "eqf", nil, "EQF level(s), 1 to 8 (0 = no level stated); repeat or separate with commas")
	fl.Float64Var(&f.ectsMin, "ects-min", 0, "at least this many ECTS credits")
	fl.Float64Var(&f.ectsMax, "ects-max", 0, "at most this many ECTS credits")
	fl.StringVar(&f.from, "from", "", "issued on or after this `DATE` (YYYY-MM-DD)")
	fl.StringVar(&f.to, "to", "", "issued on or before this `DATE` (YYYY-MM-DD)")
	fl.StringSliceVar(&f.verdicts, "verdict", nil, `verification verdict(s): "verified", "not verified", "rejected"`)
	fl.StringSliceVar(&f.formats, "format", nil, "format(s): "+formatNames())
	fl.StringSliceVar(&f.collections, "collection", nil, "in any of these collections (name or id)")
	fl.StringSliceVar(&f.tags, "tag", nil, "with all of these tags")
	fl.StringVar(&f.expired, "expired", "", `"yes" for expired credentials only, "no" for the others`)
	fl.StringVar(&f.sort, "sort", "issued", "order: issued, added, title, issuer, ects")
	fl.BoolVar(&f.reverse, "reverse", false, "reverse the order (natural: dates newest first, names A-Z, ECTS largest first)")
	fl.IntVar(&f.limit, "limit", 0, "show at most this many")
	fl.StringVar(&f.lang, "lang", "", "show multilingual values in this language (default from $LANG)")
}

func formatNames() string {
	var names []string
	for _, f := range credential.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// parseDate reads a YYYY-MM-DD date flag.
func parseDate(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, usageError("--%s %q: give a date as YYYY-MM-DD", flag, s)
	}
	return t, nil
}

// query turns the flags into a search query; collection names need the
// wallet.
func (f *listFlags) toQuery(cmd *cobra.Command, w *wallet.Wallet) (search.Query, error) {
	q := search.Query{Text: f.query, Issuer: f.issuer, EQF: f.eqf, Tags: f.tags, Reverse: f.reverse, Limit: f.limit}
	for _, l := range f.eqf {
		if l < 0 || l > 8 {
			return q, usageError("--eqf %d: EQF levels go from 1 to 8 (0 for none stated)", l)
		}
	}
	if cmd.Flags().Changed("ects-min") {
		q.ECTSMin = &f.ectsMin
	}
	if cmd.Flags().Changed("ects-max") {
		q.ECTSMax = &f.ectsMax
	}
	var err error
	if q.From, err = parseDate("from", f.from); err != nil {
		return q, err
	}
	if q.To, err = parseDate("to", f.to); err != nil {
		return q, err
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return q, usageError("--to %s is before --from %s", f.to, f.from)
	}
	for _, v := range f.verdicts {
		switch vd := credential.Verdict(strings.ToLower(strings.TrimSpace(v))); vd {
		case credential.Verified, credential.NotVerified, credential.Rejected:
			q.Verdicts = append(q.Verdicts, vd)
		default:
			return q, usageError(`--verdict %q: use "verified", "not verified" or "rejected"`, v)
		}
	}
	for _, v := range f.formats {
		fm := credential.Format(strings.ToLower(strings.TrimSpace(v)))
		if !containsFormat(fm) {
			return q, usageError("--format %q: use one of %s", v, formatNames())
		}
		q.Formats = append(q.Formats, fm)
	}
	for _, name := range f.collections {
		c, err := w.Collection(name)
		if err != nil {
			return q, err
		}
		q.Collections = append(q.Collections, c.ID)
	}
	switch strings.ToLower(f.expired) {
	case "":
	case "yes", "true":
		q.Expired = ptr(true)
	case "no", "false":
		q.Expired = ptr(false)
	default:
		return q, usageError(`--expired %q: use "yes" or "no"`, f.expired)
	}
	q.Sort, err = search.ParseSort(f.sort)
	if err != nil {
		return q, usageError("--sort %q: use issued, added, title, issuer or ects", f.sort)
	}
	return q, nil
}

func ptr[T any](v T) *T { return &v }

func containsFormat(f credential.Format) bool {
	for _, k := range credential.Formats() {
		if k == f {
			return true
		}
	}
	return false
}

// listRow is one credential in the output of list.
type listRow struct {
	ID      string             `json:"id"`
	Title   string             `json:"title"`
	Issuer  string             `json:"issuer"`
	Issued  string             `json:"issued,omitempty"`
	Added   string             `json:"added,omitempty"`
	Format  credential.Format  `json:"format"`
	Verdict credential.Verdict `json:"verdict"`
	ECTS    *float64           `json:"ects"`
	EQF     int                `json:"eqfLevel,omitempty"`
	Tags    []string           `json:"tags,omitempty"`
}

func (a *app) listCommand() *cobra.Command {
	var f listFlags
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List, search, filter and sort the credentials in the wallet",
		Long: `List the credentials in the wallet. --query finds words in every text a
credential carries (title, issuer, learning outcomes, skills, field of study,
grade, ...) in every language it has, ignoring case and accents; a word
matches the start of a word, and a word of four letters or more also matches
inside one ("informatik" finds "Wirtschaftsinformatik"). Put a phrase in
double quotes. The filters combine: every one given must hold.`,
		Example: `  satchel-cli list --query "data analysis" --eqf 6 --sort ects
  satchel-cli list --issuer "Universität Wien" --from 2024-01-01 --verdict verified
  satchel-cli list --collection "Job applications" --tag python --sort title`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				q, err := f.toQuery(cmd, w)
				if err != nil {
					return err
				}
				l := a.language(f.lang)
				ix, err := w.Index(l)
				if err != nil && !errors.As(err, new(*wallet.DamagedError)) {
					return err
				}
				res := ix.Search(q)
				rows := make([]listRow, 0, len(res.Credentials))
				for _, c := range res.Credentials {
					rows = append(rows, listRow{
						ID: c.ID, Title: c.Title.In(l), Issuer: issuerName(c, l), Issued: date(c.Issued), Added: date(c.Added),
						Format: c.Format, Verdict: c.Verification.Verdict, ECTS: c.ECTS, EQF: c.EQF, Tags: c.Tags,
					})
				}
				a.emit(rows, func(out io.Writer) { printRows(out, rows, res.Total, ix.Len()) })
				return partial(err)
			})
		},
	}
	f.add(cmd)
	return cmd
}

// issuerName is the awarding body's name, or the issuer's.
func issuerName(c *credential.Credential, lang string) string {
	if c.AwardingBody != nil && !c.AwardingBody.Name.IsZero() {
		return c.AwardingBody.Name.In(lang)
	}
	if n := c.Issuer.Name.In(lang); n != "" {
		return n
	}
	return c.Issuer.ID
}

func printRows(out io.Writer, rows []listRow, total, all int) {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tAWARDED BY\tISSUED\tECTS\tEQF\tVERIFICATION")
	for _, r := range rows {
		ects, eqf := "", ""
		if r.ECTS != nil {
			ects = fmt.Sprint(*r.ECTS)
		}
		if r.EQF > 0 {
			eqf = fmt.Sprint(r.EQF)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID[:12], clip(r.Title, 48), clip(r.Issuer, 32), day(r.Issued), ects, eqf, r.Verdict)
	}
	tw.Flush()
	switch {
	case total == all:
		fmt.Fprintf(out, "%d credential(s)\n", total)
	case len(rows) < total:
		fmt.Fprintf(out, "%d of %d matching credential(s) shown; %d in the wallet\n", len(rows), total, all)
	default:
		fmt.Fprintf(out, "%d of %d credential(s) match\n", total, all)
	}
}

// day cuts a timestamp to its date.
func day(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}
