package storage_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/satchel-wallet/satchel/storage"
	"github.com/satchel-wallet/satchel/wallet"
)

// The tests below start this test binary again as a second process. The
// helper role is chosen by environment variables; see TestMain.
const (
	envRole = "SATCHEL_STORAGE_TEST_ROLE"
	envPath = "SATCHEL_STORAGE_TEST_PATH"
)

func TestMain(m *testing.M) {
	switch os.Getenv(envRole) {
	case "":
		os.Exit(m.Run())
	case "open":
		helperOpen()
	case "writer":
		helperWriter()
	}
	os.Exit(3)
}

// helperOpen tries to open the wallet and prints the outcome.
func helperOpen() {
	start := time.Now()
	_, err := storage.Open(os.Getenv(envPath), pass)
	fmt.Printf("%v|%t|%s\n", time.Since(start).Milliseconds(), errors.Is(err, wallet.ErrInUse), err)
	os.Exit(0)
}

// recordValue is the deterministic value written for record n, so that the
// parent can check it without having been told it.
func recordValue(n int) []byte {
	sum := sha256.Sum256([]byte(strconv.Itoa(n)))
	return bytes.Repeat(sum[:], 1+n%64)
}

// helperWriter writes records without end, one or several per
// transaction, and prints the id of each after its Update returned.
func helperWriter() {
	v, err := storage.Open(os.Getenv(envPath), pass)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	start, _ := strconv.Atoi(os.Getenv("SATCHEL_STORAGE_TEST_START"))
	out := bufio.NewWriter(os.Stdout)
	for n := start; ; {
		batch := 1 + n%3
		err := v.Update(func(tx wallet.Tx) error {
			for i := range batch {
				if err := tx.Put(wallet.BucketCredentials, strconv.Itoa(n+i), recordValue(n+i)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		for i := range batch {
			fmt.Fprintln(out, n+i)
		}
		out.Flush()
		n += batch
	}
}

func helper(t *testing.T, role, path string, extra ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), envRole+"="+role, envPath+"="+path)
	cmd.Env = append(cmd.Env, extra...)
	return cmd
}

func TestSecondProcessGetsClearErrorQuickly(t *testing.T) {
	v, path := newVault(t)
	defer v.Close()
	out, err := helper(t, "open", path).Output()
	if err != nil {
		t.Fatalf("helper: %v", err)
	}
	parts := strings.SplitN(strings.TrimSpace(string(out)), "|", 3)
	if len(parts) != 3 {
		t.Fatalf("helper said %q", out)
	}
	ms, _ := strconv.Atoi(parts[0])
	if parts[1] != "true" || !strings.Contains(parts[2], "open in another Satchel window") {
		t.Fatalf("second process got %q, want the in-use error", parts[2])
	}
	if ms >= 2000 {
		t.Fatalf("second process waited %d ms, want under 2000", ms)
	}
	t.Logf("second process refused after %d ms: %s", ms, parts[2])
}

// TestCrashSafety kills a writer with SIGKILL in the middle of writing,
// many times over. After each kill the wallet must pass check, and every
// record whose Update returned before the kill must be there and intact.
// SATCHEL_SOAK sets the number of rounds (default 50; make soak runs more).
func TestCrashSafety(t *testing.T) {
	rounds := 50
	if s := os.Getenv("SATCHEL_SOAK"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	t.Setenv(storage.InsecureTestKDFEnv, "1") // hundreds of opens; the KDF is not under test
	path := filepath.Join(t.TempDir(), "wallet.satchel")
	v, err := storage.Create(path, pass)
	if err != nil {
		t.Fatal(err)
	}
	v.Close()

	acked := map[int]bool{}
	next := 0
	for round := range rounds {
		cmd := helper(t, "writer", path, fmt.Sprintf("SATCHEL_STORAGE_TEST_START=%d", next))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a random number of acknowledged records, so that the
		// kill lands at every stage of a commit over the rounds.
		killAfter := 1 + rand.IntN(40)
		sc := bufio.NewScanner(stdout)
		seen := 0
		for sc.Scan() {
			line := sc.Text()
			n, err := strconv.Atoi(line)
			if err != nil {
				t.Fatalf("round %d: writer said %q", round, line)
			}
			acked[n] = true
			next = max(next, n+1)
			if seen++; seen == killAfter {
				time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
				cmd.Process.Signal(syscall.SIGKILL)
				break
			}
		}
		// Records acknowledged after the decision to kill are read too.
		for sc.Scan() {
			if n, err := strconv.Atoi(sc.Text()); err == nil {
				acked[n] = true
				next = max(next, n+1)
			}
		}
		cmd.Wait()
		// The writer may have committed records it never got to print;
		// the next round starts past them.
		next += 3

		v, err := storage.Open(path, pass)
		if err != nil {
			t.Fatalf("round %d: reopen after SIGKILL: %v", round, err)
		}
		rep, err := v.Check()
		if err != nil || !rep.OK() {
			t.Fatalf("round %d: check after SIGKILL: %+v, %v", round, rep, err)
		}
		err = v.View(func(tx wallet.Tx) error {
			for n := range acked {
				got, err := tx.Get(wallet.BucketCredentials, strconv.Itoa(n))
				if err != nil {
					return fmt.Errorf("acknowledged record %d: %w", n, err)
				}
				if !bytes.Equal(got, recordValue(n)) {
					return fmt.Errorf("acknowledged record %d has the wrong value", n)
				}
			}
			return nil
		})
		v.Close()
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	t.Logf("%d rounds, %d acknowledged records, all intact", rounds, len(acked))
	if len(acked) < rounds {
		t.Fatalf("only %d records were acknowledged over %d rounds; the test did not exercise writing", len(acked), rounds)
	}
}
