package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/fetch"
)

// onReverify verifies the credential again from its original: dates move
// on, and with "Check online" ticked the revocation status and web keys
// are fetched. The network is used only then, and the sentence says so.
func (p *detailPage) onReverify() {
	p.app.touch()
	online := p.online.Checked && p.app.onlineAllowed()
	ch, err := p.app.wallet.Checker()
	if err != nil {
		p.say(explain(err))
		return
	}
	if online {
		ch.Online, ch.Fetcher = true, &fetch.HTTP{}
		p.say(lang.L("Checking online: Satchel asks the issuer's web sites for the revocation status and keys…"))
	} else {
		p.say(lang.L("Checking…"))
	}
	p.reverify.Disable()
	id, w := p.cred.ID, p.app.wallet
	p.app.background(func() func() {
		_, err := w.Reverify(context.Background(), ch, id)
		return func() {
			p.reverify.Enable()
			if p.app.wallet != w {
				return
			}
			if err != nil {
				p.say(explain(err))
				return
			}
			p.say(lang.L("Verified again just now."))
			p.reload()
			p.app.lib.load()
		}
	})
}

// tagEditor shows the learner's tags on the credential, each with a
// button that removes it, and an entry that adds one.
func (p *detailPage) tagEditor() fyne.CanvasObject {
	box := container.NewVBox()
	for _, t := range p.cred.Tags {
		rm := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { p.editTags(false, t) })
		rm.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel("#"+t)))
	}
	entry := newKeyEntry(p.app)
	entry.SetPlaceHolder(lang.L("Add a tag"))
	add := widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), func() { p.editTags(true, entry.Text) })
	entry.OnSubmitted = func(s string) { p.editTags(true, s) }
	box.Add(container.NewBorder(nil, nil, nil, add, entry))
	return box
}

func (p *detailPage) editTags(add bool, tag string) {
	p.app.touch()
	tag = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(tag), "#"))
	if tag == "" {
		return
	}
	var err error
	if add {
		_, err = p.app.wallet.AddTags(p.cred.ID, tag)
	} else {
		_, err = p.app.wallet.RemoveTags(p.cred.ID, tag)
	}
	if err != nil {
		p.say(explain(err))
		return
	}
	p.reload()
	p.app.lib.load()
}

// editCollectionsOf lets the learner tick the collections credential id
// belongs to, or make a new one for it.
func (a *App) editCollectionsOf(id string) {
	cols := a.lib.collections
	var names, in []string
	for _, c := range cols {
		names = append(names, c.Name)
		if slices.Contains(c.Members, id) {
			in = append(in, c.Name)
		}
	}
	group := widget.NewCheckGroup(names, nil)
	group.Selected = in
	newB := widget.NewButtonWithIcon(lang.L("New collection…"), theme.ContentAddIcon(), nil)
	var body fyne.CanvasObject = container.NewVScroll(group)
	if len(names) == 0 {
		body = paragraph(lang.L("You have no collections yet. Make one to group credentials, for example by job application or by subject."))
	}
	d := dialog.NewCustomConfirm(lang.L("Collections"), lang.L("Save"), lang.L("Cancel"),
		container.NewBorder(nil, newB, nil, nil, body), func(ok bool) {
			if !ok {
				return
			}
			a.touch()
			for _, c := range cols {
				want, has := slices.Contains(group.Selected, c.Name), slices.Contains(c.Members, id)
				var err error
				switch {
				case want && !has:
					_, _, err = a.wallet.AddToCollection(c.ID, id)
				case !want && has:
					_, _, err = a.wallet.RemoveFromCollection(c.ID, id)
				}
				if err != nil {
					a.notice(explain(err))
					break
				}
			}
			a.afterChange(id)
		}, a.win)
	newB.OnTapped = func() {
		d.Hide()
		a.newCollection([]string{id})
	}
	d.Resize(fyne.NewSize(420, 360))
	d.Show()
}

// afterChange reloads the library and, if a credential's detail is
// shown, the detail.
func (a *App) afterChange(id string) {
	a.lib.load()
	if id != "" {
		a.openCredential(id)
	}
}

// newCollection asks for a name and makes a collection, with members if
// given; without members it shows the new, empty collection.
func (a *App) newCollection(members []string) {
	entry := newKeyEntry(a)
	entry.SetPlaceHolder(lang.L("For example: Job applications 2026"))
	d := dialog.NewForm(lang.L("New collection"), lang.L("Create"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), entry)}, func(ok bool) {
			if !ok || strings.TrimSpace(entry.Text) == "" {
				return
			}
			a.touch()
			c, err := a.wallet.CreateCollection(strings.TrimSpace(entry.Text))
			if err == nil && len(members) > 0 {
				_, _, err = a.wallet.AddToCollection(c.ID, members...)
			}
			if err != nil {
				a.notice(explain(err))
				return
			}
			if len(members) == 1 {
				a.afterChange(members[0])
				return
			}
			a.shell.show(secCredentials)
			a.shell.creds.q.Collections = []string{c.ID}
			a.lib.load()
		}, a.win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
	a.win.Canvas().Focus(entry)
}

// renameCollection asks for a new name.
func (a *App) renameCollection(c wallet.Collection) {
	entry := newKeyEntry(a)
	entry.SetText(c.Name)
	d := dialog.NewForm(lang.L("Rename collection"), lang.L("Rename"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), entry)}, func(ok bool) {
			if !ok || strings.TrimSpace(entry.Text) == "" {
				return
			}
			a.touch()
			if _, err := a.wallet.RenameCollection(c.ID, strings.TrimSpace(entry.Text)); err != nil {
				a.notice(explain(err))
				return
			}
			a.lib.load()
		}, a.win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
}

// deleteCollection asks, then deletes a collection; its credentials stay.
func (a *App) deleteCollection(c wallet.Collection) {
	msg := lang.N("Delete the collection “{{.Name}}”? Its {{.N}} credentials stay in the wallet.", len(c.Members), map[string]any{"Name": c.Name, "N": len(c.Members)})
	dialog.ShowConfirm(lang.L("Delete collection"), msg, func(ok bool) {
		if !ok {
			return
		}
		a.touch()
		if _, err := a.wallet.DeleteCollection(c.ID); err != nil {
			a.notice(explain(err))
			return
		}
		a.shell.creds.q.Collections = nil
		a.lib.load()
	}, a.win)
}

// deleteCredential asks, naming what else the credential is part of, then
// deletes it and says which stacks lost a member.
func (a *App) deleteCredential(c *credential.Credential) {
	name := credTitle(c, a.language())
	msg := lang.L("Delete “{{.Title}}” from the wallet? This cannot be undone; you would need the original file to import it again.", map[string]any{"Title": name})
	d := dialog.NewConfirm(lang.L("Delete credential"), msg, func(ok bool) {
		if !ok {
			return
		}
		a.touch()
		del, err := a.wallet.DeleteCredential(c.ID)
		if err != nil {
			a.notice(explain(err))
			return
		}
		a.shell.back()
		a.lib.load()
		text := lang.L("Deleted “{{.Title}}”.", map[string]any{"Title": name})
		if len(del.Stacks) > 0 {
			text += " " + lang.L("It was taken out of these stacks: {{.Stacks}}.", map[string]any{"Stacks": strings.Join(del.Stacks, ", ")})
		}
		a.notice(text)
	}, a.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.SetConfirmText(lang.L("Delete"))
	d.Show()
}
