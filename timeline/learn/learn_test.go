package learn

import (
	"bytes"
	"strings"
	"testing"
)

// cases is a small problem a linear model separates: the class follows one
// word, whatever the noise word beside it.
var cases = []struct {
	feats []string
	class string
}{
	{[]string{"w=sign", "n=a"}, "05"},
	{[]string{"w=sign", "n=b"}, "05"},
	{[]string{"w=attack", "n=a"}, "18"},
	{[]string{"w=attack", "n=b"}, "18"},
	{[]string{"w=say", "n=a"}, "01"},
	{[]string{"w=say", "n=b"}, "01"},
	{[]string{"w=walk", "n=a"}, "none"},
	{[]string{"w=walk", "n=b"}, "none"},
}

func train(t *testing.T) *Model {
	t.Helper()
	tr := NewTrainer([]string{"none", "01", "05", "18"})
	for epoch := 0; epoch < 5; epoch++ {
		for _, c := range cases {
			if _, err := tr.Train(c.feats, c.class); err != nil {
				t.Fatal(err)
			}
		}
	}
	return tr.Model()
}

func TestLearnsSeparable(t *testing.T) {
	m := train(t)
	for _, c := range cases {
		if got, _ := m.Predict(c.feats); got != c.class {
			t.Errorf("Predict(%v) = %s, want %s", c.feats, got, c.class)
		}
	}
	// An unseen noise word does not change the answer.
	if got, _ := m.Predict([]string{"w=attack", "n=zzz"}); got != "18" {
		t.Errorf("unseen noise: got %s, want 18", got)
	}
	if _, err := NewTrainer([]string{"a"}).Train(nil, "b"); err == nil {
		t.Error("unknown class: want an error")
	}
}

func TestRoundTrip(t *testing.T) {
	m := train(t)
	var a bytes.Buffer
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(bytes.NewReader(a.Bytes()), "model")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m2.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("round trip changed the model:\n%s\n---\n%s", a.String(), b.String())
	}
	// Training is deterministic: the same cases give the same bytes.
	var c bytes.Buffer
	if _, err := train(t).WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	if a.String() != c.String() {
		t.Error("two trainings on the same cases gave different models")
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"", "weights\ta\n", "classes\ta\tb\nf\t1\n", "classes\ta\nf\tx\n"} {
		if _, err := Read(strings.NewReader(in), "m"); err == nil {
			t.Errorf("Read(%q): want an error", in)
		}
	}
}
