package actors

// The tables converted from the PETRARCH2 / Phoenix dictionaries
// (data/phoenix-*.tsv) are rebuilt from the shared directory by ./convert;
// convert/TestDataUpToDate checks that they are what it gives.

//go:generate go run ./convert -src ../../../shared/lexicons/petrarch2 -ewt ../../../shared/corpora/ud-ewt -data data
