package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/stack"
)

// targetFlags are the parts of a stack's target.
type targetFlags struct {
	ects                      float64
	minEQF                    int
	fields, outcomes, credIDs []string
	within, description       string
}

func (f *targetFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.Float64Var(&f.ects, "target-ects", 0, "total ECTS credits to reach")
	fl.IntVar(&f.minEQF, "min-eqf", 0, "lowest EQF level a member may have (1 to 8)")
	fl.StringSliceVar(&f.fields, "field", nil, `field(s) of study: ISCED-F codes ("06", "0613") or words of the field's name`)
	fl.StringArrayVar(&f.outcomes, "outcome", nil, "a learning outcome the members must cover: a skill URI or words (repeat for more)")
	fl.StringSliceVar(&f.credIDs, "require", nil, "id(s) of credentials that must be members")
	fl.StringVar(&f.within, "within", "", `members issued within this period before today, e.g. 5y, 18mo, 90d`)
}

// apply sets on t the parts of the target given on the command line.
func (f *targetFlags) apply(cmd *cobra.Command, t *stack.Target) error {
	fl := cmd.Flags()
	if fl.Changed("target-ects") {
		t.ECTS = ptr(f.ects)
	}
	if fl.Changed("min-eqf") {
		t.MinEQF = f.minEQF
	}
	if fl.Changed("field") {
		t.Fields = f.fields
	}
	if fl.Changed("outcome") {
		t.Outcomes = f.outcomes
	}
	if fl.Changed("require") {
		t.Credentials = f.credIDs
	}
	if fl.Changed("within") {
		p, err := stack.ParsePeriod(f.within)
		if err != nil && f.within != "" {
			return usageError("--within %q: give a period such as 5y, 18mo, 2w or 90d", f.within)
		}
		t.Within = p
	}
	if err := t.Validate(); err != nil {
		return usageError("%v", err)
	}
	return nil
}

func (a *app) stackCommand() *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "stack",
		Short: "Stack credentials towards a goal: totals, progress, flags and suggestions",
		Long: `A stack is your own goal, such as "30 ECTS at EQF 6 in ICT within 5 years",
and the credentials you gather towards it. Satchel adds up the ECTS, shows
which parts of the target are met, flags members that are expired, not
verified, below the level, duplicated or overlapping, and suggests other
credentials of your wallet that fit. Whether a stack counts towards a
qualification is for the receiving institution to decide.`,
	})
	shared := groupCmds[stack.Stack]{
		noun:    "stack",
		view:    func(s stack.Stack) any { return s },
		name:    func(s stack.Stack) string { return s.Name },
		members: func(s stack.Stack) int { return len(s.Members) },
		rename:  (*wallet.Wallet).RenameStack,
		delete:  (*wallet.Wallet).DeleteStack,
		add:     (*wallet.Wallet).AddToStack,
		remove:  (*wallet.Wallet).RemoveFromStack,
	}
	cmd.AddCommand(shared.commands(a)...)
	cmd.AddCommand(
		a.stackCreate(),
		a.stackTarget(),
		a.stackList(),
		a.stackShow(),
		a.stackSuggest(),
	)
	return cmd
}

func (a *app) stackCreate() *cobra.Command {
	var tf targetFlags
	cmd := &cobra.Command{
		Use:   "create NAME [ID...]",
		Short: "Create a stack, with an optional target and first members",
		Example: `  satchel-cli stack create "ICT bachelor top-up" --target-ects 30 --min-eqf 6 --field 06 --within 5y
  satchel-cli stack create "Data science" --outcome "machine learning" --require 3f2a9c`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s := stack.Stack{Name: args[0], Description: tf.description, Members: args[1:]}
			if err := tf.apply(cmd, &s.Target); err != nil {
				return err
			}
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				s, err := w.CreateStack(s)
				if err != nil {
					return err
				}
				a.emit(s, func(out io.Writer) {
					fmt.Fprintf(out, "Created stack %q with %d credential(s). Target: %s.\n", s.Name, len(s.Members), describeTarget(s.Target))
				})
				return nil
			})
		},
	}
	tf.add(cmd)
	cmd.Flags().StringVar(&tf.description, "description", "", "a note on what the stack is for")
	return cmd
}

func (a *app) stackTarget() *cobra.Command {
	var tf targetFlags
	var clear bool
	cmd := &cobra.Command{
		Use:   "target NAME",
		Short: "Change a stack's target: the parts given replace those set before",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withWallet(func(_ *storage.Vault, w *wallet.Wallet) error {
				s, err := w.Stack(args[0])
				if err != nil {
					return err
				}
				if clear {
					s.Target = stack.Target{}
				}
				if err := tf.apply(cmd, &s.Target); err != nil {
					return err
				}
				if s, err = w.SetStackTarget(s.ID, s.Target); err != nil {
					return err
				}
				a.emit(s, func(out io.Writer) {
					fmt.Fprintf(out, "Stack %q now aims for: %s.\n", s.Name, describeTarget(s.Target))
				})
				return nil
			})
		},
	}
	tf.add(cmd)
	cmd.Flags().BoolVar(&clear, "clear", false, "start from an empty target")
	return cmd
}

// describeTarget says what a target asks for in one line.
func describeTarget(t stack.Target) string {
	var parts []string
	if t.ECTS != nil {
		parts = append(parts, fmt.Sprintf("%g ECTS", *t.ECTS))
	}
	if t.MinEQF > 0 {
		parts = append(parts, fmt.Sprintf("EQF %d or above", t.MinEQF))
	}
	if len(t.Fields) > 0 {
		parts = append(parts, "in "+strings.Join(t.Fields, ", "))
	}
	if !t.Within.IsZero() {
		parts = append(parts, "issued within "+t.Within.String())
	}
	if n := len(t.Outcomes); n > 0 {
		parts = append(parts, fmt.Sprintf("%d learning outcome(s)", n))
	}
	if n := len(t.Credentials); n > 0 {
		parts = append(parts, fmt.Sprintf("%d required credential(s)", n))
	}
	return joinOr(parts, "none (the stack only gathers)")
}

func (a *app) stackList() *cobra.Command {
	return a.walletCommand("list", "List the stacks with their progress", exactArgs(0), func(w *wallet.Wallet, _ []string) error {
		stacks, err := w.Stacks()
		var damaged *wallet.DamagedError
		if err != nil && !errors.As(err, &damaged) {
			return err
		}
		views := make([]stackView, 0, len(stacks))
		for _, s := range stacks {
			p, err := w.StackProgress(s.ID)
			if err != nil {
				return err
			}
			views = append(views, viewProgress(p, a.language("")))
		}
		a.emit(views, func(out io.Writer) {
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tMEMBERS\tECTS\tTARGET\tCOMPLETE")
			for _, v := range views {
				target := "-"
				if v.Target.ECTS != nil {
					target = fmt.Sprintf("%g", *v.Target.ECTS)
				}
				fmt.Fprintf(tw, "%s\t%d\t%g\t%s\t%s\n", v.Name, len(v.Members), v.CountedECTS, target, yesNo(v.Complete))
			}
			tw.Flush()
			fmt.Fprintf(out, "%d stack(s). See one with `satchel-cli stack show NAME`.\n", len(views))
		})
		return partial(err)
	})
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
