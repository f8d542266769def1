package qr

import "rsc.io/qr/coding"

// bestMask encodes the segments in version v at level l with each of the
// eight data masks and keeps the symbol with the lowest penalty score of
// ISO/IEC 18004 section 7.8.3: the one with the fewest long runs, blocks and
// finder-like patterns and the most even balance of dark and light, which
// is what scanners read best. (The library leaves the choice to the caller.)
func bestMask(v coding.Version, l coding.Level, segs []coding.Encoding) (*coding.Code, error) {
	var best *coding.Code
	bestScore := 0
	for m := coding.Mask(0); m < 8; m++ {
		plan, err := coding.NewPlan(v, l, m)
		if err != nil {
			return nil, err
		}
		code, err := plan.Encode(segs...)
		if err != nil {
			return nil, err
		}
		if s := penalty(code); best == nil || s < bestScore {
			best, bestScore = code, s
		}
	}
	return best, nil
}

// penalty returns the mask penalty score of a symbol (without quiet zone).
func penalty(c *coding.Code) int {
	n := c.Size
	rows := make([][]bool, n) // rows[y][x]
	cols := make([][]bool, n) // cols[x][y]
	for i := range n {
		rows[i], cols[i] = make([]bool, n), make([]bool, n)
	}
	darkCount := 0
	for y := range n {
		for x := range n {
			d := c.Black(x, y)
			rows[y][x], cols[x][y] = d, d
			if d {
				darkCount++
			}
		}
	}
	score := 0
	for _, lines := range [][][]bool{rows, cols} {
		for _, line := range lines {
			score += linePenalty(line)
		}
	}
	// Rule 2: 2x2 blocks of one colour, 3 each.
	for y := 0; y+1 < n; y++ {
		for x := 0; x+1 < n; x++ {
			d := rows[y][x]
			if rows[y][x+1] == d && rows[y+1][x] == d && rows[y+1][x+1] == d {
				score += 3
			}
		}
	}
	// Rule 4: 10 for every 5% the dark share strays from 50%.
	dev := darkCount*100/(n*n) - 50
	if dev < 0 {
		dev = -dev
	}
	return score + dev/5*10
}

// linePenalty scores one row or column: rule 1, runs of five or more
// modules of one colour (3 + run-5 each), and rule 3, the finder-like
// sequences 10111010000 and 00001011101 (40 each).
func linePenalty(line []bool) int {
	score, run := 0, 1
	for j := 1; j <= len(line); j++ {
		if j < len(line) && line[j] == line[j-1] {
			run++
			continue
		}
		if run >= 5 {
			score += 3 + run - 5
		}
		run = 1
	}
	const a, b = "10111010000", "00001011101"
	for j := 0; j+len(a) <= len(line); j++ {
		matchA, matchB := true, true
		for k := 0; k < len(a) && (matchA || matchB); k++ {
			d := line[j+k]
			matchA = matchA && d == (a[k] == '1')
			matchB = matchB && d == (b[k] == '1')
		}
		if matchA || matchB {
			score += 40
		}
	}
	return score
}
