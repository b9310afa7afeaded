package verbs

// data/cameo-verbs.tsv is rebuilt from the shared directory by ./convert;
// convert/TestDataUpToDate checks that it is what the converter gives.

//go:generate go run ./convert -src ../../../shared/lexicons/petrarch2 -out data
