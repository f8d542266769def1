package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
)

// onMake signs the presentation off the UI goroutine and shows it.
func (p *sharePage) onMake() {
	p.app.touch()
	ids := p.ids()
	form := shareForm(slices.Index(p.form.Options, p.form.Selected))
	if msg := p.check(ids, form); msg != "" {
		p.problem.SetText(msg)
		return
	}
	f, err := p.format(ids, form)
	if err != nil {
		p.problem.SetText(shareProblem(err))
		return
	}
	opts := share.Options{Format: f, Challenge: strings.TrimSpace(p.challenge.Text), Domain: strings.TrimSpace(p.domain.Text), Now: p.app.now}
	if f == share.FormatSDJWT {
		// Nothing ticked reveals only what the issuer always shows.
		for _, o := range p.claims.Selected {
			opts.Disclose = append(opts.Disclose, p.claimOf[o])
		}
	}
	w, stackRef := p.app.wallet, p.stackRef
	qrOpts := p.app.qrOptions() // the QR defaults of Settings
	p.makeB.Disable()
	p.problem.SetText(lang.L("Signing…"))
	p.app.background(func() func() {
		var data []byte
		var rec share.Record
		var payload *qr.Payload
		var symbols []*qr.Symbol
		err := func() error {
			if stackRef != "" {
				_, sum, err := share.StackMembers(w, stackRef)
				if err != nil {
					return err
				}
				opts.Summary = sum
			}
			var err error
			data, rec, err = share.PresentStored(context.Background(), w, "", ids, opts)
			if err != nil || form != formQR {
				return err
			}
			payload, err = qr.Encode(data, qrOpts)
			if err != nil {
				return err
			}
			symbols, err = payload.Symbols()
			return err
		}()
		return func() {
			p.makeB.Enable()
			if p.app.wallet != w {
				return
			}
			if err != nil {
				p.problem.SetText(shareProblem(err))
				return
			}
			p.problem.SetText("")
			r := &sharedPage{app: p.app, data: data, rec: rec, form: form, payload: payload, symbols: symbols, logged: map[string]bool{}, from: p.root}
			p.app.shell.push(r.content())
			p.app.shared = r
			r.started()
		}
	})
}
