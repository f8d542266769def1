package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/stack"
)

// stackView is a stack's progress as --json prints it.
type stackView struct {
	ID            string            `json:"id"`
	Name          string            `json:"name"`
	Description   string            `json:"description,omitempty"`
	Target        stack.Target      `json:"target"`
	Members       []memberView      `json:"members"`
	Missing       []string          `json:"missing,omitempty"`
	ECTS          float64           `json:"ects"`
	Hours         float64           `json:"hours"`
	CountedECTS   float64           `json:"countedEcts"`
	RemainingECTS *float64          `json:"remainingEcts,omitempty"`
	Requirements  []requirementView `json:"requirements"`
	Complete      bool              `json:"complete"`
	At            string            `json:"at"`
}

type memberView struct {
	ID      string             `json:"id"`
	Title   string             `json:"title"`
	By      string             `json:"awardedBy"`
	Issued  string             `json:"issued,omitempty"`
	ECTS    *float64           `json:"ects"`
	Hours   *float64           `json:"hours"`
	EQF     int                `json:"eqfLevel,omitempty"`
	Verdict credential.Verdict `json:"verdict"`
	Counted bool               `json:"counted"`
	Flags   []flagView         `json:"flags"`
}

type flagView struct {
	Code    stack.FlagCode `json:"code"`
	Message string         `json:"message"`
	With    []string       `json:"with,omitempty"`
}

type requirementView struct {
	Kind    string   `json:"kind"`
	Met     bool     `json:"met"`
	Message string   `json:"message"`
	By      []string `json:"by,omitempty"`
}

func viewProgress(p stack.Progress, lang string) stackView {
	v := stackView{
		ID: p.Stack.ID, Name: p.Stack.Name, Description: p.Stack.Description, Target: p.Stack.Target,
		Missing: p.Missing, ECTS: p.ECTS, Hours: p.Hours, CountedECTS: p.CountedECTS,
		RemainingECTS: p.RemainingECTS, Complete: p.Complete, At: date(p.At),
		Members: []memberView{}, Requirements: []requirementView{},
	}
	for _, m := range p.Members {
		c := m.Credential
		mv := memberView{
			ID: m.ID, Title: c.Title.In(lang), By: issuerName(c, lang), Issued: date(c.Issued),
			ECTS: c.ECTS, Hours: c.Hours, EQF: c.EQF, Verdict: c.Verification.Verdict, Counted: m.Counted,
			Flags: []flagView{},
		}
		for _, f := range m.Flags {
			mv.Flags = append(mv.Flags, flagView{f.Code, f.Message(), f.With})
		}
		v.Members = append(v.Members, mv)
	}
	for _, r := range p.Requirements {
		v.Requirements = append(v.Requirements, requirementView{r.Kind, r.Met, r.Message(), r.By})
	}
	return v
}

func (a *app) stackShow() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show a stack: totals, requirements met and unmet, members and their flags",
		Args:  exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				p, err := w.StackProgress(args[0])
				if err != nil {
					return err
				}
				v := viewProgress(p, a.language(lang))
				a.emit(v, func(out io.Writer) { printStack(out, v) })
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "show multilingual values in this language (default from $LANG)")
	return cmd
}

func printStack(out io.Writer, v stackView) {
	fmt.Fprintf(out, "Stack %q\nTarget: %s\n", v.Name, describeTarget(v.Target))
	if v.Description != "" {
		fmt.Fprintf(out, "%s\n", v.Description)
	}
	fmt.Fprintf(out, "\nECTS: %g counted towards the target, %g in all", v.CountedECTS, v.ECTS)
	if v.Hours > 0 {
		fmt.Fprintf(out, "; %g hours from members without ECTS", v.Hours)
	}
	fmt.Fprintln(out, ".")
	if v.Target.ECTS != nil && *v.Target.ECTS > 0 {
		fmt.Fprintf(out, "%s\n", bar(v.CountedECTS / *v.Target.ECTS))
	}
	if len(v.Requirements) > 0 {
		fmt.Fprintln(out, "\nRequirements:")
		for _, r := range v.Requirements {
			mark := "[ ]"
			if r.Met {
				mark = "[x]"
			}
			fmt.Fprintf(out, "  %s %s\n", mark, r.Message)
		}
		status := "not yet complete"
		if v.Complete {
			status = "complete: every requirement is met"
		}
		fmt.Fprintf(out, "The stack is %s.\n", status)
	}
	fmt.Fprintf(out, "\nMembers (%d):\n", len(v.Members))
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  ID\tTITLE\tAWARDED BY\tISSUED\tECTS\tEQF\tCOUNTS")
	for _, m := range v.Members {
		ects, eqf := "", ""
		if m.ECTS != nil {
			ects = fmt.Sprint(*m.ECTS)
		} else if m.Hours != nil {
			ects = fmt.Sprintf("(%gh)", *m.Hours)
		}
		if m.EQF > 0 {
			eqf = fmt.Sprint(m.EQF)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.ID[:12], clip(m.Title, 40), clip(m.By, 28), day(m.Issued), ects, eqf, yesNo(m.Counted))
	}
	tw.Flush()
	for _, m := range v.Members {
		for _, f := range m.Flags {
			fmt.Fprintf(out, "  ! %s %s: %s\n", m.ID[:12], f.Code, f.Message)
		}
	}
	for _, id := range v.Missing {
		fmt.Fprintf(out, "  ! %s is no longer in the wallet\n", id)
	}
}

// bar draws progress as a text bar with a percentage.
func bar(frac float64) string {
	const width = 30
	frac = min(max(frac, 0), 1)
	n := int(frac*width + 0.5)
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + fmt.Sprintf("] %.0f%%", frac*100)
}

func (a *app) stackSuggest() *cobra.Command {
	var limit int
	var lang string
	cmd := &cobra.Command{
		Use:   "suggest NAME",
		Short: "Suggest credentials of the wallet that belong in a stack, with the reasons",
		Args:  exactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				sug, err := w.SuggestForStack(args[0], limit)
				if err != nil {
					return err
				}
				l := a.language(lang)
				type reasonView struct {
					Code    string `json:"code"`
					Message string `json:"message"`
				}
				type suggestionView struct {
					ID      string       `json:"id"`
					Title   string       `json:"title"`
					ECTS    *float64     `json:"ects"`
					Score   int          `json:"score"`
					Reasons []reasonView `json:"reasons"`
				}
				views := make([]suggestionView, 0, len(sug))
				for _, s := range sug {
					sv := suggestionView{ID: s.ID, Title: s.Credential.Title.In(l), ECTS: s.Credential.ECTS, Score: s.Score}
					for _, r := range s.Reasons {
						sv.Reasons = append(sv.Reasons, reasonView{strings.TrimPrefix(r.Code, "stack.suggest-"), r.Message()})
					}
					views = append(views, sv)
				}
				a.emit(views, func(out io.Writer) {
					for _, s := range views {
						fmt.Fprintf(out, "%s  %s\n", s.ID[:12], s.Title)
						for _, r := range s.Reasons {
							fmt.Fprintf(out, "    - %s\n", r.Message)
						}
					}
					fmt.Fprintf(out, "%d suggestion(s). Add one with `satchel-cli stack add %q ID`.\n", len(views), args[0])
				})
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "suggest at most this many (0 for all)")
	cmd.Flags().StringVar(&lang, "lang", "", "show multilingual values in this language (default from $LANG)")
	return cmd
}
