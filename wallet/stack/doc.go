// Package stack computes a learner's progress towards a goal made of
// credentials: the totals, which requirements are met, what is wrong with
// which member, and which other credentials would fit.
//
// A [Stack] is the learner's own goal ("30 ECTS at EQF 6 in ICT, issued in
// the last five years"): a name, an optional [Target], and the ids of its
// member credentials. [Compute] judges the members against the target and
// returns a [Progress]; [Suggest] ranks the other credentials of the wallet
// as candidate members, each with its reasons. Both are pure functions of
// the credentials they are given, so the wallet, the desktop app and the
// tests share one answer.
//
// # What counts
//
// Every member's ECTS credits add up to [Progress.ECTS] (and the hours of
// members that state no ECTS to [Progress.Hours], shown apart: hours are
// not credits). Towards the target count only the members that qualify:
// verified, not expired, at or above the minimum EQF level, in one of the
// fields of study, issued within the time window — and of a duplicated
// achievement only the earliest award. Members that do not qualify stay in
// the stack, flagged with why. Whether a stack counts towards a
// qualification is for the receiving institution to decide; Satchel shows
// the learner and the institution the same honest account.
//
// # Flags
//
// A member can be flagged expired, not verified, below the level, of
// unknown level, outside the fields, outside the time window, without
// ECTS, a duplicate (the same credential twice, or the same achievement
// from the same awarding body), or overlapping (learning outcomes that
// repeat across members). Each [Flag] has a code and arguments, rendered
// into a sentence through the shared message table of package credential.
package stack
