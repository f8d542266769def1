package rdfc

import "fmt"

// ctxCheckEvery is how many permutations pass between checks of the
// context. A check costs tens of nanoseconds and a permutation about a
// microsecond; checking every 64th keeps the cost invisible and the
// response to cancellation well under a millisecond.
const ctxCheckEvery = 64

// spendCall charges one Hash N-Degree Quads call to the budget.
func (c *canonicalizer) spendCall() error {
	c.work.HashNDegreeCalls++
	if c.work.HashNDegreeCalls > c.maxCalls {
		return fmt.Errorf("rdfc: hash n-degree quads: over the budget of %d calls: %w", c.maxCalls, ErrTooComplex)
	}
	return c.checkContext()
}

// spendPermutation charges one permutation that costs steps to the budget.
func (c *canonicalizer) spendPermutation(steps int) error {
	c.work.Permutations++
	if err := c.spendSteps(steps); err != nil {
		return err
	}
	if c.work.Permutations%ctxCheckEvery == 0 {
		return c.checkContext()
	}
	return nil
}

// spendSteps charges n steps of Hash N-Degree Quads work to the budget.
func (c *canonicalizer) spendSteps(n int) error {
	c.work.Steps += n
	if c.work.Steps > c.maxSteps {
		return fmt.Errorf("rdfc: hash n-degree quads: over the budget of %d steps: %w", c.maxSteps, ErrTooComplex)
	}
	return nil
}

func (c *canonicalizer) checkContext() error {
	if err := c.ctx.Err(); err != nil {
		return fmt.Errorf("rdfc: canonicalization stopped: %w", err)
	}
	return nil
}
