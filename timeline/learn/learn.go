// Package learn is a multiclass averaged perceptron over string features: the
// classic linear learner for deciding what rules leave open (is this predicate
// an event, and of which kind). Features are names ("lemma=sign", "lex=05");
// a model maps each feature to one weight per class and scores a case by
// summing the weights of its features. Averaging the weights over every update
// of training (Collins 2002) keeps the late, noisy updates from dominating, and
// generalises almost as well as a margin-based learner at a fraction of the cost.
//
// Models are plain text, one feature a line in sorted order, so that training
// is reproducible byte for byte and a model can be read and diffed.
package learn

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Model is a trained classifier. It is safe for concurrent use.
type Model struct {
	classes []string
	weights map[string][]float32
}

// Classes returns the class names in model order.
func (m *Model) Classes() []string { return m.classes }

// Scores returns the score of each class (in Classes order) for the features.
func (m *Model) Scores(feats []string) []float32 {
	s := make([]float32, len(m.classes))
	for _, f := range feats {
		if w, ok := m.weights[f]; ok {
			for c, v := range w {
				s[c] += v
			}
		}
	}
	return s
}

// Predict returns the best class for the features and its margin over the
// runner-up (0 when there is one class). Ties go to the class listed first.
func (m *Model) Predict(feats []string) (class string, margin float32) {
	s := m.Scores(feats)
	best, second := 0, -1
	for c := 1; c < len(s); c++ {
		switch {
		case s[c] > s[best]:
			best, second = c, best
		case second < 0 || s[c] > s[second]:
			second = c
		}
	}
	if second < 0 {
		return m.classes[best], 0
	}
	return m.classes[best], s[best] - s[second]
}

// Trainer accumulates perceptron updates and returns the averaged model.
type Trainer struct {
	classes []string
	index   map[string]int
	w       map[string][]float64 // current weights
	total   map[string][]float64 // weights summed over time, up to stamp
	stamp   map[string][]int     // when each weight last changed
	n       int                  // updates seen (cases, not mistakes)
}

// NewTrainer returns a trainer over the given classes.
func NewTrainer(classes []string) *Trainer {
	t := &Trainer{
		classes: append([]string(nil), classes...),
		index:   make(map[string]int, len(classes)),
		w:       map[string][]float64{},
		total:   map[string][]float64{},
		stamp:   map[string][]int{},
	}
	for i, c := range classes {
		t.index[c] = i
	}
	return t
}

// Train scores one case, updates the weights when the prediction is not the
// gold class, and returns the prediction made before the update.
func (t *Trainer) Train(feats []string, gold string) (string, error) {
	g, ok := t.index[gold]
	if !ok {
		return "", fmt.Errorf("learn: unknown class %q", gold)
	}
	t.n++
	s := make([]float64, len(t.classes))
	for _, f := range feats {
		for c, v := range t.w[f] {
			s[c] += v
		}
	}
	p := 0
	for c := range s {
		if s[c] > s[p] {
			p = c
		}
	}
	if p != g {
		for _, f := range feats {
			t.update(f, g, 1)
			t.update(f, p, -1)
		}
	}
	return t.classes[p], nil
}

func (t *Trainer) update(f string, c int, v float64) {
	w, ok := t.w[f]
	if !ok {
		w = make([]float64, len(t.classes))
		t.w[f] = w
		t.total[f] = make([]float64, len(t.classes))
		t.stamp[f] = make([]int, len(t.classes))
	}
	t.total[f][c] += float64(t.n-t.stamp[f][c]) * w[c]
	t.stamp[f][c] = t.n
	w[c] += v
}

// Model returns the averaged model. Weights whose average rounds to zero are
// dropped.
func (t *Trainer) Model() *Model {
	m := &Model{classes: append([]string(nil), t.classes...), weights: make(map[string][]float32, len(t.w))}
	for f, w := range t.w {
		avg := make([]float32, len(w))
		nonzero := false
		for c := range w {
			tot := t.total[f][c] + float64(t.n-t.stamp[f][c])*w[c]
			a := float32(round(tot/float64(max(t.n, 1)), 4))
			avg[c] = a
			nonzero = nonzero || a != 0
		}
		if nonzero {
			m.weights[f] = avg
		}
	}
	return m
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// WriteTo writes the model as text: a header line of class names, then one
// line per feature with its weights, features sorted.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	k, err := bw.WriteString("classes\t" + strings.Join(m.classes, "\t") + "\n")
	n += int64(k)
	if err != nil {
		return n, err
	}
	feats := make([]string, 0, len(m.weights))
	for f := range m.weights {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	var line []byte
	for _, f := range feats {
		line = append(line[:0], f...)
		for _, v := range m.weights[f] {
			line = append(line, '\t')
			line = strconv.AppendFloat(line, float64(v), 'g', -1, 32)
		}
		line = append(line, '\n')
		k, err := bw.Write(line)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

// Read reads a model written by WriteTo; name is used in error messages.
func Read(r io.Reader, name string) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("learn: read %s: %w", name, err)
		}
		return nil, fmt.Errorf("learn: read %s: empty model", name)
	}
	head := strings.Split(sc.Text(), "\t")
	if head[0] != "classes" || len(head) < 2 {
		return nil, fmt.Errorf("learn: read %s:1: want a header \"classes\\t...\"", name)
	}
	m := &Model{classes: head[1:], weights: map[string][]float32{}}
	for n := 2; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != len(m.classes)+1 {
			return nil, fmt.Errorf("learn: read %s:%d: want %d weights, got %d", name, n, len(m.classes), len(f)-1)
		}
		w := make([]float32, len(m.classes))
		for c, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 32)
			if err != nil {
				return nil, fmt.Errorf("learn: read %s:%d: %w", name, n, err)
			}
			w[c] = float32(v)
		}
		m.weights[f[0]] = w
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("learn: read %s: %w", name, err)
	}
	return m, nil
}
