package main

import (
	"bytes"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/decruft/decruft/clean"
	"github.com/spf13/cobra"
)

func newRulesCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [NAME]",
		Short: "List the rules, or explain one with an example",
		Example: `  decruft rules            # every rule: name, on/off by default, title
  decruft rules teaser     # what teaser removes and keeps, before and after`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			all, _ := newRuleSet(o).all("")
			return clean.Names(all), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			// The rules in effect here: built-in ones and those of the
			// nearest .decruft.toml (or --config), with --enable/--disable.
			set := newRuleSet(o)
			all, err := set.all("")
			if err != nil {
				return err
			}
			on, err := set.forPath("")
			if err != nil {
				return err
			}
			// Written whole at the end, so that one error says whether
			// the listing got out.
			var buf bytes.Buffer
			if len(args) == 0 {
				tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
				for _, r := range all {
					_, _ = fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, onOff(clean.Lookup(on, r.Name) != nil), r.Title()) // into a buffer
				}
				_ = tw.Flush() // into a buffer: no error
				_, err := out.Write(buf.Bytes())
				return err
			}
			r := clean.Lookup(all, args[0])
			if r == nil {
				return fmt.Errorf("unknown rule %q (rules: %s)", args[0], strings.Join(clean.Names(all), ", "))
			}
			res := clean.Clean([]byte(r.Example), []*clean.Rule{r})
			fmt.Fprintf(&buf, "%s (%s): %s\n", r.Name, onOff(clean.Lookup(on, r.Name) != nil), r.Doc)
			if r.Needs != "" {
				fmt.Fprintf(&buf, "\nEvidence it needs: %s\n", r.Needs)
			}
			if r.Example != "" {
				fmt.Fprintf(&buf, "\nExample input:\n%s\nAfter %s:\n%s", indent(r.Example), r.Name, indent(string(res.Output)))
			}
			_, err = out.Write(buf.Bytes())
			return err
		},
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func indent(s string) string {
	if s == "" {
		return "    (nothing)\n"
	}
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}
