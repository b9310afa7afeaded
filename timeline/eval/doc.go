// Package eval scores a system's output against gold annotations, giving the same
// figures as the reference scorers in shared/tools: TempEval-3 TIMEX3 scoring
// (te3score.py), the EVENTS.md event scoring (eventscore.py) and the CoNLL 2018
// tagging and parsing scores on gold tokenisation (udscore.py).
//
// Both are faithful ports: the reference scorers are what the project is measured
// with, so where they make an odd choice the port makes it too, and says so.
package eval
