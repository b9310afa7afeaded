package events

import (
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
)

// mention is an actor mention with its resolved actor (pronouns and bare titles
// take their antecedent's identity).
type mention struct {
	actors.Mention
	actor    timeline.Actor
	person   bool // a person or a title: "he" and "she" can refer to it
	resolved bool // actor is known (coded or named)
}

// discourse tracks the antecedents pronouns and titles resolve to, in reading order.
type discourse struct {
	lastPerson  *timeline.Actor // the most recent person or leader acting as a subject
	lastNamed   *timeline.Actor // the most recent person named, in any role
	lastSubject *timeline.Actor // the most recent subject of any kind
	lastOther   *timeline.Actor // the most recent non-person collective
	// lastParty is lastOther but for a medium seen only as an object ("told
	// AFP", "obtained by Reuters"): the reporter is no "they" of the story.
	lastParty *timeline.Actor
	lastState *timeline.Actor           // the most recent state named (its bare country code)
	speaker   *timeline.Actor           // the author of the statement being read (quotes, tweets)
	lastList  *timeline.Actor           // the first of the last list of parties ("Uruguay, Paraguay and Argentina")
	lastPair  [2]*timeline.Actor        // the last two parties that acted together ("Uruguay and Paraguay")
	byOffice  map[string]timeline.Actor // office -> the person last named with that title ("President X")
	byHead    map[string]timeline.Actor // last word of a coded mention -> its actor (see noteHead)
}

func codeOf(m actors.Mention) string {
	if m.Actor.Code != "" {
		return m.Actor.Code
	}
	if m.Country != "" {
		return m.Country + m.Role
	}
	return ""
}

// resolve gives a mention its actor, looking pronouns and uncoded titles up in the
// discourse state. quoted tells whether the mention is inside a quotation, where
// "I" and "we" are the speaker.
func (d *discourse) resolve(m actors.Mention, quoted bool) mention {
	out := mention{Mention: m, actor: timeline.Actor{Name: m.Actor.Name, Code: codeOf(m)}}
	if out.actor.Name == "" {
		out.actor.Name = m.Text
	}
	switch m.Kind {
	case actors.KindPerson:
		out.person, out.resolved = true, true
	case actors.KindTitle:
		out.person = true
		if out.actor.Code != "" {
			out.resolved = true
			if d.lastPerson != nil && d.lastPerson.Code == out.actor.Code {
				out.actor.Name = d.lastPerson.Name
			}
		} else if a, ok := d.byOffice[m.Office]; ok && m.Office != "" && !m.Former {
			// "the president" is the one last named as president, not whoever
			// was named last ("the prime minister pledged to stand with the
			// president").
			out.actor, out.resolved = a, true
		} else if a, ok := d.byHead[headWord(m.Text)]; ok {
			// "the spokesman" is the spokesman last named, not whoever was
			// named last.
			out.actor, out.resolved = a, true
		} else if d.lastPerson != nil {
			out.actor, out.resolved = *d.lastPerson, true
		}
	case actors.KindPronoun:
		p := strings.ToLower(m.Text)
		var ante *timeline.Actor
		switch p {
		case "i", "me", "my", "we", "us", "our":
			if quoted || d.speaker != nil {
				ante = d.speaker
			}
		case "he", "his", "she":
			ante = d.lastPerson
		case "him", "her":
			// An object pronoun is not the subject it is object of: the person
			// named last, when that is not the subject ("... the envoy despite
			// calling him names").
			ante = d.lastPerson
			if d.lastNamed != nil && (ante == nil || *d.lastNamed != *ante) {
				ante = d.lastNamed
			}
		case "the kingdom", "the emirate", "the gulf state", "the gulf kingdom", "the island nation",
			"the communist state", "the communist country", "the balkan state", "the baltic state":
			ante = d.lastState
		case "they", "them", "their":
			ante = d.lastParty
			if ante == nil {
				ante = d.lastSubject
			}
		case "it", "its":
			ante = d.lastOther
			if ante == nil {
				ante = d.lastSubject
			}
		default:
			ante = d.lastSubject
		}
		if ante != nil {
			out.actor, out.resolved = *ante, true
			out.person = p == "he" || p == "him" || p == "his" || p == "she" || p == "her" || p == "i" || p == "me" || p == "my"
		}
	default:
		out.resolved = out.actor.Code != "" || m.Kind == actors.KindGroup
	}
	return out
}

// noteOffice records a person named with a title.
func (d *discourse) noteOffice(m mention) {
	if m.Kind != actors.KindPerson || m.Office == "" || m.Former || m.actor.Code == "" {
		return
	}
	if d.byOffice == nil {
		d.byOffice = make(map[string]timeline.Actor)
	}
	d.byOffice[m.Office] = m.actor
}

// noteHead records a coded mention by the last word of its text, for a later
// bare title with that word ("a Chinese foreign ministry spokesman", then "the
// spokesman").
func (d *discourse) noteHead(m mention) {
	if m.Kind == actors.KindPronoun || m.Kind == actors.KindPerson || m.actor.Code == "" {
		return
	}
	if d.byHead == nil {
		d.byHead = make(map[string]timeline.Actor)
	}
	d.byHead[headWord(m.Text)] = m.actor
}

// headWord is the last word of a mention's text, lowercased.
func headWord(text string) string {
	if i := strings.LastIndexByte(text, ' '); i >= 0 {
		text = text[i+1:]
	}
	return strings.ToLower(text)
}

// noteState records the state of a country or government mention, for a later
// "the kingdom".
func (d *discourse) noteState(m mention) {
	if m.Kind != actors.KindCountry && m.Kind != actors.KindGov || len(m.actor.Code) < 3 || strings.HasPrefix(m.actor.Code, "IGO") {
		return
	}
	d.lastState = &timeline.Actor{Name: m.actor.Name, Code: m.actor.Code[:3]}
}

// note records a resolved mention acting as a subject.
func (d *discourse) note(m mention) {
	if !m.resolved {
		return
	}
	d.noteState(m)
	d.noteOffice(m)
	d.noteHead(m)
	a := m.actor
	if m.person && m.Kind != actors.KindPronoun {
		d.lastNamed = &a
	}
	d.lastSubject = &a
	if m.person {
		d.lastPerson = &a
	} else {
		d.lastOther, d.lastParty = &a, &a
	}
}

// noteSeen records a mention merely seen (an object), so that a later "he" can
// reach a person named as an object when no subject person is known.
func (d *discourse) noteSeen(m mention) {
	if !m.resolved {
		return
	}
	d.noteState(m)
	d.noteOffice(m)
	d.noteHead(m)
	a := m.actor
	if m.person && m.Kind != actors.KindPronoun {
		d.lastNamed = &a
	}
	if m.person && d.lastPerson == nil {
		d.lastPerson = &a
	}
	if !m.person && m.Kind != actors.KindPronoun {
		d.lastOther = &a
		if !strings.HasSuffix(a.Code, "MED") {
			d.lastParty = &a
		}
	}
}

func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
