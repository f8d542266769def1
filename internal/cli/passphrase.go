package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/strength"
)

// PassphraseEnv names the environment variable holding the passphrase.
const PassphraseEnv = "SATCHEL_PASSPHRASE"

// maxPassphraseFile bounds a passphrase file; a passphrase is one line.
const maxPassphraseFile = 64 << 10

// readPassphraseFile returns the first line of path, without its line end.
func readPassphraseFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("passphrase file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPassphraseFile+1))
	if err != nil {
		return nil, fmt.Errorf("passphrase file: %w", err)
	}
	if len(data) > maxPassphraseFile {
		return nil, usageError("passphrase file %s is larger than %d bytes; it should hold one line", path, maxPassphraseFile)
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) == 0 {
		return nil, fmt.Errorf("passphrase file %s starts with an empty line: %w", path, errNoPassphrase)
	}
	return line, nil
}

// passphrase returns the wallet passphrase from --passphrase-file,
// SATCHEL_PASSPHRASE or, on a terminal, a prompt.
func (a *app) passphrase(prompt string) ([]byte, error) {
	if a.passphraseFile != "" {
		return readPassphraseFile(a.passphraseFile)
	}
	if p := a.io.Getenv(PassphraseEnv); p != "" {
		return []byte(p), nil
	}
	return a.prompt(prompt)
}

// newPassphrase returns a passphrase being set: from the file or variable
// named, or asked for twice on a terminal.
func (a *app) newPassphrase(file, env, what string) ([]byte, error) {
	p, err := a.readNewPassphrase(file, env, what)
	if err != nil {
		return nil, err
	}
	if err := wallet.ValidateNewPassphrase(p); err != nil {
		return nil, err
	}
	if s := strength.Of(p); !s.Strong() {
		fmt.Fprintf(a.io.Err, "Note: this %s is weak (strength %d of 4): it could be guessed. A few unrelated words make a strong one.\n", what, s.Score)
	}
	return p, nil
}

func (a *app) readNewPassphrase(file, env, what string) ([]byte, error) {
	if file != "" {
		return readPassphraseFile(file)
	}
	if p := a.io.Getenv(env); p != "" {
		return []byte(p), nil
	}
	p, err := a.prompt("New " + what + ": ")
	if err != nil {
		return nil, err
	}
	again, err := a.prompt("Repeat the " + what + ": ")
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(p, again) {
		return nil, usageError("the two passphrases differ; nothing was changed")
	}
	return p, nil
}

// prompt asks for a passphrase on the terminal without echoing it.
func (a *app) prompt(prompt string) ([]byte, error) {
	in, ok := a.io.In.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) {
		return nil, errNoPassphrase
	}
	fmt.Fprint(a.io.Err, prompt)
	p, err := term.ReadPassword(int(in.Fd()))
	fmt.Fprintln(a.io.Err)
	if err != nil {
		return nil, fmt.Errorf("read passphrase: %w", err)
	}
	if len(p) == 0 {
		return nil, fmt.Errorf("empty passphrase: %w", wallet.ErrInvalid)
	}
	return p, nil
}
