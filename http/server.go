// Package http serves a timeline database to a browser: the timeline page (its
// files embedded in package export, which also writes it as one self-contained
// HTML file) and the JSON API under /api/ that the page reads. It only reads:
// the store it is given may be opened read-only.
package http

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/export"
)

// Store is what the server reads. Events, rather than Timeline, because an
// answer needs the documents of one page of events, not of all of them
// (reading 1,200 articles' bodies to answer with 1,000 events of 300 of them).
type Store interface {
	Events(ctx context.Context, f timeline.EventFilter) ([]timeline.Event, error)
	Documents(ctx context.Context) ([]timeline.DocumentSummary, error)
	Document(ctx context.Context, id string) (*timeline.Document, error)
}

// DefaultPageSize is how many events /api/events returns when not asked: the
// page draws at most this many at once and pages beyond.
const DefaultPageSize = 1000

// MaxPageSize bounds the limit a client may ask for.
const MaxPageSize = 5000

// Server serves the timeline page and its API over a store.
type Server struct {
	Store Store
	// Title is the page's title; empty: "Timeline".
	Title string
	// Merge, when set, merges the events the store answers with; nil: none,
	// the stores in this module answering with occurrences merged as they
	// were stored.
	Merge func([]timeline.Event) []timeline.Event
	// Log receives the errors answered with 500; nil: the standard logger.
	Log *log.Logger
	// LocalOnly answers only requests addressed to a loopback name (localhost,
	// 127.0.0.1, [::1]). A server on localhost must set it: otherwise a web
	// page elsewhere can rebind its own host name to 127.0.0.1 (DNS
	// rebinding) and read the database through the visitor's browser.
	LocalOnly bool
}

// Handler returns the server's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /assets/", s.asset)
	mux.HandleFunc("GET /api/events", s.apiEvents)
	mux.HandleFunc("GET /api/docs", s.apiDocs)
	mux.HandleFunc("GET /api/docs/{id}", s.apiDoc)
	mux.HandleFunc("GET /api/actors", s.apiActors)
	mux.HandleFunc("GET /api/dyads", s.apiDyads)
	mux.HandleFunc("GET /api/tension", s.apiTension)
	mux.HandleFunc("GET /api/cameo", s.apiCAMEO)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.error(w, r, timeline.Errorf(timeline.ENOTFOUND, "no such API: %s %s", r.Method, r.URL.Path))
	})
	h := securityHeaders(mux)
	if s.LocalOnly {
		h = localOnly(h)
	}
	return h
}

// localOnly refuses a request whose Host header names anything but the
// loopback interface.
func localOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopbackHost(r.Host) {
			http.Error(w, "timeline serves localhost only: Host "+r.Host+" refused", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header (with or without its port) names
// the loopback interface.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// securityHeaders keeps the page from loading anything but its own files (so a
// sentence can never bring a script in) and from being framed by another site.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

func (s *Server) title() string {
	if s.Title != "" {
		return s.Title
	}
	return "Timeline"
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	if err := export.WritePage(&buf, s.title(), false, nil); err != nil {
		s.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(buf.Bytes())
}

// asset serves the page's scripts and styles (not index.html, whose title is
// filled in by index).
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/assets/")
	if name == "index.html" || !fs.ValidPath(name) {
		http.NotFound(w, r)
		return
	}
	data, err := fs.ReadFile(export.PageAssets, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "text/plain; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(data)
}

// writeJSON answers v as JSON.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.error(w, r, fmt.Errorf("encode %s: %w", r.URL.Path, err))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(buf.Bytes())
}

// error answers err as {"error": message} with the status its code calls for.
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	msg := err.Error()
	switch timeline.ErrorCode(err) {
	case timeline.EINVALID:
		status = http.StatusBadRequest
	case timeline.ENOTFOUND:
		status = http.StatusNotFound
	case timeline.ECONFLICT:
		status = http.StatusConflict
	default:
		if errors.Is(err, context.Canceled) {
			return // the client went away
		}
		logger := s.Log
		if logger == nil {
			logger = log.Default()
		}
		logger.Printf("serve: %s %s: %v", r.Method, r.URL, err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
